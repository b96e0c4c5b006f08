"""Reads of the market development funds domain: budgets, allocations, fund requests and claims, through the
request's DataLoaders (scoped in Cypher)."""

from __future__ import annotations

from auth.permissions import Action, decides
from graph.mdf.records import (
    FundAllocationRecord,
    FundClaimRecord,
    FundRequestRecord,
    FundReturnsRecord,
    MdfBudgetRecord,
)
from graph.shared.records import Page
from resolvers.shared.checks import check_reporting_currency
from resolvers.shared.context import RequestContext
from resolvers.shared.pagination import decode_cursor, page_size


def approver(ctx: RequestContext) -> bool:
    """Whether the viewer decides fund requests and claims under the request's settings."""
    return decides(ctx.viewer, Action.APPROVE_FUNDS, ctx.rules.relationship_managers_approve_funds)


async def budget(ctx: RequestContext, budget_id: str) -> MdfBudgetRecord | None:
    return await ctx.loaders.mdf_budget.load(budget_id)


async def budgets(ctx: RequestContext, program_id: str | None, first: int | None,
                  after: str | None) -> Page[MdfBudgetRecord]:
    return await ctx.loaders.mdf.budget_page(program_id, page_size(first, ctx.page_limits), decode_cursor(after))


async def allocation(ctx: RequestContext, allocation_id: str) -> FundAllocationRecord | None:
    return await ctx.loaders.fund_allocation.load(allocation_id)


async def request(ctx: RequestContext, request_id: str) -> FundRequestRecord | None:
    return await ctx.loaders.fund_request.load(request_id)


async def requests(ctx: RequestContext, statuses: list[str] | None, subtree_id: str | None, first: int | None,
                   after: str | None) -> Page[FundRequestRecord]:
    return await ctx.loaders.mdf.request_page(statuses, subtree_id, page_size(first, ctx.page_limits),
                                              decode_cursor(after))


async def claim(ctx: RequestContext, claim_id: str) -> FundClaimRecord | None:
    return await ctx.loaders.fund_claim.load(claim_id)


async def returns(ctx: RequestContext, request_id: str, currency: str) -> FundReturnsRecord | None:
    """A fund request's return on funds in `currency` (ISO 4217, else VALIDATION); None when not visible."""
    check_reporting_currency(currency)  # also declared on the schema field: refused before any Cypher
    return await ctx.loaders.fund_returns.load((request_id, currency))
