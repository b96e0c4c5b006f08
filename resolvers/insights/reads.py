"""Partner 360: the reporting period, the checks on the arguments, and one DataLoader call per
section (`Loaders.insight_section`), so the same section of any number of partners is one round trip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from graph.insights.reads import SegmentEvaluation
from graph.insights.records import SegmentEvaluationRecord
from graph.shared.records import Page, SortKey
from resolvers.context import RequestContext
from resolvers.shared.checks import is_currency
from resolvers.shared.errors import PublicError
from resolvers.shared.global_ids import key_of
from resolvers.shared.pagination import decode_cursor, page_size

DEFAULT_PERIOD_DAYS = 90


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
    if not is_currency(currency):
        raise PublicError("currency must be an ISO 4217 code such as USD", "VALIDATION")
    end = _aware(end) if end else now
    start = _aware(start) if start else end - timedelta(days=DEFAULT_PERIOD_DAYS)
    if start >= end:
        raise PublicError("the period must start before it ends", "VALIDATION")
    return start, end


async def section(ctx: RequestContext, query: InsightsQuery, name: str) -> Any:
    """One section's record (graph.records.*InsightRecord); None when the partner is out of scope."""
    key = (query.partner_id, name, query.start, query.end, query.subtree, query.currency, query.now)
    return await ctx.loaders.insight_section.load(key)


async def partnership(ctx: RequestContext, partnership_id: str) -> Any:
    return await ctx.loaders.partnership.load(partnership_id)


async def segment(ctx: RequestContext, segment_id: str) -> Any:
    return await ctx.loaders.segment.load(segment_id)


@dataclass(frozen=True)
class LeaderboardEntryRecord:
    id: str  # the partnership's id
    partner_id: str
    segment_id: str
    value: float
    rank: int
    position: int
    total: int


async def leaderboard(ctx: RequestContext, program: str, segment: str | None, metric: str, start: datetime | None,
                      end: datetime | None, currency: str, first: int | None,
                      after: str | None) -> Page[LeaderboardEntryRecord]:
    start, end = check_arguments(start, end, currency, ctx.now)
    size = page_size(first, ctx.page_limits)
    cursor = decode_cursor(after)
    if cursor is not None and not isinstance(cursor.value, int):
        raise PublicError("`after` is not a cursor this API issued", "VALIDATION")
    viewer = ctx.viewer
    rows = await ctx.graph.read("insights/reads/leaderboard", programId=key_of(program, "Program", "program"),
                                segmentId=key_of(segment, "Segment", "segment"), metric=metric, start=start, end=end, currency=currency, scope=viewer.scope,
                                enterprise=viewer.is_enterprise, skip=cursor.value if cursor else 0, limit=size + 1)
    records = [LeaderboardEntryRecord(e["partnershipId"], e["partnerId"], e["segmentId"], e["value"], e["rank"],
                                      e["position"], e["total"]) for e in (r["entry"] for r in rows)]
    return Page.from_rows(records, size, [SortKey(r.position, r.id) for r in records])


def _evaluation(ctx: RequestContext) -> SegmentEvaluation:
    return SegmentEvaluation(ctx.graph, ctx.viewer.scope, ctx.viewer.is_enterprise)


async def recommendations(ctx: RequestContext, program: str, first: int | None,
                          after: str | None) -> Page[SegmentEvaluationRecord]:
    """The program's partnerships (visible, not terminated) that qualify for the next segment up or miss a
    criterion of their own, evaluated over the 365 days before the request's now; one round trip."""
    program_id = key_of(program, "Program", "program")
    return await _evaluation(ctx).recommendations(program_id, ctx.now, page_size(first, ctx.page_limits),
                                                  decode_cursor(after))
