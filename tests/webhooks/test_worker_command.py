"""`partnergraph webhooks run`: the worker as its own process, over the test Neo4j, delivers and stops cleanly on
SIGTERM (the in-process worker the other tests drive is the same class; this is the command around it)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.webhooks.conftest import DEADLINE, create_accounts, eventually, register

pytestmark = pytest.mark.usefixtures("cleanup")

COMMAND = Path(sys.executable).parent / "partnergraph"


async def test_the_command_delivers_and_stops_on_sigterm(gql, settings, receiver, prefix):
    registered = await register(gql, receiver.url, ["Account"])
    env = {**os.environ, "PARTNERGRAPH_STATE_DIR": str(settings.state_dir),
           "PARTNERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port), "PARTNERGRAPH_LOG_LEVEL": "warning"}
    worker = await asyncio.create_subprocess_exec(str(COMMAND), "webhooks", "run", env=env,
                                                  stderr=asyncio.subprocess.PIPE)
    try:
        (key,) = await create_accounts(gql, prefix, "p-contoso", 1)
        (request,) = await eventually(receiver.received, "the command's delivery")
        assert request.json["change"]["entityKey"] == key
        assert request.delivery.startswith(registered["webhook"]["key"] + "-")
        worker.send_signal(signal.SIGTERM)
        await asyncio.wait_for(worker.wait(), DEADLINE)
        said = (await worker.stderr.read()).decode()
    finally:
        if worker.returncode is None:
            worker.kill()
            await worker.wait()
    assert worker.returncode == 0, said
    assert "webhooks: stopped" in said
