"""Types of the insights domain: the sections of a Partner 360 (the `Partner360` object itself is in
partner_fields.py), scorecards, risk signals, leaderboard entries and segment recommendations."""

from __future__ import annotations

from datetime import date, datetime

import strawberry
from strawberry.types import Info

from graph.insights.reads import EVALUATION_DAYS
from graph.insights.records import (
    CriterionEvaluationRecord,
    LeaderboardEntryRecord,
    ScorecardRecord,
    SegmentEvaluationRecord,
)
from schema.cases.enums import CaseStatus
from schema.insights.enums import CriterionOutcome, RiskCode, ScorecardMetric, SegmentChange
from schema.partners import types as partner_types
from schema.partners.enums import PartnerRole
from schema.programs.enums import METRIC_DESCRIPTION, CriterionMetric, CriterionOperator, criterion_metric
from schema.programs.types import Partnership, Segment, partnership_of, segment_of
from schema.selling.enums import DealRegistrationStatus, MinorUnits, OpportunityStage
from schema.shared.partner_references import LazyPartner


@strawberry.type(description="The reporting period of a Partner 360 and the previous period it is compared with.")
class InsightsPeriod:
    from_: datetime = strawberry.field(name="from", description="Start of the period (inclusive).")
    to: datetime = strawberry.field(description="End of the period (exclusive).")
    previous_from: datetime = strawberry.field(description="Start of the previous period, of the same length and "
                                               "ending at `from`.")


@strawberry.type(description="Open opportunities of one stage at the end of the period.")
class StageValue:
    stage: OpportunityStage = strawberry.field(description="The opportunity's stage as recorded now (the graph keeps "
                                               "no stage history; an opportunity open at the end of a past "
                                               "period but closed since shows under its closing stage).")
    count: int = strawberry.field(description="Number of opportunities.")
    value: MinorUnits = strawberry.field(description="Their amounts in the reporting currency (minor units).")


@strawberry.type(description="Open pipeline: the visible opportunities open at the end of the period (created "
                 "before `to` and not closed before `to`), in the reporting currency.")
class PipelineInsights:
    currency: str = strawberry.field(description="The reporting currency (ISO 4217).")
    open_count: int = strawberry.field(description="Opportunities open at the end of the period.")
    open_value: MinorUnits = strawberry.field(description="Their value: each amount converted at the latest exchange "
                                              "rate of its pair (direct or inverse, as `Money.in`), rounded to the "
                                              "minor unit, then summed. Amounts without a rate are left out.")
    by_stage: list[StageValue] = strawberry.field(description="The open pipeline by stage, in stage order.")
    previous_open_count: int = strawberry.field(description="Opportunities open at the end of the previous period "
                                                "(= the start of this one).")
    previous_open_value: MinorUnits = strawberry.field(description="Their value, converted the same way (at "
                                                       "today's latest rates, so the change is not an FX effect).")
    change: MinorUnits = strawberry.field(description="The change of the open pipeline value over the period: "
                                          "`openValue` (open at `to`) minus `previousOpenValue` (open at `from`), in "
                                          "minor units of the reporting currency; negative when it fell.")
    change_ratio: float | None = strawberry.field(description="`change` / `previousOpenValue` (0.25 = +25%); null "
                                                  "when the previous value is 0.")
    unconverted_count: int = strawberry.field(description="Open opportunities left out of `openValue` because the "
                                              "graph holds no exchange rate for their currency.")


@strawberry.type(description="A count of records in one status.")
class RegistrationStatusCount:
    status: DealRegistrationStatus = strawberry.field(description="The current status.")
    count: int = strawberry.field(description="Number of registrations.")


@strawberry.type(description="Deal registrations of the counted partners that the viewer may see.")
class RegistrationInsights:
    by_status: list[RegistrationStatusCount] = strawberry.field(description="Registrations created in the period, "
                                                                "by current status.")
    created: int = strawberry.field(description="Registrations created in the period.")
    decided: int = strawberry.field(description="Registrations approved or rejected in the period (by `decidedAt`).")
    approved: int = strawberry.field(description="Of those decided in the period, the approved ones.")
    approval_rate: float | None = strawberry.field(description="approved / decided (0..1); null when none was decided.")
    median_hours_to_decision: float | None = strawberry.field(
        description="Median hours from submission to decision of the registrations decided in the period "
        "(percentileCont 0.5); null when none was decided.")
    conflicts: int = strawberry.field(description="Registrations with a conflict (either way round) detected in the "
                                      "period.")


