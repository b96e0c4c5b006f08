"""Test session wiring: a throwaway local Neo4j 5.26 server (real, started from the Maven jars),
the gateway app over it with the demo channel loaded, and helpers to query it as any persona.

NEO4J_* variables are ignored here on purpose: tests never touch a configured database.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from strawberry import relay

for _var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE", "PARTNERGRAPH_JWKS_URL"):
    os.environ.pop(_var, None)

from gateway import database  # noqa: E402
from gateway.app import create_app, plan_change_log  # noqa: E402
from gateway.identity import mint_demo_token, mint_person_token  # noqa: E402
from gateway.local_neo4j import LocalNeo4j, free_port  # noqa: E402
from gateway.serving import uvicorn_config  # noqa: E402
from gateway.settings import Settings  # noqa: E402
from graph.shared.client import GraphClient, GraphSession  # noqa: E402
from resolvers.shared.clock import ControlledClock  # noqa: E402
from schema.shared import compiled_reads  # noqa: E402

GRAPHQL_RESPONSE = "application/graphql-response+json"


def make_settings(state_dir: Path, bolt_port: int, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "state_dir": state_dir,
        "neo4j_bolt_port": bolt_port,
        "neo4j_heap": "768m",
        "neo4j_pagecache": "256m",
        "jwt_secret": "test-secret-" + "x" * 32,
        "demo_data": True,
        # Every read of the suite runs through both paths and must give the same JSON (schema/shared/compiled_reads.py).
        "compiled_reads": "verify",
        # Webhook tests start their workers themselves (tests/webhooks): none runs behind the other tests' backs.
        "webhook_worker": False,
        # Every test request comes from one address: the suite's gateway admits any number of partner applications;
        # tests/applications/test_anonymous.py checks the limits on gateways of their own.
        "applications_per_address": 1_000_000,
        "applications_per_email": 1_000_000,
    }
    values.update(overrides)
    return Settings(**values)


@asynccontextmanager
async def private_neo4j(prefix: str) -> AsyncIterator[tuple[Settings, GraphClient]]:
    """A Neo4j of its own, migrated and with the demo data, for tests that kill it or prune the whole log."""
    state_dir = Path(tempfile.mkdtemp(prefix=prefix))
    settings = make_settings(state_dir, free_port())
    database.local_server(settings).start()
    graph = database.graph_client(settings)
    try:
        await database.prepare(graph, settings)
        await plan_change_log(graph)  # as the gateway's lifespan does
        yield settings, graph
    finally:
        await graph.close()
        database.local_server(settings).stop()
        shutil.rmtree(state_dir, ignore_errors=True)


def pytest_terminal_summary(terminalreporter) -> None:
    verified = compiled_reads.VERIFIED
    terminalreporter.write_line(f"compiled reads identical to the resolvers': {sum(verified.values())} requests, "
                                f"{len(verified)} distinct documents; left to the resolvers, most often because:")
    for reason, count in compiled_reads.UNCOMPILED.most_common(15):
        terminalreporter.write_line(f"  {count:5}  {reason}")


@pytest.fixture(autouse=True)
def compiled_reads_agree() -> Iterator[None]:
    """Every test fails on a read whose compiled answer differs from the resolvers' (the suite runs in verify mode)."""
    yield
    found = list(compiled_reads.MISMATCHES)
    compiled_reads.MISMATCHES.clear()
    assert not found, f"compiled read mismatch: {found[0]}"


@pytest.fixture(scope="session")
def state_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="partnergraph-test-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def settings(state_dir: Path) -> Settings:
    return make_settings(state_dir, free_port())


@pytest.fixture(scope="session")
def neo4j_server(settings: Settings) -> Iterator[LocalNeo4j]:
    """A throwaway server for this test session, through the same code `make serve` uses."""
    server = database.local_server(settings)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
async def graph(settings: Settings, neo4j_server: LocalNeo4j) -> AsyncIterator[GraphClient]:
    client = database.graph_client(settings)
    await database.prepare(client, settings)  # migrations + demo channel, as at gateway startup
    await plan_change_log(client)  # as the gateway's lifespan does (the ASGI test client runs none)
    yield client
    await client.close()


@pytest.fixture
def session(graph: GraphClient) -> GraphSession:
    return graph.session()


@pytest.fixture(scope="session")
async def app(settings: Settings, graph: GraphClient):
    return create_app(settings, graph)


@pytest.fixture(scope="session")
async def client(app) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as c:
        yield c


