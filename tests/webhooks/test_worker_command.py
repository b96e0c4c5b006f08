"""Where the worker runs: `partnergraph webhooks run` as its own process, over the test Neo4j, delivers and stops
cleanly on SIGTERM; a gateway under uvicorn runs one from its lifespan (the in-process worker the other tests drive
is the same class; these are what starts it)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from gateway.local_neo4j import free_port
from gateway.serving import uvicorn_config
from tests.conftest import make_settings, serving
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


async def test_the_gateway_delivers_from_its_lifespan(gql, state_dir, settings, graph, receiver, prefix):
    """`serve` runs a worker beside the requests (PARTNERGRAPH_WEBHOOK_WORKER, on by default; off in the suite's
    other gateways): started in the app's lifespan, stopped with it."""
    registered = await register(gql, receiver.url, ["Account"])
    serving_settings = make_settings(state_dir, settings.neo4j_bolt_port, webhook_worker=True)
    with serving(uvicorn_config(serving_settings, host="127.0.0.1", port=free_port(), log_level="warning")):
        (key,) = await create_accounts(gql, prefix, "p-contoso", 1)
        (request,) = await eventually(receiver.received, "the gateway's delivery")
    assert request.json["change"]["entityKey"] == key
    assert request.delivery.startswith(registered["webhook"]["key"] + "-")
