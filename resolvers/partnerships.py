"""Partnership reads: every call goes through the request's DataLoaders (scoped in Cypher)."""

from __future__ import annotations

from graph.records import Page, PartnershipRecord, SegmentAssignmentRecord
from resolvers.context import RequestContext
from resolvers.pagination import decode_cursor, page_size


async def partnership(ctx: RequestContext, partnership_id: str) -> PartnershipRecord | None:
    return await ctx.loaders.partnership.load(partnership_id)


async def of_program(ctx: RequestContext, program_id: str, status: str | None, first: int | None,
                     after: str | None) -> Page[PartnershipRecord]:
    key = (program_id, status, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.program_partnerships.load(key)


async def of_partner(ctx: RequestContext, partner_id: str, status: str | None, first: int | None,
                     after: str | None) -> Page[PartnershipRecord]:
    key = (partner_id, status, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.partner_partnerships.load(key)


async def segment_history(ctx: RequestContext, partnership_id: str) -> list[SegmentAssignmentRecord]:
    return await ctx.loaders.segment_history.load(partnership_id) or []