@dataclass
class GatewayClient:
    """Posts GraphQL as a persona or a person and returns (status, body)."""

    http: httpx.AsyncClient
    settings: Settings

    def token(self, persona: str | None = None, person: str | None = None) -> str:
        return mint_person_token(self.settings, person) if person else mint_demo_token(self.settings, persona)

    async def post(self, query: str, *, persona: str | None = "enterprise-admin", person: str | None = None,
                   variables: dict | None = None, accept: str = GRAPHQL_RESPONSE, debug: bool = True,
                   token: str | None = None, headers: dict[str, str] | None = None) -> tuple[int, dict]:
        headers = {"accept": accept, **(headers or {})}
        if token or persona or person:
            headers["authorization"] = f"Bearer {token or self.token(persona, person)}"
        if debug:
            headers["x-partnergraph-debug"] = "1"
        response = await self.http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
        return response.status_code, response.json()

    async def data(self, query: str, **kwargs: Any) -> dict:
        """The `data` of a request that must succeed without errors."""
        status, body = await self.post(query, **kwargs)
        assert status == 200 and "errors" not in body, body
        return body["data"]

    async def round_trips(self, query: str, **kwargs: Any) -> int:
        status, body = await self.post(query, **kwargs)
        assert status == 200 and "errors" not in body, body
        return body["extensions"]["cypher"]["roundTrips"]


@pytest.fixture(scope="session")
def gql(client: httpx.AsyncClient, settings: Settings) -> GatewayClient:
    return GatewayClient(client, settings)


@pytest.fixture(scope="module")
async def both(settings, graph) -> AsyncIterator[tuple[GatewayClient, GatewayClient]]:
    """A compiling gateway and a resolvers-only one over the same graph, to compare the two paths."""
    compiled = settings.model_copy(update={"compiled_reads": True})
    resolved = settings.model_copy(update={"compiled_reads": False})
    async with (httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(compiled, graph)),
                                  base_url="http://compiled") as one,
                httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(resolved, graph)),
                                  base_url="http://resolved") as other):
        yield GatewayClient(one, compiled), GatewayClient(other, resolved)


@pytest.fixture(scope="session")
def clock() -> ControlledClock:
    """The time of the `clocked_gql` gateway; tests set or advance it (and should set it first)."""
    return ControlledClock(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))


@pytest.fixture(scope="session")
async def clocked_gql(settings: Settings, graph: GraphClient, clock: ControlledClock) -> AsyncIterator[GatewayClient]:
    """Like `gql`, but every request's "now" comes from the controlled `clock`."""
    app = create_app(settings, graph, clock)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as http:
        yield GatewayClient(http, settings)


async def write(session: GraphSession, cypher: str, **params: Any) -> list[dict[str, Any]]:
    """Run one Cypher statement in a write transaction: how fixtures build their own data."""
    return await session.write_transaction(lambda tx: tx.run(cypher, **params))


async def remove_prefixed(session: GraphSession, prefix: str) -> None:
    """Delete every node whose id starts with a fixture's unique prefix."""
    await write(session, "MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n", prefix=prefix)


def global_id(type_name: str, node_id: str) -> str:
    return str(relay.GlobalID(type_name, node_id))


@dataclass
class LiveGateway:
    base_url: str
    settings: Settings

    def demo_person_name(self, persona: str) -> str:
        return DEMO_PEOPLE[persona]


# Names of the demo people in cypher/demo/01_channel.cypher.
DEMO_PEOPLE = {
    "enterprise-admin": "Ada Admin",
    "enterprise-executive": "Evan Executive",
    "relationship-manager": "Rita Relationship",
    "partner-agent": "Paco Agent",
    "partner-admin": "Carla Contoso",
    "partner-manager": "Frank Fabrikam",
    "partner-associate": "Tina Tailspin",
}


@contextmanager
def serving(config: uvicorn.Config) -> Iterator[uvicorn.Server]:
    """A uvicorn server on its own thread (with its own event loop) while the block runs."""
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the gateway did not start")
            time.sleep(0.05)
        yield server
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@pytest.fixture(scope="session")
def live_gateway(settings: Settings, graph: GraphClient) -> Iterator[LiveGateway]:
    """The real gateway under uvicorn on a loopback port, in a thread with its own event loop."""
    port = free_port()
    with serving(uvicorn_config(settings, host="127.0.0.1", port=port, log_level="warning")):
        yield LiveGateway(f"http://127.0.0.1:{port}", settings)


def port_owner() -> tuple[socket.socket, int]:
    """A listening socket on a free loopback port (to test 'port taken')."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1)
    return sock, sock.getsockname()[1]
