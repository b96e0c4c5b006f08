"""Plain records the repositories return; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Generic, Self, TypeVar

T = TypeVar("T")


class Record:
    @classmethod
    def from_map(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{key: value for key, value in data.items() if key in names})


@dataclass(frozen=True, slots=True)
class PartnerRecord(Record):
    id: str
    name: str
    type: str
    status: str
    country: str | None = None
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class PartnerNameRecord(Record):
    """An ancestor seen by name only."""

    name: str


@dataclass(frozen=True, slots=True)
class InternalOrgRecord(Record):
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class PersonRecord(Record):
    id: str
    name: str
    email: str | None = None
    partner_role: str | None = None  # ADMIN, MANAGER or ASSOCIATE when listed as a partner's staff

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> PersonRecord:
        return cls(data["id"], data["name"], data.get("email"), data.get("partnerRole"))


@dataclass(frozen=True, slots=True)
class PartnerFilter:
    """Optional filters on partner listings; hashable so it can be part of a DataLoader key."""

    types: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    countries: tuple[str, ...] | None = None
    name_contains: str | None = None
    program_ids: tuple[str, ...] | None = None
    segment_ids: tuple[str, ...] | None = None

    def as_param(self) -> dict[str, Any]:
        listed = {"types": self.types, "statuses": self.statuses, "countries": self.countries,
                  "programIds": self.program_ids, "segmentIds": self.segment_ids}
        return {"nameContains": self.name_contains,
                **{key: list(values) if values is not None else None for key, values in listed.items()}}



@dataclass(frozen=True, slots=True)
class IdentityRecord:
    """A token subject's roles as the graph has them now."""

    person_id: str
    name: str
    partner_id: str | None
    partner_role: str | None
    internal_org_id: str | None
    enterprise_role: str | None
    managed_partner_ids: tuple[str, ...]
    # The person and their organization as the loaders read them (people/by_ids, partners/by_ids,
    # organizations/internal_by_ids), to prime the request's loaders.
    person: Any = None
    partner: Any = None
    internal_org: Any = None

    def roles(self) -> dict[str, Any]:
        """What `auth.viewer.Viewer.from_roles` takes."""
        return {"person_id": self.person_id, "name": self.name, "partner_id": self.partner_id,
                "partner_role": self.partner_role, "internal_org_id": self.internal_org_id,
                "enterprise_role": self.enterprise_role, "managed_partner_ids": self.managed_partner_ids}


@dataclass(frozen=True, slots=True)
class SortKey:
    """Keyset position of a row: the value of its sort field (name unless asked otherwise), then id."""

    value: Any
    id: str

    def as_param(self) -> dict[str, Any]:
        return {"value": self.value, "id": self.id}


def cursor_param(after: SortKey | None) -> dict[str, Any] | None:
    """The `$after` of a keyset query (see cypher/fragments/after_cursor.cypher)."""
    return after.as_param() if after else None


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    has_next: bool
    keys: list[SortKey] | None = None  # when the order is not by name: each item's position

    @classmethod
    def empty(cls) -> Page[T]:
        return cls([], False)

    @classmethod
    def from_rows(cls, rows: list[T], first: int, keys: list[SortKey] | None = None) -> Page[T]:
        """Queries fetch `first + 1` rows; the extra one only says whether a next page exists."""
        return cls(rows[:first], len(rows) > first, keys[:first] if keys is not None else None)


# Programs and partnerships (setup steps 2 and 3). Neo4j temporals become Python dates and datetimes.
from datetime import date, datetime  # noqa: E402


def _native(value: Any) -> Any:
    """A stored date or datetime as Python's: queries that read many send them as ISO text (see
    cypher/fragments/registration_fields.cypher), others as driver temporals."""
    if isinstance(value, str):
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return value.to_native() if hasattr(value, "to_native") else value


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


@dataclass(frozen=True, slots=True)
class AccountRecord(Record):
    """An end customer of the enterprise, served by one or more partners."""

    id: str
    name: str
    country: str | None = None
    industry: str | None = None


