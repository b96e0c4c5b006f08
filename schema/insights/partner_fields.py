"""The field the insights domain adds to `Partner`: its Partner 360, `insights(period:, includeSubtree:, currency:)`,
and the `Partner360` object that field opens, whose fields are the sections (each one aggregate Cypher query for
all partners of a response; see docs/INSIGHTS.md for what each figure counts)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.insights.reads import IGNORED_LEADS, QUIET_DAYS
from graph.insights.records import InsightCountRecord
from resolvers.insights import reads as insights_reads
from resolvers.insights.reads import DEFAULT_CURRENCY, DEFAULT_PERIOD_DAYS, InsightsQuery
from resolvers.partners import reads as partners_reads
from resolvers.programs import reads as programs_reads
from schema.cases.enums import CaseStatus
from schema.insights.enums import RiskCode, ScorecardMetric
from schema.insights.inputs import InsightsPeriodInput
from schema.insights.types import (
    CaseInsights,
    CaseStatusCount,
    InsightsPeriod,
    LeadInsights,
    MdfInsights,
    MonthlySales,
    PipelineInsights,
    RegistrationInsights,
    RegistrationStatusCount,
    RiskFigure,
    RiskSignal,
    RoleCount,
    SalesInsights,
    Scorecard,
    StageValue,
)
from schema.partners import types as partner_types
from schema.partners.enums import PartnerRole
from schema.programs.types import Partnership
from schema.selling.enums import DealRegistrationStatus, MinorUnits, OpportunityStage
from schema.shared.admission import argument_checks
from schema.shared.pagination import AfterArg, FirstArg, to_connection
from schema.shared.partner_references import LazyPerson


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _role_counts(items: tuple[InsightCountRecord, ...]) -> list[RoleCount]:
    return [RoleCount(role=PartnerRole(i.key), count=i.count) for i in items]


@strawberry.type(description="Partner 360: a partner's health over a reporting period, for the partner alone or "
                 "with the partners below it that the viewer may see (`includeSubtree`). Selling figures count "
                 "only the deals the viewer may see, case figures only the cases, lead figures only the leads.")
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
        change, change_ratio = insights_reads.pipeline_change(r)
        return PipelineInsights(
            currency=self.query.currency, open_count=r.open_count, open_value=MinorUnits(r.open_value),
            by_stage=[StageValue(stage=OpportunityStage(s), count=c, value=MinorUnits(v)) for s, c, v in by_stage],
            previous_open_count=r.previous_open_count, previous_open_value=MinorUnits(r.previous_open_value),
            change=MinorUnits(change), change_ratio=change_ratio,
            unconverted_count=r.unconverted)

    @strawberry.field(description="Deal registrations by status, approval rate, median time to decision, conflicts.")
    async def deal_registrations(self, info: Info) -> RegistrationInsights | None:
        r = await insights_reads.section(info.context, self.query, "registrations")
        if r is None:
            return None
        return RegistrationInsights(
            by_status=[RegistrationStatusCount(status=DealRegistrationStatus(i.key),
                                               count=i.count) for i in r.by_status],
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

    @strawberry.field(description="Leads offered to the counted partners: received, accepted, rejected, timed out "
                      "and handed down in the period, the median time to accept, the conversion rate.")
    async def leads(self, info: Info) -> LeadInsights | None:
        r = await insights_reads.section(info.context, self.query, "leads")
        if r is None:
            return None
        return LeadInsights(received=r.received, accepted=r.accepted, rejected=r.rejected, timed_out=r.timed_out,
                            handed_off=r.handed_off, median_hours_to_accept=r.median_hours_to_accept,
                            converted=r.converted, conversion_rate=_ratio(r.converted, r.accepted))

    @strawberry.field(description="Market development funds: allocated, committed, claimed, paid, the revenue of the "
                      "deals the funded campaigns generated, and the return on what was paid (whatever the period).")
    async def mdf(self, info: Info) -> MdfInsights | None:
        r = await insights_reads.section(info.context, self.query, "mdf")
        if r is None:
            return None
        return MdfInsights(currency=self.query.currency, allocated=MinorUnits(r.allocated),
                           committed=MinorUnits(r.committed), claimed=MinorUnits(r.claimed), paid=MinorUnits(r.paid),
                           influenced_revenue=MinorUnits(r.influenced_revenue), roi=r.roi,
                           unconverted_count=r.unconverted)

    @strawberry.field(description="Staff of the counted partners by partner role.")
    async def staff_by_role(self, info: Info) -> list[RoleCount]:
        r = await insights_reads.section(info.context, self.query, "staff")
        return _role_counts(r.by_role) if r else []

    @strawberry.field(description="Per partnership that is not terminated, where this partner (alone, whatever "
                      "`includeSubtree`) stands in its segment on a metric over the period, and the next segment's "
                      "median; by partnership id.")
    async def scorecards(
        self, info: Info,
        metric: Annotated[ScorecardMetric,
                          strawberry.argument(description="The metric to compare.")] = ScorecardMetric.REVENUE,
    ) -> list[Scorecard]:
        cards = await insights_reads.section(info.context, self.query, f"scorecards:{metric.value}")
        return [Scorecard.from_record(c, metric) for c in cards or ()]

    @strawberry.field(description="This partner's own partnerships (not its subtree's), each with its program and "
                      "current segment, by program name.")
    async def partnerships(
        self, info: Info,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Partnership]:
        page = await programs_reads.partnerships_of_partner(info.context, self.query.partner_id, None, first, after)
        return to_connection(page, Partnership.from_record)

    @strawberry.field(description="The enterprise relationship managers assigned to this partner.")
    async def relationship_managers(self, info: Info) -> list[LazyPerson]:
        records = await partners_reads.relationship_managers(info.context, self.query.partner_id)
        return [partner_types.Person.from_record(r) for r in records]

    @strawberry.field(description="Risk signals over the counted partners and the records the viewer may see: "
                      "pipeline falling over the period, stalled deals and partnerships ending (as of now), SLA "
                      f"breaches rising against the previous period, no activity for {QUIET_DAYS} days, "
                      f"{IGNORED_LEADS} or more lead offers timed out in the period. Three aggregate queries "
                      "(pipeline, leads, risks) for all partners of the response; see docs/INSIGHTS.md.")
    async def risk_signals(self, info: Info) -> list[RiskSignal]:
        found = await insights_reads.signals(info.context, self.query)
        return [RiskSignal(code=RiskCode(s.code), message=s.message, subject_key=s.subject_key,
                           figures=[RiskFigure(name=n, value=v) for n, v in s.figures]) for s in found or ()]


def _check_arguments(args: Mapping[str, Any], ctx: Any) -> None:
    period = args.get("period") or {}
    insights_reads.check_arguments(period.get("from"), period.get("to"), args.get("currency"), ctx.now)


@strawberry.type
class PartnerInsightsFields:
    @strawberry.field(description="Partner 360: this partner's pipeline, deal registrations, sales, cases, leads, "
                      "staff, partnerships and relationship managers over a reporting period; null when the viewer "
                      "may not see the partner. Each section is one aggregate query for all partners of the response.",
                      metadata=argument_checks(_check_arguments))
    async def insights(
        self, info: Info,
        period: Annotated[InsightsPeriodInput | None, strawberry.argument(
            description=f"The reporting period; the {DEFAULT_PERIOD_DAYS} days before now when left out.")] = None,
        include_subtree: Annotated[bool, strawberry.argument(
            description="Also count the partners below this one that the viewer may see.")] = False,
        currency: Annotated[str, strawberry.argument(
            description="ISO 4217 code of the reporting currency of every money figure.")] = DEFAULT_CURRENCY,
    ) -> Partner360 | None:
        query = await insights_reads.insights(info.context, self.id, period.from_ if period else None,
                                                 period.to if period else None, include_subtree, currency)
        return Partner360(query=query) if query else None
