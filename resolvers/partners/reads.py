"""Reads of the partners domain: partners and the hierarchy, staff and people, the viewer, accounts; every
call goes through the request's DataLoaders (scoped in Cypher)."""

from __future__ import annotations

from graph.partners.records import (
    AccountRecord,
    InternalOrgRecord,
    PartnerFilter,
    PartnerNameRecord,
    PartnerRecord,
    PersonRecord,
)
from graph.shared.records import Page
from resolvers.shared.context import RequestContext
from resolvers.shared.errors import PublicError
from resolvers.shared.pagination import decode_cursor, page_size


async def partner(ctx: RequestContext, partner_id: str) -> PartnerRecord | None:
    return await ctx.loaders.partner.load(partner_id)


async def partners(ctx: RequestContext, first: int | None, after: str | None, filter: PartnerFilter,
                   order_by: str = "NAME", descending: bool = False) -> Page[PartnerRecord]:
    return await ctx.loaders.partners.page(page_size(first, ctx.page_limits), decode_cursor(after), filter,
                                           order_by, descending)


async def parent(ctx: RequestContext, child_id: str) -> PartnerRecord | PartnerNameRecord | None:
    return await ctx.loaders.parent.load(child_id)


async def ancestors(ctx: RequestContext, partner_id: str) -> list[PartnerRecord | PartnerNameRecord]:
    return await ctx.loaders.ancestors.load(partner_id) or []


async def depth(ctx: RequestContext, partner_id: str) -> int:
    return await ctx.loaders.depth.load(partner_id) or 0


def check_max_depth(max_depth: int | None) -> None:
    """Also declared on the schema field, so it refuses before any Cypher (schema/shared/admission.py)."""
    if max_depth is not None and max_depth < 1:
        raise PublicError("`maxDepth` must be at least 1", "VALIDATION")


async def staff(ctx: RequestContext, partner_id: str, roles: tuple[str, ...] | None, first: int | None,
                after: str | None) -> Page[PersonRecord]:
    key = (partner_id, roles, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.staff.load(key)


async def relationship_managers(ctx: RequestContext, partner_id: str) -> list[PersonRecord]:
    return await ctx.loaders.relationship_managers.load(partner_id) or []


async def person(ctx: RequestContext, person_id: str) -> PersonRecord | None:
    return await ctx.loaders.person.load(person_id)


async def viewer_person(ctx: RequestContext) -> PersonRecord | None:
    return await ctx.loaders.person.load(ctx.viewer.person_id)


async def internal_org(ctx: RequestContext, org_id: str) -> InternalOrgRecord | None:
    return await ctx.loaders.internal_org.load(org_id)


async def viewer_organization(ctx: RequestContext) -> PartnerRecord | InternalOrgRecord | None:
    if ctx.viewer.is_enterprise:
        return await ctx.loaders.internal_org.load(ctx.viewer.organization_id)
    return await ctx.loaders.partner.load(ctx.viewer.organization_id)


async def account(ctx: RequestContext, account_id: str) -> AccountRecord | None:
    return await ctx.loaders.account.load(account_id)


async def serving_partners(ctx: RequestContext, account_id: str) -> list[PartnerRecord]:
    return await ctx.loaders.serving_partners.load(account_id) or []