# Selling: deal registrations and their lineage into opportunities, quotes and orders.
# Amounts are integer minor units with an ISO 4217 currency.
@dataclass(frozen=True, slots=True)
class ProductRecord(Record):
    id: str
    name: str
    sku: str
    list_price: int
    currency: str

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> ProductRecord:
        return cls(data["id"], data["name"], data["sku"], data["listPrice"], data["currency"])


@dataclass(frozen=True, slots=True)
class LineItemRecord(Record):
    id: str
    product_id: str
    quantity: int
    unit_price: int | None

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> LineItemRecord:
        return cls(data["id"], data["productId"], data["quantity"], data.get("unitPrice"))


@dataclass(frozen=True, slots=True)
class CommentRecord(Record):
    id: str
    body: str
    visibility: str  # PARTNER or INTERNAL (a work note)
    at: datetime
    author_id: str

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> CommentRecord:
        return cls(data["id"], data["body"], data["visibility"], _native(data["at"]), data["authorId"])


@dataclass(frozen=True, slots=True)
class ConflictRecord(Record):
    detected_at: datetime
    reason: str
    other_id: str | None  # None when the competing registration is out of the viewer's scope

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> ConflictRecord:
        return cls(_native(data["detectedAt"]), data["reason"], data.get("otherId"))


@dataclass(frozen=True, slots=True)
class DealRegistrationRecord(Record):
    id: str
    name: str
    status: str
    estimated_amount: int
    currency: str
    partner_id: str
    account_id: str
    program_id: str
    submitted_by_id: str
    owner_id: str | None = None
    expected_close_date: date | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    submitted_at: datetime | None = None
    review_deadline: datetime | None = None
    decided_at: datetime | None = None
    decided_by: str | None = None
    decision_reason: str | None = None
    protected_until: datetime | None = None
    closure_code: str | None = None
    closed_at: datetime | None = None
    lineage_changed_at: datetime | None = None

    @classmethod
    def from_map(cls, d: dict[str, Any]) -> DealRegistrationRecord:
        return cls(d["id"], d["name"], d["status"], d["estimatedAmount"], d["currency"], d["partnerId"],
                   d["accountId"], d["programId"], d["submittedById"], d.get("ownerId"),
                   _native(d.get("expectedCloseDate")), _native(d.get("createdAt")), _native(d.get("updatedAt")),
                   _native(d.get("submittedAt")), _native(d.get("reviewDeadline")), _native(d.get("decidedAt")),
                   d.get("decidedBy"), d.get("decisionReason"), _native(d.get("protectedUntil")),
                   d.get("closureCode"), _native(d.get("closedAt")), _native(d.get("lineageChangedAt")))


@dataclass(frozen=True, slots=True)
class OpportunityRecord(Record):
    id: str
    name: str
    stage: str
    amount: int
    currency: str
    registration_id: str
    partner_id: str
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None

    @classmethod
    def from_map(cls, d: dict[str, Any]) -> OpportunityRecord:
        return cls(d["id"], d["name"], d["stage"], d["amount"], d["currency"], d["registrationId"], d["partnerId"],
                   _native(d.get("createdAt")), _native(d.get("updatedAt")), _native(d.get("closedAt")))


@dataclass(frozen=True, slots=True)
class QuoteRecord(Record):
    id: str
    name: str
    version: int
    status: str
    currency: str
    discount_percent: float
    subtotal: int
    total: int
    opportunity_id: str
    registration_id: str
    partner_id: str
    revises_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def from_map(cls, d: dict[str, Any]) -> QuoteRecord:
        return cls(d["id"], d["name"], d["version"], d["status"], d["currency"], d["discountPercent"], d["subtotal"],
                   d["total"], d["opportunityId"], d["registrationId"], d["partnerId"], d.get("revisesId"),
                   _native(d.get("createdAt")), _native(d.get("updatedAt")))


