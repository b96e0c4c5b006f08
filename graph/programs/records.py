"""Program records: partner programs, their segments and criteria, and the partnerships that put a partner
in a program at a segment, with its segment history; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from graph.shared.records import Record, cypher_key


@dataclass(frozen=True, slots=True)
class ProgramRecord(Record):
    id: str
    name: str
    kind: str
    status: str
    start_date: date
    end_date: date | None = None
    internal_org_id: str | None = None
    # In the request's language, as `name` (docs/LANGUAGES.md); programs made by createPrograms have none.
    description: str | None = None


@dataclass(frozen=True, slots=True)
class ApplicationQuestionRecord(Record):
    """One question a program asks of partners applying to it (docs/APPLICATIONS.md)."""

    key: str
    text: str
    required: bool


@dataclass(frozen=True, slots=True)
class SegmentRecord(Record):
    id: str
    name: str
    rank: int
    is_default: bool
    program_id: str
    description: str | None = None  # in the request's language, as `name` (docs/LANGUAGES.md)


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


@dataclass(frozen=True, slots=True)
class SegmentAssignmentRecord(Record):
    """One entry of a partnership's segment history; `until` is None for the current one."""

    id: str
    segment_id: str
    start: datetime = field(metadata=cypher_key("from"))
    until: datetime | None
    reason: str | None
    assigned_by: str | None
