"""Partner 360 types: a partner's health over a reporting period, for the partner alone or rolled
up over the partners below it that the viewer may see. Every section is one aggregate Cypher query for
all partners of a response (resolvers/insights.py); see docs/INSIGHTS.md for what each figure counts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.insights.records import (
    CriterionEvaluationRecord,
    InsightCountRecord,
    ScorecardRecord,
    SegmentEvaluationRecord,
)
from resolvers.insights import reads as insights_reads
from resolvers.insights import risks as insights_risks
from resolvers.insights.reads import InsightsQuery, LeaderboardEntryRecord
from resolvers.partners import reads as partners_reads
from resolvers.programs import reads as programs_reads
from schema.cases.enums import CaseStatus
from schema.insights.enums import CriterionOutcome, RiskCode, ScorecardMetric, SegmentChange
from schema.partners import types as partner_types
from schema.partners.enums import PartnerRole
from schema.programs.enums import METRIC_DESCRIPTION, CriterionMetric, CriterionOperator, criterion_metric
from schema.programs.types import Partnership, Segment
from schema.selling.enums import DealRegistrationStatus, MinorUnits, OpportunityStage
from schema.shared.pagination import to_connection
from schema.shared.partner_references import LazyPartner, LazyPerson


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


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


@strawberry.type(description="Where this partner's metric stands among the partners of the segment of one of its "
                 "partnerships, and against the next segment up. Peers are the partners at the segment (through a "
                 "partnership that is not terminated) that the viewer may see, each counted alone with the records "
                 "the viewer may see.")
class Scorecard:
    record: strawberry.Private[ScorecardRecord]
    metric: ScorecardMetric = strawberry.field(description="The metric compared.")

    @strawberry.field(description="The partnership (its program and current segment).")
    async def partnership(self, info: Info) -> Partnership | None:
        found = await insights_reads.partnership(info.context, self.record.partnership_id)
        return Partnership.from_record(found) if found else None

    @strawberry.field(description="The partner's value of the metric; null for a win rate without closed deals.")
    def value(self) -> float | None:
        return self.record.value

    @strawberry.field(description="Peers with a value in the segment, this partner included.")
    def peers(self) -> int:
        return self.record.peers

    @strawberry.field(description="100 × the share of the segment's peers whose value is at or below this partner's "
                      "(100 = the best or tied for it); null when the partner has no value.")
    def percentile(self) -> float | None:
        return self.record.percentile

    @strawberry.field(description="The median value among the segment's peers (percentileCont 0.5).")
    def segment_median(self) -> float | None:
        return self.record.median

    @strawberry.field(description="The next segment up in the program (the closest better rank); null at the top.")
    async def next_segment(self, info: Info) -> Segment | None:
        if self.record.next_segment_id is None:
            return None
        found = await insights_reads.segment(info.context, self.record.next_segment_id)
        return Segment.from_record(found) if found else None

    @strawberry.field(description="Peers with a value in the next segment up (0 at the top).")
    def next_segment_peers(self) -> int:
        return self.record.next_peers

    @strawberry.field(description="The median value among the next segment's peers; null at the top or without peers.")
    def next_segment_median(self) -> float | None:
        return self.record.next_median


def _role_counts(items: tuple[InsightCountRecord, ...]) -> list[RoleCount]:
    return [RoleCount(role=PartnerRole(i.key), count=i.count) for i in items]


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


@strawberry.type(description="Partner 360: a partner's health over a reporting period, for the partner alone or "
                 "with the partners below it that the viewer may see (`includeSubtree`). Selling figures count "
                 "only the deals the viewer may see, case figures only the cases the viewer may see.")
class Partner360:
    query: strawberry.Private[InsightsQuery]

    @strawberry.field(description="The reporting period and the previous period.")
    def period(self) -> InsightsPeriod:
        q = self.query
        return InsightsPeriod(from_=q.start, to=q.end, previous_from=q.previous_start)

    @strawberry.field(description="Whether the partners below this one (those the viewer may see) are counted.")
    def include_subtree(self) -> bool:
        return self.query.subtree

    @strawberry.field(description="The reporting currency (ISO 4217) of every money figure.")
    def currency(self) -> str:
        return self.query.currency

    @strawberry.field(description="How many partners the figures count: 1, or with `includeSubtree` the partner and "
                      "the partners below it that the viewer may see.")
    async def partners_counted(self, info: Info) -> int:
        record = await insights_reads.section(info.context, self.query, "staff")
        return record.partner_count if record else 0

    @strawberry.field(description="Open opportunity value by stage and its change over the period.")
    async def pipeline(self, info: Info) -> PipelineInsights | None:
        r = await insights_reads.section(info.context, self.query, "pipeline")
        if r is None:
            return None
        stage_order = [s.value for s in OpportunityStage]
        by_stage = sorted(r.by_stage, key=lambda s: stage_order.index(s[0]) if s[0] in stage_order else 99)
        change = r.open_value - r.previous_open_value
        return PipelineInsights(
            currency=self.query.currency, open_count=r.open_count, open_value=MinorUnits(r.open_value),
            by_stage=[StageValue(stage=OpportunityStage(s), count=c, value=MinorUnits(v)) for s, c, v in by_stage],
            previous_open_count=r.previous_open_count, previous_open_value=MinorUnits(r.previous_open_value),
            change=MinorUnits(change), change_ratio=_ratio(change, r.previous_open_value),
            unconverted_count=r.unconverted)

    @strawberry.field(description="Deal registrations by status, approval rate, median time to decision, conflicts.")
    async def deal_registrations(self, info: Info) -> RegistrationInsights | None:
        r = await insights_reads.section(info.context, self.query, "registrations")
        if r is None:
            return None
        return RegistrationInsights(
            by_status=[RegistrationStatusCount(status=DealRegistrationStatus(i.key), count=i.count) for i in r.by_status],
            created=sum(i.count for i in r.by_status), decided=r.decided, approved=r.approved,
            approval_rate=_ratio(r.approved, r.decided), median_hours_to_decision=r.median_hours_to_decision,
            conflicts=r.conflicts)

    @strawberry.field(description="Win rate, orders and revenue by month.")
    async def sales(self, info: Info) -> SalesInsights | None:
        r = await insights_reads.section(info.context, self.query, "sales")
        if r is None:
            return None
        months = [MonthlySales(month=m.month, orders=m.orders, revenue=MinorUnits(m.revenue),
                               unconverted_count=m.unconverted) for m in r.by_month]
        return SalesInsights(currency=self.query.currency, won=r.won, lost=r.lost,
                             win_rate=_ratio(r.won, r.won + r.lost), orders=sum(m.orders for m in months),
                             revenue=MinorUnits(sum(m.revenue for m in months)), by_month=months)

    @strawberry.field(description="Cases by status, SLA attainment and open breached cases.")
    async def cases(self, info: Info) -> CaseInsights | None:
        r = await insights_reads.section(info.context, self.query, "cases")
        if r is None:
            return None
        return CaseInsights(
            by_status=[CaseStatusCount(status=CaseStatus(i.key), count=i.count) for i in r.by_status],
            opened=sum(i.count for i in r.by_status), resolved=r.resolved,
            resolved_within_target=r.resolved_within_target,
            sla_attainment=_ratio(r.resolved_within_target, r.resolved), open=r.open, open_breached=r.open_breached)

    @strawberry.field(description="Staff of the counted partners by partner role.")
    async def staff_by_role(self, info: Info) -> list[RoleCount]:
        r = await insights_reads.section(info.context, self.query, "staff")
        return _role_counts(r.by_role) if r else []

    @strawberry.field(description="Per partnership that is not terminated, where this partner (alone, whatever "
                      "`includeSubtree`) stands in its segment on a metric over the period, and the next segment's "
                      "median; by partnership id.")
    async def scorecards(
        self, info: Info,
        metric: Annotated[ScorecardMetric, strawberry.argument(description="The metric to compare.")] = ScorecardMetric.REVENUE,
    ) -> list[Scorecard]:
        cards = await insights_reads.section(info.context, self.query, f"scorecards:{metric.value}")
        return [Scorecard(record=c, metric=metric) for c in cards or ()]

    @strawberry.field(description="This partner's own partnerships (not its subtree's), each with its program and "
                      "current segment, by program name.")
    async def partnerships(
        self, info: Info,
        first: Annotated[int | None, strawberry.argument(description="Page size; capped by the server.")] = None,
        after: Annotated[str | None, strawberry.argument(description="Cursor of the last edge of the previous page.")] = None,
    ) -> relay.Connection[Partnership]:
        page = await programs_reads.partnerships_of_partner(info.context, self.query.partner_id, None, first, after)
        return to_connection(page, Partnership.from_record)

    @strawberry.field(description="The enterprise relationship managers assigned to this partner.")
    async def relationship_managers(self, info: Info) -> list[LazyPerson]:
        records = await partners_reads.relationship_managers(info.context, self.query.partner_id)
        return [partner_types.Person.from_record(r) for r in records]

    @strawberry.field(description="Risk signals over the counted partners and the records the viewer may see: "
                      "pipeline falling over the period, stalled deals and partnerships ending (as of now), SLA "
                      "breaches rising against the previous period, no activity for 90 days. Two aggregate queries "
                      "(pipeline, risks) for all partners of the response; see docs/INSIGHTS.md.")
    async def risk_signals(self, info: Info) -> list[RiskSignal]:

        found = await insights_risks.signals(info.context, self.query)
        return [RiskSignal(code=RiskCode(s.code), message=s.message, subject_key=s.subject_key,
                           figures=[RiskFigure(name=n, value=v) for n, v in s.figures]) for s in found or ()]


@strawberry.type(description="One partner's place on a leaderboard.")
class LeaderboardEntry:
    record: strawberry.Private[LeaderboardEntryRecord]
    metric: ScorecardMetric = strawberry.field(description="The metric ranked.")

    @strawberry.field(description="1 + the number of partners with a strictly higher value (ties share a rank).")
    def rank(self) -> int:
        return self.record.rank

    @strawberry.field(description="The partner's value: minor units of the reporting currency for REVENUE and "
                      "OPEN_PIPELINE, 0..1 for WIN_RATE.")
    def value(self) -> float:
        return self.record.value

    @strawberry.field(description="How many partners the leaderboard ranks (all pages).")
    def ranked(self) -> int:
        return self.record.total

    @strawberry.field(description="The partner.")
    async def partner(self, info: Info) -> LazyPartner | None:
        found = await info.context.loaders.partner.load(self.record.partner_id)
        return partner_types.Partner.from_record(found) if found else None

    @strawberry.field(description="The partner's partnership in the program.")
    async def partnership(self, info: Info) -> Partnership | None:
        found = await insights_reads.partnership(info.context, self.record.id)
        return Partnership.from_record(found) if found else None

    @strawberry.field(description="The partnership's current segment.")
    async def segment(self, info: Info) -> Segment | None:
        found = await insights_reads.segment(info.context, self.record.segment_id)
        return Segment.from_record(found) if found else None


@strawberry.type(description="One criterion of a segment evaluated against the partner's figure.")
class CriterionEvaluation:
    record: strawberry.Private[CriterionEvaluationRecord]

    @strawberry.field(description="The criterion's stable key.")
    def key(self) -> str:
        return self.record.criterion_id

    @strawberry.field(description=METRIC_DESCRIPTION)
    def metric(self) -> CriterionMetric | None:
        return criterion_metric(self.record.metric)

    @strawberry.field(description="How the figure must compare with the threshold.")
    def operator(self) -> CriterionOperator:
        return CriterionOperator(self.record.operator)

    @strawberry.field(description="The criterion's threshold.")
    def threshold(self) -> float:
        return self.record.threshold

    @strawberry.field(description="The partner's figure for the metric (money in USD major units); null when the "
                      "metric is not evaluable or has no value.")
    def value(self) -> float | None:
        return self.record.value

    @strawberry.field(description="Met, missed or not evaluable.")
    def outcome(self) -> CriterionOutcome:
        if self.record.met is None:
            return CriterionOutcome.NOT_EVALUABLE
        return CriterionOutcome.MET if self.record.met else CriterionOutcome.MISSED


@strawberry.type(description="A partnership whose partner qualifies for the next segment up of its program or no "
                 "longer meets its current segment, with every criterion of both segments evaluated over the "
                 "trailing 365 days.")
class SegmentRecommendation:
    record: strawberry.Private[SegmentEvaluationRecord]

    @strawberry.field(description="Upgrade or downgrade.")
    def change(self) -> SegmentChange:
        return SegmentChange(self.record.change)

    @strawberry.field(description="The partnership evaluated.")
    async def partnership(self, info: Info) -> Partnership | None:
        found = await insights_reads.partnership(info.context, self.record.partnership_id)
        return Partnership.from_record(found) if found else None

    @strawberry.field(description="The partnership's current segment.")
    async def current_segment(self, info: Info) -> Segment | None:
        found = await insights_reads.segment(info.context, self.record.segment_id)
        return Segment.from_record(found) if found else None

    @strawberry.field(description="The segment to move to (pass it to applySegmentRecommendation); null for a "
                      "downgrade from the lowest segment.")
    async def recommended_segment(self, info: Info) -> Segment | None:
        if self.record.target_segment_id is None:
            return None
        found = await insights_reads.segment(info.context, self.record.target_segment_id)
        return Segment.from_record(found) if found else None

    @strawberry.field(description="Every criterion of the current segment against the partner's figures.")
    def current_criteria(self) -> list[CriterionEvaluation]:
        return [CriterionEvaluation(record=c) for c in self.record.criteria]

    @strawberry.field(description="The next segment up of the program; null at the top.")
    async def next_segment(self, info: Info) -> Segment | None:
        if self.record.next_segment_id is None:
            return None
        found = await insights_reads.segment(info.context, self.record.next_segment_id)
        return Segment.from_record(found) if found else None

    @strawberry.field(description="Every criterion of the next segment up against the partner's figures (empty at "
                      "the top).")
    def next_criteria(self) -> list[CriterionEvaluation]:
        return [CriterionEvaluation(record=c) for c in self.record.next_criteria]

    @strawberry.field(description="Start of the evaluation period (365 days before `evaluatedTo`).")
    def evaluated_from(self) -> datetime:
        return self.record.start

    @strawberry.field(description="End of the evaluation period (exclusive): the request's now.")
    def evaluated_to(self) -> datetime:
        return self.record.end
