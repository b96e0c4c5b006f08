"""Case reads: every call goes through the request's DataLoaders (scoped in Cypher), with the SLA
figures computed as of the request's "now"."""

from __future__ import annotations

from datetime import datetime

from graph.cases.reads import SlaPolicyRepository
from graph.cases.records import CaseCategoryRecord, CaseCommentRecord, CaseFilter, CaseRecord, SlaPolicyRecord
from graph.shared.records import Page
from resolvers.shared.context import RequestContext
from resolvers.shared.pagination import decode_cursor, page_size


def now(ctx: RequestContext) -> datetime:
    """The request's "now" (whole seconds: the SLA arithmetic counts seconds)."""
    return ctx.now


async def case(ctx: RequestContext, case_id: str) -> CaseRecord | None:
    return await ctx.loaders.case.load((case_id, now(ctx)))


async def cases(ctx: RequestContext, case_ids: list[str]) -> list[CaseRecord | None]:
    moment = now(ctx)
    return await ctx.loaders.case.load_many([(case_id, moment) for case_id in case_ids])


async def of_partner(ctx: RequestContext, partner_id: str, filter: CaseFilter, subtree: bool, first: int | None,
                     after: str | None) -> Page[CaseRecord]:
    key = (partner_id, filter, subtree, page_size(first, ctx.page_limits), decode_cursor(after), now(ctx))
    return await ctx.loaders.partner_cases.load(key)


async def listing(ctx: RequestContext, filter: CaseFilter, first: int | None, after: str | None) -> Page[CaseRecord]:
    return await ctx.loaders.cases.page(filter, page_size(first, ctx.page_limits), decode_cursor(after), now(ctx))


async def comments(ctx: RequestContext, case_id: str, visibility: str | None, first: int | None,
                   after: str | None) -> Page[CaseCommentRecord]:
    key = (case_id, visibility, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.case_comments.load(key)


async def sla_policies(ctx: RequestContext, segment_id: str | None) -> list[SlaPolicyRecord]:
    """The policies in force for a segment (None: the default policies); empty when it is not visible."""
    return await ctx.loaders.sla_policies.load(segment_id or SlaPolicyRepository.DEFAULT_POLICIES) or []


async def case_category(ctx: RequestContext, code: str) -> CaseCategoryRecord | None:
    return await ctx.loaders.case_category.load(code)


async def case_categories(ctx: RequestContext) -> list[CaseCategoryRecord]:
    """Every case category, by code."""
    return await ctx.loaders.case_categories.every()
