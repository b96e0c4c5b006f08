"""Insight records: the Partner 360 figures of a partner or its subtree (aggregates computed in Cypher,
graph/insights/reads.py), scorecards, risk signals, and segment evaluations; nothing here knows about
GraphQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypedDict

from graph.shared.records import Record, cypher_key


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
class MonthlySalesRecord(Record):
    month: date  # the first day of the month
    orders: int
    revenue: int
    unconverted: int


@dataclass(frozen=True, slots=True)
class SalesInsightRecord(Record):
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


@dataclass(frozen=True, slots=True)
class LeadInsightRecord(Record):
    """Routing offers made to the counted partners: received in the period, and ended in it by outcome."""

    partner_count: int
    received: int  # offers made in the period
    accepted: int  # offers accepted in the period (closedAt)
    rejected: int
    timed_out: int
    handed_off: int
    median_hours_to_accept: float | None  # offer to acceptance, of those accepted in the period
    converted: int  # of the leads accepted in the period, those CONVERTED now


@dataclass(frozen=True, slots=True)
class MdfInsightRecord(Record):
    """Market development funds of the counted partners in the reporting currency (minor units), whatever the
    period: allocated, committed, claimed (live claims), paid, and the revenue of the deals their requests
    influenced; amounts without a rate are left out and counted in `unconverted`."""

    partner_count: int
    allocated: int
    committed: int
    claimed: int
    paid: int
    influenced_revenue: int
    unconverted: int

    @property
    def roi(self) -> float | None:
        """(influenced revenue − paid) / paid; None while nothing is paid."""
        return (self.influenced_revenue - self.paid) / self.paid if self.paid else None


@dataclass(frozen=True, slots=True)
class ScorecardRecord(Record):
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
class CriterionEvaluationRecord(Record):
    criterion_id: str = field(metadata=cypher_key("id"))
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


class StalledOpportunity(TypedDict):
    """An open opportunity older in its stage than the stalled factor × the median of its stage."""

    id: str
    name: str
    partnerName: str  # noqa: N815  # the keys of the Cypher map, read as they are
    stage: str
    ageDays: float  # noqa: N815
    medianDays: float  # noqa: N815
    peers: int


class EndingPartnership(TypedDict):
    """A partnership ending soon: at its own end date or at its program's (`source`)."""

    id: str
    partnerName: str  # noqa: N815
    programName: str  # noqa: N815
    endDate: date  # noqa: N815
    source: str


# Partner 360 risk signals: the figures behind the flags (graph/insights/reads.py, insights/reads/risks.cypher).
@dataclass(frozen=True, slots=True)
class RiskInsightRecord(Record):
    partner_count: int
    stalled_count: int
    stalled: tuple[StalledOpportunity, ...]  # oldest first
    breached: int  # cases opened in the period breaching a target (as of now)
    previous_breached: int  # the same for the previous period
    ending: tuple[EndingPartnership, ...]
    last_activity: datetime | None


@dataclass(frozen=True, slots=True)
class LeaderboardEntryRecord(Record):
    """One partnership's place on a leaderboard: its rank (ties share one), its position in the order."""

    id: str = field(metadata=cypher_key("partnershipId"))
    partner_id: str
    segment_id: str
    value: float
    rank: int
    position: int
    total: int
