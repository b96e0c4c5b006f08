"""Fault injection on a Neo4j of this module's own (never the session's shared one): SIGKILL it during a
1,000-item batch and concurrent reads, start it again through `partnergraph db start`, and check what
clients saw, what the graph kept, and that the gateway heals without a restart."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil
import pytest
from typer.testing import CliRunner

from gateway import database
from gateway.app import create_app
from gateway.cli import app as cli
from gateway.identity import mint_demo_token
from gateway.local_neo4j import LocalNeo4j, free_port
from gateway.settings import Settings
from graph.shared.client import GraphClient
from tests.conftest import private_neo4j

READ = "{ partners(first: 5) { edges { node { name } } } }"
CREATE = """mutation($partners: [CreatePartnerInput!]!) {
  createPartners(partners: $partners) { partners { key } errors { code message field } } }"""
BATCH = 1000
READERS = 6


@dataclass
class Outage:
    settings: Settings
    graph: GraphClient
    http: httpx.AsyncClient
    token: str


@pytest.fixture(scope="module")
async def outage() -> AsyncIterator[Outage]:
    async with private_neo4j("partnergraph-faults-") as (settings, graph):
        # raise_app_exceptions=False: an unhandled error reaches the test as the bare 500 a client would get.
        transport = httpx.ASGITransport(app=create_app(settings, graph), raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=120) as http:
            yield Outage(settings, graph, http, mint_demo_token(settings, "enterprise-admin"))


async def _post(outage: Outage, query: str, variables: dict | None = None) -> httpx.Response:
    return await outage.http.post("/graphql", json={"query": query, "variables": variables},
                                  headers={"authorization": f"Bearer {outage.token}"})


def _typed_failure(response: httpx.Response) -> bool:
    """503 JSON with Retry-After, or GraphQL errors each carrying SERVICE_UNAVAILABLE: never a bare 500."""
    if response.status_code == 503:
        return bool(response.headers.get("retry-after")) and bool(response.json()["errors"])
    errors = response.json().get("errors") if response.status_code == 200 else None
    return bool(errors) and all((e.get("extensions") or {}).get("code") == "SERVICE_UNAVAILABLE" for e in errors)


def _succeeded(response: httpx.Response) -> bool:
    return response.status_code == 200 and "errors" not in response.json()


def _carries_the_batch(params: dict) -> bool:
    return any(isinstance(value, list) and len(value) == BATCH for value in params.values())


def _reaped(pid: int) -> bool:
    """Gone for good: no process, and in particular no zombie nobody waited for."""
    for _ in range(100):
        try:
            if psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
                return False  # the pid lives on: SIGKILL has not landed yet, or it was reused
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.1)
    return False


class _Retries(logging.Handler):
    """Counts the driver's "Transaction failed and will be retried" lines."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += "will be retried" in record.getMessage()


@pytest.fixture
def foreign_zombie() -> Iterator[int]:
    """The pid of a zombie that is another process's child (as the killed server was the gateway's)."""
    parent = subprocess.Popen(
        [sys.executable, "-c", "import subprocess, time\nchild = subprocess.Popen(['true'])\n"
                               "print(child.pid, flush=True)\ntime.sleep(300)"],
        stdout=subprocess.PIPE, text=True)
    try:
        pid = int(parent.stdout.readline())
        for _ in range(100):
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                break
            time.sleep(0.05)
        else:
            pytest.fail(f"pid {pid} did not become a zombie")
        yield pid
    finally:
        parent.kill()
        parent.wait()