@dataclass(frozen=True, slots=True)
class OrderRecord(Record):
    id: str
    name: str
    status: str
    total: int
    currency: str
    quote_id: str
    registration_id: str
    partner_id: str
    placed_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def from_map(cls, d: dict[str, Any]) -> OrderRecord:
        return cls(d["id"], d["name"], d["status"], d["total"], d["currency"], d["quoteId"], d["registrationId"],
                   d["partnerId"], _native(d.get("placedAt")), _native(d.get("updatedAt")))


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


# Partner 360: aggregate figures computed in Cypher (graph/insights.py).
@dataclass(frozen=True, slots=True)
class InsightCountRecord:
    """A count of records in one state (a status, stage or role)."""

    key: str
    count: int


@dataclass(frozen=True, slots=True)
class PipelineInsightRecord:
    partner_count: int
    by_stage: tuple[tuple[str, int, int], ...]  # (stage, count, value) of the opportunities open at the period end
    open_count: int
    open_value: int
    previous_open_count: int
    previous_open_value: int
    unconverted: int


@dataclass(frozen=True, slots=True)
class RegistrationInsightRecord:
    partner_count: int
    by_status: tuple[InsightCountRecord, ...]
    decided: int
    approved: int
    median_hours_to_decision: float | None
    conflicts: int


@dataclass(frozen=True, slots=True)
class MonthlySalesRecord:
    month: Any  # datetime.date, the first day of the month
    orders: int
    revenue: int
    unconverted: int


@dataclass(frozen=True, slots=True)
class SalesInsightRecord:
    partner_count: int
    won: int
    lost: int
    by_month: tuple[MonthlySalesRecord, ...]


@dataclass(frozen=True, slots=True)
class CaseInsightRecord:
    partner_count: int
    by_status: tuple[InsightCountRecord, ...]
    resolved: int
    resolved_within_target: int
    open: int
    open_breached: int


@dataclass(frozen=True, slots=True)
class StaffInsightRecord:
    partner_count: int
    by_role: tuple[InsightCountRecord, ...]


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


@dataclass(frozen=True, slots=True)
class ScorecardRecord:
    """Where a partner's metric stands in the segment of one of its partnerships (Partner 360 scorecards)."""

    partnership_id: str
    segment_id: str
    next_segment_id: str | None
    value: float | None
    peers: int
    percentile: float | None
    median: float | None
    next_peers: int
    next_median: float | None


# Segment evaluation: a segment criterion against a partner's metric, and a partnership's verdict.
@dataclass(frozen=True, slots=True)
class CriterionEvaluationRecord:
    criterion_id: str
    metric: str
    operator: str
    threshold: float
    value: float | None  # the partner's figure; None when the metric is unknown or has no value
    met: bool | None  # None: the metric is not one the evaluation knows (not evaluable)


@dataclass(frozen=True, slots=True)
class SegmentEvaluationRecord:
    partnership_id: str
    partner_id: str
    partner_name: str
    segment_id: str
    change: str | None  # UPGRADE, DOWNGRADE, or None (stays)
    target_segment_id: str | None
    next_segment_id: str | None
    criteria: tuple[CriterionEvaluationRecord, ...]  # of the current segment
    next_criteria: tuple[CriterionEvaluationRecord, ...]  # of the next segment up
    start: datetime
    end: datetime


# Partner 360 risk signals: the figures behind the flags (graph/insights.py, insights/risks.cypher).
@dataclass(frozen=True, slots=True)
class RiskInsightRecord:
    partner_count: int
    stalled_count: int
    stalled: tuple[dict[str, Any], ...]  # {id, name, partnerName, stage, ageDays, medianDays, peers}, oldest first
    breached: int  # cases opened in the period breaching a target (as of now)
    previous_breached: int  # the same for the previous period
    ending: tuple[dict[str, Any], ...]  # {id, partnerName, programName, endDate, source}
    last_activity: datetime | None
