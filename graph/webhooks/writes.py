"""Writes of webhooks. `WebhookSetup`: the mutations, each one logged write transaction that locks what it
changes, checks it and writes or raises `Rejected`. `WebhookWork`: the delivery worker's bookkeeping (leases,
cursor, deliveries, attempts), maintenance writes on a session without an actor, not logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError
from graph.shared.lifecycle import check_transition
from graph.webhooks.lifecycle import DELIVERY_STATUS, WEBHOOK_STATUS
from graph.webhooks.records import Claimed, DeliveryRecord, WebhookRecord

Field = tuple[str, ...]


@dataclass(frozen=True)
class NewWebhook:
    id: str
    url: str
    event_types: tuple[str, ...]
    subtree_id: str | None
    secret_ciphertext: str
    created_by_id: str


class WebhookSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any], now: datetime):
        self.session = session
        self.scope = scope
        self.now = now

    async def register(self, item: NewWebhook, field: Field) -> WebhookRecord:
        async def work(tx: CountingTransaction) -> WebhookRecord:
            (facts,) = await tx.query("webhooks/writes/register_check", subtreeId=item.subtree_id, scope=self.scope)
            if not facts["subtreeFound"]:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "partner not found", field + ("partnerSubtree",))])
            (row,) = await tx.query("webhooks/writes/register", id=item.id, url=item.url,
                                    eventTypes=list(item.event_types), subtreeId=item.subtree_id,
                                    secretCiphertext=item.secret_ciphertext, createdById=item.created_by_id,
                                    now=self.now)
            return WebhookRecord.from_map(row["webhook"])

        return await self.session.write_transaction(work)

    async def change_status(self, webhook_id: str, status: str, field: Field) -> WebhookRecord:
        async def work(tx: CountingTransaction) -> WebhookRecord:
            current = await self._lock(tx, webhook_id, field)
            if current != status:  # pausing a paused webhook is no move, and changes nothing
                check_transition(WEBHOOK_STATUS, "a webhook", current, status, field)
            (row,) = await tx.query("webhooks/writes/set_status", webhookId=webhook_id, status=status, now=self.now)
            return WebhookRecord.from_map(row["webhook"])

        return await self.session.write_transaction(work)

    async def delete(self, webhook_id: str, field: Field) -> str:
        async def work(tx: CountingTransaction) -> str:
            await self._lock(tx, webhook_id, field)
            (row,) = await tx.query("webhooks/writes/delete", webhookId=webhook_id)
            return row["deleted"]

        return await self.session.write_transaction(work)

    async def replay(self, delivery_id: str, field: Field) -> DeliveryRecord:
        async def work(tx: CountingTransaction) -> DeliveryRecord:
            rows = await tx.query("webhooks/writes/lock_delivery", deliveryId=delivery_id, scope=self.scope)
            if not rows:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "delivery not found", field)])
            check_transition(DELIVERY_STATUS, "a delivery", rows[0]["status"], "PENDING", field)
            (row,) = await tx.query("webhooks/writes/replay", deliveryId=delivery_id, now=self.now)
            return DeliveryRecord.from_map(row["delivery"])

        return await self.session.write_transaction(work)

    async def _lock(self, tx: CountingTransaction, webhook_id: str, field: Field) -> str:
        """Lock a webhook the viewer may read; its status. NOT_FOUND when there is none."""
        rows = await tx.query("webhooks/writes/lock", webhookId=webhook_id, scope=self.scope)
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "webhook not found", field)])
        return rows[0]["status"]


@dataclass(frozen=True)
class Attempt:
    """One POST of a delivery and the delivery's state after it."""

    at: datetime
    milliseconds: int
    status: str  # the delivery's: SUCCEEDED, PENDING (retry at next_attempt_at) or FAILED
    response_code: int | None = None
    error: str | None = None
    next_attempt_at: datetime | None = None


class WebhookWork:
    """The worker's writes. Every one first locks the webhook and checks that this worker still holds its lease
    (`leaseOwner`): a worker whose lease another took over writes nothing more, and stops."""

    def __init__(self, session: GraphSession, worker: str, lease_seconds: float):
        self.session = session
        self.worker = worker
        self.lease_seconds = lease_seconds

    async def claim(self, limit: int, serving: list[str]) -> list[Claimed]:
        """Lease up to `limit` ACTIVE webhooks that no other worker holds (or renew this worker's), but those this
        worker is `serving` now."""
        async def work(tx: CountingTransaction) -> list[Claimed]:
            locked = await tx.query("webhooks/writes/claim_lock", worker=self.worker, limit=limit, serving=serving)
            rows = await tx.query("webhooks/writes/claim", ids=[r["id"] for r in locked], worker=self.worker,
                                  leaseSeconds=self.lease_seconds)
            return [Claimed(WebhookRecord.from_map(r["webhook"]), r["secretCiphertext"]) for r in rows]

        return await self.session.write_transaction(work)

    async def renew(self, webhook_id: str) -> bool:
        """Extend the lease before a POST: False when it is no longer this worker's or the webhook is not ACTIVE."""
        async def work(tx: CountingTransaction) -> bool:
            if not await self._held(tx, webhook_id):
                return False
            await tx.query("webhooks/writes/renew", webhookId=webhook_id, leaseSeconds=self.lease_seconds)
            return True

        return await self.session.write_transaction(work)

    async def enqueue(self, webhook_id: str, deliveries: list[dict[str, Any]], cursor: int, now: datetime) -> bool:
        async def work(tx: CountingTransaction) -> bool:
            if not await self._held(tx, webhook_id):
                return False
            await tx.query("webhooks/writes/enqueue", webhookId=webhook_id, deliveries=deliveries, cursor=cursor,
                           now=now, leaseSeconds=self.lease_seconds)
            return True

        return await self.session.write_transaction(work)

    async def hold(self, webhook_id: str, reason: str | None) -> None:
        async def work(tx: CountingTransaction) -> None:
            if await self._held(tx, webhook_id):
                await tx.query("webhooks/writes/hold", webhookId=webhook_id, reason=reason)

        await self.session.write_transaction(work)

    async def record(self, webhook_id: str, delivery_id: str, attempt: Attempt) -> bool:
        """Record an attempt (a POST made is recorded even if the webhook was paused since); whether this worker
        still holds the webhook and it is ACTIVE, so that the next POST may follow."""
        async def work(tx: CountingTransaction) -> bool:
            rows = await tx.query("webhooks/writes/lease", webhookId=webhook_id, worker=self.worker)
            if not rows or not rows[0]["held"]:
                return False
            await tx.query("webhooks/writes/record_attempt", webhookId=webhook_id, deliveryId=delivery_id,
                           at=attempt.at, responseCode=attempt.response_code, error=attempt.error,
                           milliseconds=attempt.milliseconds, status=attempt.status,
                           nextAttemptAt=attempt.next_attempt_at, leaseSeconds=self.lease_seconds)
            return rows[0]["status"] == "ACTIVE"

        return await self.session.write_transaction(work)

    async def release(self) -> int:
        (row,) = await self.session.write("webhooks/writes/release", worker=self.worker)
        return row["released"]

    async def _held(self, tx: CountingTransaction, webhook_id: str) -> bool:
        """Whether this worker still holds the webhook's lease and it is ACTIVE (after locking it)."""
        rows = await tx.query("webhooks/writes/lease", webhookId=webhook_id, worker=self.worker)
        return bool(rows) and rows[0]["held"] and rows[0]["status"] == "ACTIVE"
