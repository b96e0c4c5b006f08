"""What the webhook reads return. No record holds a webhook's secret or its ciphertext."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from graph.changes.records import ChangeRecord
from graph.shared.records import Record


@dataclass(frozen=True, slots=True)
class WebhookRecord(Record):
    """An endpoint and what it receives: the change records of `event_types` (`Type` or `Type.OPERATION`) in
    the subtree of `subtree_id` (everything its registrant sees when None), after seq `cursor`."""

    id: str
    url: str
    event_types: tuple[str, ...]
    status: str  # ACTIVE | PAUSED
    cursor: int  # the seq read through: deliveries exist for every record up to it
    created_at: datetime
    created_by_id: str
    subtree_id: str | None = None
    held_reason: str | None = None  # why the worker holds its deliveries (the registrant lost the right)


@dataclass(frozen=True, slots=True)
class DeliveryRecord(Record):
    """One change record sent to one webhook; `id` is the idempotency key, the same across retries and replays."""

    id: str
    webhook_id: str
    seq: int
    entity_type: str
    entity_id: str
    operation: str
    status: str  # PENDING | SUCCEEDED | FAILED
    attempts: int
    replay: bool
    body: str  # the exact JSON sent
    created_at: datetime
    next_attempt_at: datetime | None = None
    first_attempt_at: datetime | None = None
    delivered_at: datetime | None = None
    last_response_code: int | None = None
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class AttemptRecord(Record):
    number: int
    at: datetime
    milliseconds: int
    response_code: int | None = None
    error: str | None = None


@dataclass(frozen=True)
class Batch:
    """The next change records of a webhook, and the seq its cursor moves to once they are enqueued: the last
    one's, or, when fewer than asked for came, the last seq scanned (nothing below a seq seen is still to come)."""

    changes: list[ChangeRecord]
    through: int


@dataclass(frozen=True)
class Due:
    """A webhook's next in-order deliveries (due or not), and its replays due now."""

    stream: list[DeliveryRecord]
    replays: list[DeliveryRecord]


@dataclass(frozen=True)
class Claimed:
    """A webhook a worker holds the lease on, with its secret's ciphertext (read by the worker only)."""

    webhook: WebhookRecord
    secret_ciphertext: str