@strawberry.type(description="Orders placed in one calendar month (UTC) of the period.")
class MonthlySales:
    month: date = strawberry.field(description="The first day of the month.")
    orders: int = strawberry.field(description="Orders placed in the month (not cancelled).")
    revenue: MinorUnits = strawberry.field(description="Their totals in the reporting currency, each converted as "
                                           "`Money.in` and rounded to the minor unit, then summed.")
    unconverted_count: int = strawberry.field(description="Orders left out of `revenue` for lack of an exchange rate.")


@strawberry.type(description="Won and lost opportunities, orders and revenue of the counted partners that the "
                 "viewer may see, over the period.")
class SalesInsights:
    currency: str = strawberry.field(description="The reporting currency (ISO 4217).")
    won: int = strawberry.field(description="Opportunities closed won in the period (by `closedAt`).")
    lost: int = strawberry.field(description="Opportunities closed lost in the period.")
    win_rate: float | None = strawberry.field(description="won / (won + lost) (0..1); null when none closed.")
    orders: int = strawberry.field(description="Orders placed in the period that are not cancelled.")
    revenue: MinorUnits = strawberry.field(description="Their totals in the reporting currency (sum of `byMonth`).")
    by_month: list[MonthlySales] = strawberry.field(description="Orders and revenue by month of placement, oldest "
                                                    "first; months without orders are left out.")


@strawberry.type(description="A count of cases in one status.")
class CaseStatusCount:
    status: CaseStatus = strawberry.field(description="The current status.")
    count: int = strawberry.field(description="Number of cases.")


@strawberry.type(description="Cases of the counted partners that the viewer may see.")
class CaseInsights:
    by_status: list[CaseStatusCount] = strawberry.field(description="Cases opened in the period, by current status.")
    opened: int = strawberry.field(description="Cases opened in the period.")
    resolved: int = strawberry.field(description="Cases resolved in the period (RESOLVED or CLOSED, by `resolvedAt`).")
    resolved_within_target: int = strawberry.field(description="Of those, the ones resolved within their resolution "
                                                   "target (pauses included, as the case's SLA figures).")
    sla_attainment: float | None = strawberry.field(description="resolvedWithinTarget / resolved (0..1); null when "
                                                    "none was resolved in the period.")
    open: int = strawberry.field(description="Cases open now (NEW, IN_PROGRESS, AWAITING_PARTNER), whatever the "
                                 "period.")
    open_breached: int = strawberry.field(description="Of the cases open now, those breaching their response or "
                                          "resolution target as of the request's now.")


@strawberry.type(description="A count of staff in one partner role.")
class RoleCount:
    role: PartnerRole = strawberry.field(description="The partner role.")
    count: int = strawberry.field(description="Number of people.")


@strawberry.type(description="Leads routed to the counted partners: the routing offers made to them "
                 "(`(:LeadOffer)-[:TO]->(partner)`), whatever became of each lead after the offer ended (rejected, "
                 "timed out or handed down leads count for the partner they were offered to). Only the leads the "
                 "viewer may see count: none for a partner agent, an associate's assigned leads.")
class LeadInsights:
    received: int = strawberry.field(description="Offers made to the counted partners in the period.")
    accepted: int = strawberry.field(description="Offers accepted in the period (by the offer's `closedAt`).")
    rejected: int = strawberry.field(description="Offers rejected in the period.")
    timed_out: int = strawberry.field(description="Offers that timed out in the period: not accepted by their "
                                      "deadline (closed when the expiry run found them overdue).")
    handed_off: int = strawberry.field(description="Offers handed down to a partner below in the period.")
    median_hours_to_accept: float | None = strawberry.field(description="Median hours from the offer to its "
                                                            "acceptance (percentileCont) of the offers accepted in "
                                                            "the period; null when none.")
    converted: int = strawberry.field(description="Of the leads accepted in the period, those converted to a deal "
                                      "registration now.")
    conversion_rate: float | None = strawberry.field(description="converted / accepted (0..1); null when none was "
                                                     "accepted in the period.")