async def test_neo4j_killed_during_a_batch_and_reads(outage: Outage, foreign_zombie: int):
    server = database.local_server(outage.settings)
    killed = server.pid()
    prefix = f"nf{uuid.uuid4().hex[:8]}"
    batch = [{"key": f"{prefix}-{i}", "name": f"{prefix} Partner {i}", "type": "RESELLER"} for i in range(BATCH)]
    assert _succeeded(await _post(outage, READ))

    stop = asyncio.Event()

    async def reader() -> list[httpx.Response]:
        answers = []
        while not stop.is_set():
            answers.append(await _post(outage, READ))
        return answers

    readers = [asyncio.create_task(reader()) for _ in range(READERS)]
    outage.graph.recorded = []  # statements as they are sent: the batch's write shows as its 1,000-item list
    writer = asyncio.create_task(_post(outage, CREATE, {"partners": batch}))
    while not writer.done() and not any(_carries_the_batch(params) for _, params in outage.graph.recorded):
        await asyncio.sleep(0.001)
    os.kill(killed, signal.SIGKILL)  # the batch's write is in Neo4j: the kill lands in it or in its commit
    outage.graph.recorded = None
    after_kill = [await _post(outage, READ) for _ in range(2)]
    stop.set()
    answers = [a for task in readers for a in await task] + after_kill
    written = await writer

    # Every client got an answer, a typed one when it failed; the ones sent after the kill all failed.
    assert all(_succeeded(a) or _typed_failure(a) for a in [*answers, written]), \
        [(a.status_code, a.text[:200]) for a in [*answers, written] if not (_succeeded(a) or _typed_failure(a))]
    assert all(_typed_failure(a) for a in after_kill)
    # The server the gateway's process started was reaped: no zombie left behind.
    assert _reaped(killed)

    # While Neo4j is down a request gives up within the retry budget: one retry (the driver's first wait
    # is about 1 s), not the driver's default 30 s of doubling waits.
    retries, driver_log = _Retries(), logging.getLogger("neo4j")
    level = driver_log.level
    driver_log.addHandler(retries)
    driver_log.setLevel(logging.WARNING)  # whatever the log configuration, the retry lines must be emitted
    try:
        assert _typed_failure(await _post(outage, READ))
    finally:
        driver_log.removeHandler(retries)
        driver_log.setLevel(level)
    assert retries.count <= 1
    assert (await outage.http.get("/readyz")).status_code == 503

    # Start it again with `db start`, its pid file naming a zombie (what the issue found): seen as dead.
    server.pid_file.write_text(str(foreign_zombie))
    env = {"PARTNERGRAPH_STATE_DIR": str(outage.settings.state_dir),
           "PARTNERGRAPH_NEO4J_BOLT_PORT": str(outage.settings.neo4j_bolt_port),
           "PARTNERGRAPH_NEO4J_HEAP": outage.settings.neo4j_heap,
           "PARTNERGRAPH_NEO4J_PAGECACHE": outage.settings.neo4j_pagecache}
    started = CliRunner().invoke(cli, ["db", "start"], env=env)
    assert started.exit_code == 0 and "started at" in started.output, started.output
    assert server.pid() not in (None, killed, foreign_zombie)
    assert "running" in CliRunner().invoke(cli, ["db", "status"], env=env).output

    # The same gateway (same driver, same pool) serves again, without a restart.
    for _ in range(60):
        if _succeeded(await _post(outage, READ)):
            break
        await asyncio.sleep(0.5)
    else:
        pytest.fail("the gateway did not serve again after Neo4j came back")
    assert (await outage.http.get("/readyz")).status_code == 200

    # The batch is in the graph entirely or not at all.
    rows = await outage.graph.session().read_transaction(lambda tx: tx.run(
        "MATCH (p:Partner) WHERE p.id STARTS WITH $prefix RETURN count(p) AS n", prefix=prefix))
    assert rows[0]["n"] in (0, BATCH)
    if rows[0]["n"] == BATCH:
        assert _succeeded(written)
    # Its change records were in the same transaction: one per partner kept, none otherwise, and no gap.
    (log,) = await outage.graph.session().read_transaction(lambda tx: tx.run(
        """MATCH (s:ChangeSequence {name: 'changes'})
           RETURN s.last AS last, COUNT { MATCH (c:Change) } AS records,
                  COUNT { MATCH (c:Change {entityType: 'Partner'}) WHERE c.entityId STARTS WITH $prefix } AS mine""",
        prefix=prefix))
    assert log["mine"] == rows[0]["n"] and log["records"] == log["last"]


def _unused_server(tmp_path: Path) -> LocalNeo4j:
    return LocalNeo4j(tmp_path / "home", tmp_path / "cache", free_port(), "pw-" + "c" * 30)


def test_a_pid_file_naming_a_zombie_reads_as_stopped(tmp_path, foreign_zombie):
    server = _unused_server(tmp_path)
    server.pid_file.parent.mkdir(parents=True)
    server.pid_file.write_text(str(foreign_zombie))
    assert server.status() == "stopped"
    assert not server.pid_file.exists()


def test_a_pid_file_naming_a_dead_or_foreign_process_reads_as_stopped(tmp_path):
    server = _unused_server(tmp_path)
    server.pid_file.parent.mkdir(parents=True)
    gone = subprocess.Popen(["true"])
    gone.wait()
    for pid in (gone.pid, os.getpid()):  # exited; alive but no Neo4j of this home (a reused pid)
        server.pid_file.write_text(str(pid))
        assert server.pid() is None
        assert not server.pid_file.exists()
