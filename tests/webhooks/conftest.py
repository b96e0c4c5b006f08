"""Webhook test wiring: a real HTTP receiver on 127.0.0.1 (a threaded http.server that records every request and
answers as a test tells it: a status, or hanging past the worker's timeout), delivery workers started explicitly
with short timings, and helpers to register webhooks and make changes through the gateway."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from gateway.settings import Settings
from gateway.webhooks.keys import secret_box
from gateway.webhooks.worker import WebhookWorker
from graph.shared.client import GraphClient, GraphSession
from tests.change_log import mutate
from tests.conftest import GatewayClient, global_id, remove_prefixed, write

REGISTER = """mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) {
  webhook { id key url eventTypes status cursor partnerSubtree { key } } secret errors { code field message } } }"""
CREATE_ACCOUNTS = """mutation($a: [CreateAccountInput!]!) { createAccounts(accounts: $a) { errors { code field } } }"""
DELIVERIES = """query($id: ID!, $status: DeliveryStatus) { webhook(id: $id) { status statusReason cursor
  deliveries(status: $status, first: 100) { edges { node { id key seq event status attemptCount replay
    lastResponseCode lastError nextAttemptAt deliveredAt
    attempts { number responseCode error milliseconds } } } } } }"""
HANG = None  # an answer: keep the request open past the worker's timeout

# Short timings: retries after 0.2 s, a 1 s timeout, and a lease that outlasts it.
FAST = {"webhook_poll_seconds": 0.05, "webhook_timeout_seconds": 1.0, "webhook_backoff_cap_seconds": 0.2,
        "webhook_retry_window_seconds": 60.0, "webhook_lease_seconds": 5.0, "webhook_batch_size": 10}
DEADLINE = 60.0  # seconds any wait may take before the test fails: generous, never a measurement


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> dict[str, Any]:
        return json.loads(self.body)

    @property
    def delivery(self) -> str:
        return self.headers["partnergraph-delivery"]


@dataclass
class Receiver:
    """Records every POST; `answer(request)` gives the status to reply with, or HANG."""

    url: str = ""
    requests: list[Received] = field(default_factory=list)
    answer: Callable[[Received], int | None] = lambda request: 200
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def received(self) -> list[Received]:
        with self.lock:
            return list(self.requests)

    def deliveries(self) -> list[str]:
        return [r.delivery for r in self.received()]

    def seqs(self) -> list[int]:
        return [r.json["seq"] for r in self.received()]

    def keys_at(self, path: str) -> list[str]:
        """The entity keys of the changes POSTed to `url + path`, in the order received."""
        return [r.json["change"]["entityKey"] for r in self.received() if r.path == self.path + path]

    @property
    def path(self) -> str:
        return "/" + self.url.split("/", 3)[3]


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            request = Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            with receiver.lock:
                receiver.requests.append(request)
            code = receiver.answer(request)
            if code is HANG:
                receiver.released.wait(DEADLINE)
                code = 200
            try:
                self.send_response(code)
                self.send_header("Content-Length", "0")
                self.end_headers()
            except OSError:
                pass  # the worker gave up on it

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(found))
    server.daemon_threads = True
    found.url = f"http://127.0.0.1:{server.server_address[1]}/hooks/partnergraph"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield found
    finally:
        found.released.set()
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
async def no_webhooks_left(session: GraphSession) -> AsyncIterator[None]:
    """Every webhook test starts and ends without webhooks: a worker leases every ACTIVE one it finds."""
    await delete_webhooks(session)
    yield
    await delete_webhooks(session)


async def delete_webhooks(session: GraphSession) -> None:
    await write(session, """MATCH (w:Webhook) OPTIONAL MATCH (w)-[:DELIVERS]->(d:WebhookDelivery)
                            OPTIONAL MATCH (d)-[:ATTEMPTED]->(a:WebhookAttempt) DETACH DELETE a, d, w""")


@pytest.fixture
def prefix(session: GraphSession) -> Iterator[str]:
    return f"t-wh-{uuid.uuid4().hex[:10]}"


@pytest.fixture
async def cleanup(session: GraphSession, prefix: str) -> AsyncIterator[None]:
    yield
    await remove_prefixed(session, prefix)


def worker_settings(settings: Settings, **overrides: Any) -> Settings:
    return settings.model_copy(update={**FAST, **overrides})


@asynccontextmanager
async def running(graph: GraphClient, settings: Settings, name: str | None = None,
                  **overrides: Any) -> AsyncIterator[tuple[WebhookWorker, asyncio.Task[None]]]:
    """A delivery worker over the test Neo4j while the block runs; stopped cleanly after it (unless the block
    cancelled its task, as a crash would end it)."""
    worker = WebhookWorker(graph, worker_settings(settings, **overrides), secret_box(settings), name)
    task = asyncio.create_task(worker.run())
    try:
        yield worker, task
    finally:
        worker.stop()
        await asyncio.gather(task, return_exceptions=True)


async def eventually(check: Callable[[], Any], what: str, deadline: float = DEADLINE) -> Any:
    """Poll `check` (sync or async) until it returns something true; fail after `deadline` seconds."""
    ends = time.monotonic() + deadline
    while True:
        value = check()
        if asyncio.iscoroutine(value):
            value = await value
        if value:
            return value
        if time.monotonic() > ends:
            raise AssertionError(f"waited {deadline:g} s for {what}")
        await asyncio.sleep(0.05)


async def register(gql: GatewayClient, url: str, event_types: list[str], persona: str = "enterprise-admin",
                   subtree: str | None = None, person: str | None = None) -> dict[str, Any]:
    """Register a webhook; its payload (webhook and secret)."""
    variables = {"i": {"url": url, "eventTypes": event_types,
                       "partnerSubtree": global_id("Partner", subtree) if subtree else None}}
    if person:
        data = await gql.data(REGISTER, person=person, persona=None, variables=variables)
        payload = data["registerWebhook"]
        assert not payload["errors"], payload
        return payload
    return await mutate(gql, persona, REGISTER, **variables)


async def create_accounts(gql: GatewayClient, prefix: str, partner: str, count: int, start: int = 0,
                          persona: str = "enterprise-admin") -> list[str]:
    """`count` accounts served by `partner`, in one mutation: one Account CREATED record each, in key order."""
    keys = [f"{prefix}-{partner}-{n:03d}" for n in range(start, start + count)]
    await mutate(gql, persona, CREATE_ACCOUNTS,
                 a=[{"key": key, "partner": global_id("Partner", partner), "name": f"Webhook Customer {key}"}
                    for key in keys])
    return keys


async def seqs_of(session: GraphSession, keys: list[str]) -> list[int]:
    """The seqs of the Account CREATED records of these keys, in seq order."""
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (c:Change {entityType: 'Account'}) WHERE c.entityId IN $keys RETURN c.seq AS seq ORDER BY seq",
        keys=keys))
    return [row["seq"] for row in rows]


async def settled(gql: GatewayClient, webhook: str, seq: int) -> bool:
    """Whether a webhook has read the log through `seq` and sent everything it found."""
    found = await deliveries(gql, webhook)
    return found["cursor"] >= seq and all(d["status"] == "SUCCEEDED" for d in found["deliveries"])


async def deliveries(gql: GatewayClient, webhook: str, status: str | None = None) -> dict[str, Any]:
    """The webhook as enterprise admin reads it, with its deliveries (oldest first) and their attempts."""
    data = await gql.data(DELIVERIES, variables={"id": webhook, "status": status})
    found = data["webhook"]
    found["deliveries"] = [edge["node"] for edge in reversed(found["deliveries"]["edges"])]
    return found
