"""Leaderboards: a program's partners (per segment or all) ranked by a scorecard metric over a
period, one aggregate query per page (insights/leaderboard.cypher)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from graph.records import Page, SortKey
from resolvers.context import RequestContext
from resolvers.errors import PublicError
from resolvers.global_ids import key_of
from resolvers.insights import check_arguments
from resolvers.pagination import decode_cursor, page_size


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
    rows = await ctx.graph.read("insights/leaderboard", programId=key_of(program, "Program"),
                                segmentId=key_of(segment, "Segment"), metric=metric, start=start, end=end, currency=currency, scope=viewer.scope,
                                enterprise=viewer.is_enterprise, skip=cursor.value if cursor else 0, limit=size + 1)
    records = [LeaderboardEntryRecord(e["partnershipId"], e["partnerId"], e["segmentId"], e["value"], e["rank"],
                                      e["position"], e["total"]) for e in (r["entry"] for r in rows)]
    return Page.from_rows(records, size, [SortKey(r.position, r.id) for r in records])
