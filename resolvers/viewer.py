"""The viewer's own person and organization."""

from __future__ import annotations

from graph.records import InternalOrgRecord, PartnerRecord, PersonRecord
from resolvers.context import RequestContext


async def person(ctx: RequestContext) -> PersonRecord | None:
    return await ctx.loaders.person.load(ctx.viewer.person_id)


async def organization(ctx: RequestContext) -> PartnerRecord | InternalOrgRecord | None:
    if ctx.viewer.is_enterprise:
        return await ctx.loaders.internal_org.load(ctx.viewer.organization_id)
    return await ctx.loaders.partner.load(ctx.viewer.organization_id)
