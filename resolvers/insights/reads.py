"""Reads of the insights domain. Partner 360: the reporting period, the checks on the arguments, and one
DataLoader call per section (`Loaders.insight_section`), so the same section of any number of partners is one
round trip; its risk signals; leaderboards; segment recommendations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from graph.insights.reads import (
    ENDING_DAYS,
    IGNORED_LEADS,
    PIPELINE_FALL_RATIO,
    QUIET_DAYS,
    STALLED_FACTOR,
    SegmentEvaluation,
)
from graph.insights.records import (
    LeaderboardEntryRecord,
    LeadInsightRecord,
    PipelineInsightRecord,
    RiskInsightRecord,
    SegmentEvaluationRecord,
)
from graph.shared.records import Page, SortKey
from resolvers.shared.checks import check_reporting_currency
from resolvers.shared.context import RequestContext
from resolvers.shared.errors import PublicError
from resolvers.shared.global_ids import key_of
from resolvers.shared.pagination import decode_cursor, page_size

DEFAULT_PERIOD_DAYS = 90
DEFAULT_CURRENCY = "USD"  # the reporting currency of money figures when none is asked for


@dataclass(frozen=True)
class InsightsQuery:
    """What a Partner 360 counts: a partner (with its visible subtree or not) over [start, end)."""

    partner_id: str
    start: datetime
    end: datetime
    subtree: bool
    currency: str
    now: datetime

    @property
    def previous_start(self) -> datetime:
        """The previous period has the same length and ends where this one starts."""
        return self.start - (self.end - self.start)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


async def insights(ctx: RequestContext, partner_id: str, start: datetime | None, end: datetime | None,
                   subtree: bool, currency: str) -> InsightsQuery | None:
    """The Partner 360 query of a partner, or None when the viewer may not see the partner. Without a
    period: the 90 days before the request's now."""
    start, end = check_arguments(start, end, currency, ctx.now)
    if await ctx.loaders.partner.load(partner_id) is None:
        return None
    return InsightsQuery(partner_id, start, end, subtree, currency, ctx.now)


def check_arguments(start: datetime | None, end: datetime | None, currency: str | None,
                    now: datetime) -> tuple[datetime, datetime]:
    """The period [start, end) asked for, by default the 90 days before now; refused unless it starts before
    it ends and the currency is ISO 4217. Also declared on the schema field, so it refuses before any Cypher."""
    check_reporting_currency(currency)
    end = _aware(end) if end else now
    start = _aware(start) if start else end - timedelta(days=DEFAULT_PERIOD_DAYS)
    if start >= end:
        raise PublicError("the period must start before it ends", "VALIDATION")
    return start, end


async def section(ctx: RequestContext, query: InsightsQuery, name: str) -> Any:
    """One section's record (graph/insights/records.py); None when the partner is out of scope."""
    key = (query.partner_id, name, query.start, query.end, query.subtree, query.currency, query.now)
    return await ctx.loaders.insight_section.load(key)


async def leaderboard(ctx: RequestContext, program: str, segment: str | None, metric: str, start: datetime | None,
                      end: datetime | None, currency: str, first: int | None,
                      after: str | None) -> Page[LeaderboardEntryRecord]:
    start, end = check_arguments(start, end, currency, ctx.now)
    size = page_size(first, ctx.page_limits)
    cursor = decode_cursor(after)
    if cursor is not None and not isinstance(cursor.value, int):
        raise PublicError("`after` is not a cursor this API issued", "VALIDATION")
    records = await ctx.loaders.insights.leaderboard(key_of(program, "Program", "program"),
                                                     key_of(segment, "Segment", "segment"), metric, start, end,
                                                     currency, cursor.value if cursor else 0, size + 1)
    return Page.from_rows(records, size, [SortKey(r.position, r.id) for r in records])


def segment_evaluation(ctx: RequestContext) -> SegmentEvaluation:
    return SegmentEvaluation(ctx.graph, ctx.viewer.scope)


async def recommendations(ctx: RequestContext, program: str, first: int | None,
                          after: str | None) -> Page[SegmentEvaluationRecord]:
    """The program's partnerships (visible, not terminated) that qualify for the next segment up or miss a
    criterion of their own, evaluated over the 365 days before the request's now; one round trip."""
    program_id = key_of(program, "Program", "program")
    return await segment_evaluation(ctx).recommendations(program_id, ctx.now, page_size(first, ctx.page_limits),
                                                  decode_cursor(after))


