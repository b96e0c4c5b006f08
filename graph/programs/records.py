"""Plain records the repositories return; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass

# Programs and partnerships (setup steps 2 and 3). Neo4j temporals become Python dates and datetimes.
from datetime import date, datetime  # noqa: E402
from typing import Any

from graph.shared.records import Record, _native


@dataclass(frozen=True, slots=True)
class ProgramRecord(Record):
    id: str
    name: str
    kind: str
    status: str
    start_date: date
    end_date: date | None = None
    internal_org_id: str | None = None

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> ProgramRecord:
        return cls(data["id"], data["name"], data["kind"], data["status"], _native(data["startDate"]),
                   _native(data.get("endDate")), data.get("internalOrgId"))


@dataclass(frozen=True, slots=True)
class SegmentRecord(Record):
    id: str
    name: str
    rank: int
    is_default: bool
    program_id: str

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> SegmentRecord:
        return cls(data["id"], data["name"], data["rank"], bool(data["isDefault"]), data["programId"])


@dataclass(frozen=True, slots=True)
class CriterionRecord(Record):
    id: str
    metric: str
    operator: str
    threshold: float


@dataclass(frozen=True, slots=True)
class PartnershipRecord(Record):
    id: str
    name: str  # "<partner name> in <program name>": the keyset sort key of partnership listings
    status: str
    partner_id: str
    program_id: str
    segment_id: str | None = None
    created_at: datetime | None = None
    onboarded_at: datetime | None = None
    offboarded_at: datetime | None = None

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> PartnershipRecord:
        return cls(data["id"], data["name"], data["status"], data["partnerId"], data["programId"],
                   data.get("segmentId"), _native(data.get("createdAt")), _native(data.get("onboardedAt")),
                   _native(data.get("offboardedAt")))


@dataclass(frozen=True, slots=True)
class SegmentAssignmentRecord(Record):
    """One entry of a partnership's segment history; `until` is None for the current one."""

    id: str
    segment_id: str
    start: datetime
    until: datetime | None
    reason: str | None
    assigned_by: str | None

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> SegmentAssignmentRecord:
        return cls(data["id"], data["segmentId"], _native(data["from"]), _native(data.get("until")),
                   data.get("reason"), data.get("assignedBy"))
