"""Case records: partner cases with their SLA figures, case comments and work notes, and the SLA policies
whose targets a case copies when it is opened; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.shared.records import Record


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """Optional filters on case listings; hashable so it can be part of a DataLoader key."""

    statuses: tuple[str, ...] | None = None
    priorities: tuple[str, ...] | None = None
    open: bool | None = None
    breached: bool | None = None
    account_id: str | None = None
    opened_by_id: str | None = None
    queue_id: str | None = None

    def as_param(self) -> dict[str, Any]:
        return {"statuses": list(self.statuses) if self.statuses is not None else None,
                "priorities": list(self.priorities) if self.priorities is not None else None,
                "open": self.open, "breached": self.breached, "accountId": self.account_id,
                "openedById": self.opened_by_id, "queueId": self.queue_id}


@dataclass(frozen=True, slots=True)
class CaseSlaRecord(Record):
    """A case's service-level figures as of the request's "now" (computed in Cypher, case_sla)."""

    response_due_at: datetime
    resolution_due_at: datetime
    paused_seconds: int
    paused: bool
    response_breached: bool
    resolution_breached: bool
    breached: bool
    response_remaining_seconds: int | None
    resolution_remaining_seconds: int | None


@dataclass(frozen=True, slots=True)
class CaseQueueRecord(Record):
    """The queue a case waits in."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class CaseSubjectRecord(Record):
    """What a case is about: a product, an order or a deal registration, by its node label."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class CaseRecord(Record):
    """A case as cypher/fragments/case_fields.cypher maps it, with its `sla` map (case_sla)."""

    id: str
    number: str
    subject: str
    description: str | None
    category: str | None
    priority: str
    status: str
    response_minutes: int  # the targets copied from the SLA policy when the case was opened
    resolution_minutes: int
    opened_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    updated_at: datetime | None
    partner_id: str
    account_id: str | None
    opened_by_id: str | None
    owner_id: str | None
    assignee_id: str | None
    queue: CaseQueueRecord | None
    about: CaseSubjectRecord | None
    sla_policy_id: str | None
    sla: CaseSlaRecord

    @property
    def queue_id(self) -> str | None:
        return self.queue.id if self.queue else None

    @property
    def about_id(self) -> str | None:
        return self.about.id if self.about else None

    @property
    def about_type(self) -> str | None:
        return self.about.label if self.about else None


@dataclass(frozen=True, slots=True)
class CaseCommentRecord(Record):
    """A partner-visible comment (PARTNER) or an enterprise-only work note (INTERNAL)."""

    id: str
    body: str
    visibility: str
    at: datetime
    seq: int
    author_id: str | None


@dataclass(frozen=True, slots=True)
class SlaPolicyRecord(Record):
    """The targets a case of one priority copies when it is opened (graph/cases/writes.py)."""

    id: str
    priority: str
    response_minutes: int
    resolution_minutes: int
    is_default: bool
    segment_id: str | None  # None for a default policy
    updated_at: datetime | None  # when setSlaPolicy last set it; None for policies from data files


def case_from_row(row: dict[str, Any]) -> CaseRecord:
    """A case from a row that returns its map and its SLA map side by side (`kase`, `sla`)."""
    return CaseRecord.from_map({**row["kase"], "sla": row["sla"]})


@dataclass(frozen=True, slots=True)
class CaseCategoryRecord(Record):
    """A category of cases, `(:CaseCategory {id: code})`: a case's `category` names it by its code. Name and
    description in the request's language (docs/LANGUAGES.md)."""

    UNMAPPED_KEYS = frozenset({"updatedAt", "version"})

    id: str
    name: str
    description: str | None = None