# Risk signals: explainable flags built from the figures the database aggregated (the pipeline and leads sections
# and insights/reads/risks.cypher); each says why it was raised and carries its figures.
@dataclass(frozen=True)
class Signal:
    code: str
    message: str
    figures: tuple[tuple[str, float | None], ...]
    subject_key: str | None = None


def _pct(ratio: float) -> str:
    return f"{abs(ratio) * 100:.0f}%"


def pipeline_change(pipeline: PipelineInsightRecord) -> tuple[int, float | None]:
    """The change of the open pipeline value over the period, and its ratio to the value at the start (None when
    that was 0): the figure the Partner 360 shows and the PIPELINE_FALLING signal tests."""
    change = pipeline.open_value - pipeline.previous_open_value
    return change, (change / pipeline.previous_open_value if pipeline.previous_open_value else None)


def risk_signals(query: InsightsQuery, pipeline: PipelineInsightRecord | None, risks: RiskInsightRecord,
                 leads: LeadInsightRecord | None) -> list[Signal]:
    signals: list[Signal] = []
    ratio = pipeline_change(pipeline)[1] if pipeline else None
    if pipeline and ratio is not None:
        if ratio <= -PIPELINE_FALL_RATIO:
            signals.append(Signal(
                "PIPELINE_FALLING",
                f"The open pipeline fell by {_pct(ratio)} over the period: {pipeline.open_value} at its end against "
                f"{pipeline.previous_open_value} at its start ({query.currency} minor units); a fall of "
                f"{_pct(PIPELINE_FALL_RATIO)} or more raises this flag.",
                (("openValue", float(pipeline.open_value)), ("previousOpenValue", float(pipeline.previous_open_value)),
                 ("changeRatio", ratio), ("threshold", -PIPELINE_FALL_RATIO))))
    for o in risks.stalled:
        signals.append(Signal(
            "STALLED_DEAL",
            f"Opportunity {o['name']} of {o['partnerName']} has been in {o['stage']} for {o['ageDays']:.0f} days "
            f"since its last update, more than {STALLED_FACTOR:g}× the median of {o['medianDays']:.1f} days of the "
            f"{o['peers']} open opportunities in that stage.",
            (("ageDays", o["ageDays"]), ("stageMedianDays", o["medianDays"]), ("stagePeers", float(o["peers"])),
             ("factor", STALLED_FACTOR), ("stalledTotal", float(risks.stalled_count))), o["id"]))
    if risks.breached > risks.previous_breached:
        signals.append(Signal(
            "SLA_BREACHES_RISING",
            f"{risks.breached} case(s) opened in the period breach their SLA targets, up from "
            f"{risks.previous_breached} opened in the previous period.",
            (("breached", float(risks.breached)), ("previousBreached", float(risks.previous_breached)))))
    today = query.now.date()
    for e in risks.ending:
        days = (e["endDate"] - today).days
        signals.append(Signal(
            "PARTNERSHIP_ENDING",
            f"The partnership of {e['partnerName']} in {e['programName']} ends on {e['endDate'].isoformat()} "
            f"(the {e['source']}'s end date), in {days} days: within {ENDING_DAYS} days.",
            (("daysLeft", float(days)), ("thresholdDays", float(ENDING_DAYS))), e["id"]))
    last = risks.last_activity
    if last is None or last < query.now - timedelta(days=QUIET_DAYS):
        if last is None:
            why = "No deal registration, order or case at all"
        else:
            why = (f"No deal registered, order placed or case opened for {(query.now - last).days} days "
                   f"(the last on {last.date().isoformat()})")
        signals.append(Signal(
            "NO_ACTIVITY", f"{why}; {QUIET_DAYS} days without activity raise this flag.",
            (("daysSinceLastActivity", float((query.now - last).days) if last else None),
             ("thresholdDays", float(QUIET_DAYS)))))
    if leads and leads.timed_out >= IGNORED_LEADS:
        signals.append(Signal(
            "LEADS_IGNORED",
            f"{leads.timed_out} lead offer(s) to the counted partners timed out unaccepted in the period "
            f"({leads.received} received in it); {IGNORED_LEADS} or more raise this flag.",
            (("timedOut", float(leads.timed_out)), ("received", float(leads.received)),
             ("threshold", float(IGNORED_LEADS)))))
    return signals


async def signals(ctx: RequestContext, query: InsightsQuery) -> list[Signal] | None:
    """The risk signals of a Partner 360: three loader calls (risks, pipeline, leads), each one round trip for
    every partner of the response asking with the same arguments (none when the sections were asked for too)."""
    risks = await section(ctx, query, "risks")
    if risks is None:
        return None
    return risk_signals(query, await section(ctx, query, "pipeline"), risks, await section(ctx, query, "leads"))
