"""Plain records the repositories return; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass

# Programs and partnerships (setup steps 2 and 3). Neo4j temporals become Python dates and datetimes.
from datetime import datetime  # noqa: E402
from typing import Any

from graph.shared.records import Record, _native


# Cases (partner case management with SLAs).
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
class CaseSlaRecord:
    """A case's service-level figures as of the request's "now" (computed in Cypher, case_sla)."""

    response_minutes: int
    resolution_minutes: int
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
class CaseRecord(Record):
    id: str
    number: str
    subject: str
    description: str | None
    category: str | None
    priority: str
    status: str
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
    queue_id: str | None
    queue_name: str | None
    about_id: str | None
    about_type: str | None
    sla_policy_id: str | None
    sla: CaseSlaRecord

    @classmethod
    def from_map(cls, data: dict[str, Any], sla: dict[str, Any] | None = None) -> CaseRecord:
        s = sla if sla is not None else data["sla"]
        queue, about = data.get("queue") or {}, data.get("about") or {}
        return cls(
            data["id"], data["number"], data["subject"], data.get("description"), data.get("category"),
            data["priority"], data["status"], _native(data["openedAt"]), _native(data.get("firstResponseAt")),
            _native(data.get("resolvedAt")), _native(data.get("closedAt")), _native(data.get("updatedAt")),
            data["partnerId"], data.get("accountId"), data.get("openedById"), data.get("ownerId"),
            data.get("assigneeId"), queue.get("id"), queue.get("name"), about.get("id"), about.get("label"),
            data.get("slaPolicyId"),
            CaseSlaRecord(data["responseMinutes"], data["resolutionMinutes"], _native(s["responseDueAt"]),
                          _native(s["resolutionDueAt"]), s["pausedSeconds"], s["paused"], s["responseBreached"],
                          s["resolutionBreached"], s["breached"], s["responseRemainingSeconds"],
                          s["resolutionRemainingSeconds"]),
        )


@dataclass(frozen=True, slots=True)
class CaseCommentRecord(Record):
    """A partner-visible comment (PARTNER) or an enterprise-only work note (INTERNAL)."""

    id: str
    body: str
    visibility: str
    at: datetime
    seq: int
    author_id: str | None

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> CaseCommentRecord:
        return cls(data["id"], data["body"], data["visibility"], _native(data["at"]), data["seq"],
                   data.get("authorId"))


# SLA policies: the targets a case copies when it is opened (graph/case_setup.py).
@dataclass(frozen=True, slots=True)
class SlaPolicyRecord:
    id: str
    priority: str
    response_minutes: int
    resolution_minutes: int
    is_default: bool
    segment_id: str | None  # None for a default policy
    updated_at: datetime | None  # when setSlaPolicy last set it; None for policies from data files

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> SlaPolicyRecord:
        return cls(data["id"], data["priority"], data["responseMinutes"], data["resolutionMinutes"],
                   bool(data.get("isDefault")), data.get("segmentId"), _native(data.get("updatedAt")))
