"""The webhook delivery worker (docs/WEBHOOKS.md). Each round it leases the ACTIVE webhooks no other worker holds,
and for each one it holds, a task delivers in seq order: enqueue the next changes its registrant may see (after
its cursor), POST the lowest PENDING delivery until it succeeds or its retry window ends, record every attempt
right after it, then the next. Progress lives in Neo4j, so a restarted worker resumes where the last one stopped;
a crash between a POST and its record sends that delivery again (same idempotency key): at least once."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import httpx

from auth.permissions import Action, allowed
from auth.signatures import SecretBox
from auth.viewer import UnknownViewer, Viewer
from gateway.settings import Settings
from gateway.webhooks.bodies import delivery_row
from gateway.webhooks.sender import Answer, Sender
from graph.partners import reads as partners_reads
from graph.shared.client import GraphClient
from graph.webhooks import reads as webhook_reads
from graph.webhooks.records import Claimed, DeliveryRecord, WebhookRecord
from graph.webhooks.writes import Attempt, WebhookWork

log = logging.getLogger("partnergraph.webhooks")

CLAIM_LIMIT = 100  # webhooks one worker leases per round; more workers share a larger load
HELD = "its registrant may no longer manage this webhook (role or organization changed): deliveries are held"


@dataclass(frozen=True)
class Schedule:
    """The retry schedule: 1 s after the first failed attempt, doubling up to `cap` seconds; an attempt whose next
    one would come later than `window` seconds after the first attempt fails the delivery instead."""

    cap: float
    window: float

    def after(self, delivery: DeliveryRecord, at: datetime, answer: Answer) -> Attempt:
        if answer.error is None:
            return Attempt(at, answer.milliseconds, "SUCCEEDED", answer.response_code)
        first = delivery.first_attempt_at or at
        wait = min(self.cap, 2.0 ** delivery.attempts)  # attempts made before this one: 1, 2, 4 … seconds
        following = at + timedelta(seconds=wait)
        if (following - first).total_seconds() > self.window:
            return Attempt(at, answer.milliseconds, "FAILED", answer.response_code, answer.error)
        return Attempt(at, answer.milliseconds, "PENDING", answer.response_code, answer.error, following)


def worker_name() -> str:
    """A name per worker process, for the leases it holds: host, pid and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def now() -> datetime:
    return datetime.now(UTC)


