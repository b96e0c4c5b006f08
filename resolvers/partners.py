"""Partner reads: every call goes through the request's DataLoaders (scoped in Cypher)."""

from __future__ import annotations

from graph.records import Page, PartnerNameRecord, PartnerRecord
from resolvers.context import RequestContext
from resolvers.pagination import decode_cursor, page_size


async def partner(ctx: RequestContext, partner_id: str) -> PartnerRecord | None:
    return await ctx.loaders.partner.load(partner_id)


async def partners(ctx: RequestContext, first: int | None, after: str | None) -> Page[PartnerRecord]:
    return await ctx.loaders.partners.page(page_size(first, ctx.page_limits), decode_cursor(after))


async def parent(ctx: RequestContext, child_id: str) -> PartnerRecord | PartnerNameRecord | None:
    return await ctx.loaders.parent.load(child_id)


async def children(ctx: RequestContext, parent_id: str, first: int | None, after: str | None) -> Page[PartnerRecord]:
    return await ctx.loaders.children.load((parent_id, page_size(first, ctx.page_limits), decode_cursor(after)))