@strawberry.type(description="Market development funds of the counted partners, whatever the period (funds follow "
                 "their budgets' fiscal periods), in the reporting currency: what came to them, what their approved "
                 "fund requests committed, claimed and were paid, and the revenue of the deals those requests "
                 "generated. Only the allocations, requests and deals the viewer may see count; none for a partner "
                 "agent.")
class MdfInsights:
    currency: str = strawberry.field(description="The reporting currency (ISO 4217).")
    allocated: MinorUnits = strawberry.field(description="Allocations to the counted partners, each converted at the "
                                             "latest rate; with `includeSubtree`, those passed down inside the subtree "
                                             "count once (at the partner they came in through).")
    committed: MinorUnits = strawberry.field(description="Approved amounts of their APPROVED fund requests.")
    claimed: MinorUnits = strawberry.field(description="Live claims (SUBMITTED, APPROVED, PAID) against those "
                                           "requests.")
    paid: MinorUnits = strawberry.field(description="Their PAID claims.")
    influenced_revenue: MinorUnits = strawberry.field(description="Orders (not CANCELLED) of the deal registrations "
                                                      "those requests generated, that the viewer may see.")
    roi: float | None = strawberry.field(description="(influencedRevenue − paid) / paid; null while nothing is paid.")
    unconverted_count: int = strawberry.field(description="Amounts left out because the graph has no rate for their "
                                              "currency.")


@strawberry.type(description="Where this partner's metric stands among the partners of the segment of one of its "
                 "partnerships, and against the next segment up. Peers are the partners at the segment (through a "
                 "partnership that is not terminated) that the viewer may see, each counted alone with the records "
                 "the viewer may see.")
class Scorecard:
    record: strawberry.Private[ScorecardRecord]
    metric: ScorecardMetric = strawberry.field(description="The metric compared.")
    # Plain fields, not resolver methods: a plain field is a getattr, a resolver runs Strawberry's whole machinery.
    value: float | None = strawberry.field(description="The partner's value of the metric; null for a win rate "
                                           "without closed deals.")
    peers: int = strawberry.field(description="Peers with a value in the segment, this partner included.")
    percentile: float | None = strawberry.field(description="100 × the share of the segment's peers whose value is "
                                                "at or below this partner's (100 = the best or tied for it); null "
                                                "when the partner has no value.")
    segment_median: float | None = strawberry.field(description="The median value among the segment's peers "
                                                    "(percentileCont 0.5).")
    next_segment_peers: int = strawberry.field(description="Peers with a value in the next segment up (0 at the top).")
    next_segment_median: float | None = strawberry.field(description="The median value among the next segment's "
                                                         "peers; null at the top or without peers.")

    @classmethod
    def from_record(cls, r: ScorecardRecord, metric: ScorecardMetric) -> Scorecard:
        return cls(record=r, metric=metric, value=r.value, peers=r.peers, percentile=r.percentile,
                   segment_median=r.median, next_segment_peers=r.next_peers, next_segment_median=r.next_median)

    @strawberry.field(description="The partnership (its program and current segment).")
    async def partnership(self, info: Info) -> Partnership | None:
        return await partnership_of(info, self.record.partnership_id)

    @strawberry.field(description="The next segment up in the program (the closest better rank); null at the top.")
    async def next_segment(self, info: Info) -> Segment | None:
        return await segment_of(info, self.record.next_segment_id)


@strawberry.type(description="A figure behind a risk signal.")
class RiskFigure:
    name: str = strawberry.field(description="What the figure is, e.g. ageDays or previousOpenValue.")
    value: float | None = strawberry.field(description="Its value; null when there is none (e.g. never active).")


@strawberry.type(description="An explainable risk flag of a Partner 360: why it was raised and the figures behind it.")
class RiskSignal:
    code: RiskCode = strawberry.field(description="The kind of signal.")
    message: str = strawberry.field(description="A sentence saying why the signal was raised.")
    figures: list[RiskFigure] = strawberry.field(description="The figures behind it, thresholds included.")
    subject_key: str | None = strawberry.field(description="The key of the opportunity or partnership the signal is "
                                               "about; null for a signal about the counted partners as a whole.")