class WebhookWorker:
    def __init__(self, graph: GraphClient, settings: Settings, box: SecretBox, name: str | None = None):
        if settings.webhook_lease_seconds <= settings.webhook_timeout_seconds:
            raise ValueError("PARTNERGRAPH_WEBHOOK_LEASE_SECONDS must exceed PARTNERGRAPH_WEBHOOK_TIMEOUT_SECONDS: "
                             "a lease must outlast the POST it covers")
        self.name = name or worker_name()
        self.session = graph.session()  # maintenance: the worker's bookkeeping is not logged
        self.signal = graph.change_signal
        self.work = WebhookWork(self.session, self.name, settings.webhook_lease_seconds)
        self.box = box
        self.settings = settings
        self.schedule = Schedule(settings.webhook_backoff_cap_seconds, settings.webhook_retry_window_seconds)
        self.local_endpoints = settings.demo_login_enabled
        # A lease is renewed by every write of the worker; before a POST it is renewed again only when the last
        # renewal is older than this, so what is left of it still outlasts the POST (one commit less per delivery).
        self.renew_after = (settings.webhook_lease_seconds - settings.webhook_timeout_seconds) / 2
        self.renewed: dict[str, float] = {}  # webhook id → when this worker last renewed its lease (monotonic)
        self.stopping = asyncio.Event()
        self.tasks: dict[str, asyncio.Task[None]] = {}
        self.rounds = 0  # rounds completed, for tests and logs

    def stop(self) -> None:
        """Finish the POSTs under way, record them, give the leases back and return from `run`."""
        self.stopping.set()

    async def run(self) -> None:
        async with httpx.AsyncClient(follow_redirects=False, timeout=self.settings.webhook_timeout_seconds) as http:
            sender = Sender(http, self.settings.webhook_timeout_seconds, self.local_endpoints)
            try:
                while not self.stopping.is_set():
                    try:
                        await self.round(sender)
                    except Exception:  # noqa: BLE001 - Neo4j away, say: try again next round
                        log.exception("webhook worker round failed")
                    await self.wait_for_changes()
                await asyncio.gather(*self.tasks.values(), return_exceptions=True)
            finally:
                for task in self.tasks.values():
                    task.cancel()
                with suppress(Exception):
                    await self.work.release()

    async def wait_for_changes(self) -> None:
        """The one place the worker waits for new work: a round every PARTNERGRAPH_WEBHOOK_POLL_SECONDS (retries
        fall due by the clock), sooner when the change log moves (the change signal: this process's commits at once,
        others' within PARTNERGRAPH_CHANGE_POLL_SECONDS), cut short by `stop`."""
        waits = [asyncio.ensure_future(self.stopping.wait()),
                 asyncio.ensure_future(self.signal.beyond(self.signal.last))]
        try:
            await asyncio.wait(waits, timeout=self.settings.webhook_poll_seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()

    async def round(self, sender: Sender) -> None:
        """Lease (or keep) the webhooks, and start a delivery task for each one that has none running."""
        self.tasks = {key: task for key, task in self.tasks.items() if not task.done()}
        for claimed in await self.work.claim(CLAIM_LIMIT, list(self.tasks)):
            self.tasks[claimed.webhook.id] = asyncio.create_task(self.serve(claimed, sender))
        self.rounds += 1

    async def serve(self, claimed: Claimed, sender: Sender) -> None:
        """Deliver what is due for one webhook, in seq order, until nothing is (or the lease is lost)."""
        webhook = claimed.webhook
        self.renewed[webhook.id] = time.monotonic()
        try:
            secret = self.box.open(claimed.secret_ciphertext)
            while not self.stopping.is_set():
                due = await webhook_reads.due(self.session, webhook.id, now(), self.settings.webhook_batch_size)
                for replayed in due.replays:  # out of band: they do not hold up the stream
                    if await self.attempt(webhook, replayed, secret, sender) is None:
                        return
                if not due.stream:
                    cursor = await self.enqueue(webhook)
                    if cursor is None:
                        return
                    webhook = replace(webhook, cursor=cursor, held_reason=None)
                for delivery in due.stream:  # in seq order, each once the one before it succeeded or failed for good
                    if self.stopping.is_set():
                        return
                    if delivery.next_attempt_at and delivery.next_attempt_at > now():
                        return  # its retry is not due: a later round comes back to it
                    status = await self.attempt(webhook, delivery, secret, sender)
                    if status is None:
                        return
                    if status == "PENDING":
                        break  # to be retried: read the stream again
        except Exception:  # noqa: BLE001 - logged; the next round starts it again
            log.exception("webhook %s: delivery failed", webhook.id)

    async def enqueue(self, webhook: WebhookRecord) -> int | None:
        """The next changes the registrant may see as deliveries, and the cursor moved past them; the new cursor,
        or None when there is nothing new (or the deliveries are held)."""
        viewer = await self.registrant(webhook)
        if viewer is None:
            if webhook.held_reason != HELD:
                await self.work.hold(webhook.id, HELD)
            return None
        batch = await webhook_reads.next_changes(self.session, webhook, viewer.scope, self.settings.webhook_batch_size)
        if batch.through == webhook.cursor:
            if webhook.held_reason is not None:
                await self.work.hold(webhook.id, None)
            return None
        rows = [delivery_row(webhook.id, change) for change in batch.changes]
        renewing = time.monotonic()
        if not await self.work.enqueue(webhook.id, rows, batch.through, now()):
            return None
        self.renewed[webhook.id] = renewing
        return batch.through

    async def registrant(self, webhook: WebhookRecord) -> Viewer | None:
        """The registrant as the graph has them now, if they may still manage this webhook: else nothing is sent,
        rather than what they may no longer see."""
        identity = await partners_reads.identity(self.session, webhook.created_by_id)
        if identity is None:
            return None
        try:
            viewer = Viewer.from_roles(**identity.roles())
        except UnknownViewer:
            return None
        if not allowed(viewer, Action.MANAGE_WEBHOOKS):
            return None
        return viewer if await webhook_reads.reaches(self.session, webhook.id, viewer.scope) else None

    async def attempt(self, webhook: WebhookRecord, delivery: DeliveryRecord, secret: str,
                      sender: Sender) -> str | None:
        """One POST and its record; the delivery's status after it, or None when this worker no longer holds the
        webhook (or it was paused)."""
        if time.monotonic() - self.renewed[webhook.id] > self.renew_after:
            renewing = time.monotonic()
            if not await self.work.renew(webhook.id):
                return None
            self.renewed[webhook.id] = renewing
        at = now()
        renewing = time.monotonic()  # the record renews the lease from about when the POST began, or later
        answer = await sender.post(webhook.url, delivery, secret)
        if answer.error:
            log.info("webhook %s: delivery %s failed: %s", webhook.id, delivery.id, answer.error)
        attempt = self.schedule.after(delivery, at, answer)
        if not await self.work.record(webhook.id, delivery.id, attempt):
            return None
        self.renewed[webhook.id] = renewing
        return attempt.status