@strawberry.type(description="One partner's place on a leaderboard.")
class LeaderboardEntry:
    record: strawberry.Private[LeaderboardEntryRecord]
    metric: ScorecardMetric = strawberry.field(description="The metric ranked.")
    rank: int = strawberry.field(description="1 + the number of partners with a strictly higher value (ties share a "
                                 "rank).")
    value: float = strawberry.field(description="The partner's value: minor units of the reporting currency for "
                                    "REVENUE and OPEN_PIPELINE, 0..1 for WIN_RATE, a ratio for ROI.")
    ranked: int = strawberry.field(description="How many partners the leaderboard ranks (all pages).")

    @classmethod
    def from_record(cls, r: LeaderboardEntryRecord, metric: ScorecardMetric) -> LeaderboardEntry:
        return cls(record=r, metric=metric, rank=r.rank, value=r.value, ranked=r.total)

    @strawberry.field(description="The partner.")
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.partner_id)

    @strawberry.field(description="The partner's partnership in the program.")
    async def partnership(self, info: Info) -> Partnership | None:
        return await partnership_of(info, self.record.id)

    @strawberry.field(description="The partnership's current segment.")
    async def segment(self, info: Info) -> Segment | None:
        return await segment_of(info, self.record.segment_id)


@strawberry.type(description="One criterion of a segment evaluated against the partner's figure.")
class CriterionEvaluation:
    record: strawberry.Private[CriterionEvaluationRecord]
    key: str = strawberry.field(description="The criterion's stable key.")
    threshold: float = strawberry.field(description="The criterion's threshold.")
    value: float | None = strawberry.field(description="The partner's figure for the metric (money in USD major "
                                           "units); null when the metric is not evaluable or has no value.")

    @classmethod
    def from_record(cls, r: CriterionEvaluationRecord) -> CriterionEvaluation:
        return cls(record=r, key=r.criterion_id, threshold=r.threshold, value=r.value)

    @strawberry.field(description=METRIC_DESCRIPTION)
    def metric(self) -> CriterionMetric | None:
        return criterion_metric(self.record.metric)

    @strawberry.field(description="How the figure must compare with the threshold.")
    def operator(self) -> CriterionOperator:
        return CriterionOperator(self.record.operator)

    @strawberry.field(description="Met, missed or not evaluable.")
    def outcome(self) -> CriterionOutcome:
        if self.record.met is None:
            return CriterionOutcome.NOT_EVALUABLE
        return CriterionOutcome.MET if self.record.met else CriterionOutcome.MISSED


@strawberry.type(description="A partnership whose partner qualifies for the next segment up of its program or no "
                 "longer meets its current segment, with every criterion of both segments evaluated over the "
                 f"trailing {EVALUATION_DAYS} days.")
class SegmentRecommendation:
    record: strawberry.Private[SegmentEvaluationRecord]
    evaluated_from: datetime = strawberry.field(description=f"Start of the evaluation period ({EVALUATION_DAYS} days "
                                                "before `evaluatedTo`).")
    evaluated_to: datetime = strawberry.field(description="End of the evaluation period (exclusive): the request's "
                                                          "now.")

    @classmethod
    def from_record(cls, r: SegmentEvaluationRecord) -> SegmentRecommendation:
        return cls(record=r, evaluated_from=r.start, evaluated_to=r.end)

    @strawberry.field(description="Upgrade or downgrade.")
    def change(self) -> SegmentChange:
        return SegmentChange(self.record.change)

    @strawberry.field(description="The partnership evaluated.")
    async def partnership(self, info: Info) -> Partnership | None:
        return await partnership_of(info, self.record.partnership_id)

    @strawberry.field(description="The partnership's current segment.")
    async def current_segment(self, info: Info) -> Segment | None:
        return await segment_of(info, self.record.segment_id)

    @strawberry.field(description="The segment to move to (pass it to applySegmentRecommendation); null for a "
                      "downgrade from the lowest segment.")
    async def recommended_segment(self, info: Info) -> Segment | None:
        return await segment_of(info, self.record.target_segment_id)

    @strawberry.field(description="Every criterion of the current segment against the partner's figures.")
    def current_criteria(self) -> list[CriterionEvaluation]:
        return [CriterionEvaluation.from_record(c) for c in self.record.criteria]

    @strawberry.field(description="The next segment up of the program; null at the top.")
    async def next_segment(self, info: Info) -> Segment | None:
        return await segment_of(info, self.record.next_segment_id)

    @strawberry.field(description="Every criterion of the next segment up against the partner's figures (empty at "
                      "the top).")
    def next_criteria(self) -> list[CriterionEvaluation]:
        return [CriterionEvaluation.from_record(c) for c in self.record.next_criteria]

