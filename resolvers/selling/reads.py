"""Reads of the selling domain: deal registrations and their lineage, through the request's DataLoaders
(scoped in Cypher)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime

from auth.permissions import Action
from graph.selling.records import (
    CommentRecord,
    ConflictRecord,
    DealRegistrationRecord,
    LineItemRecord,
    OpportunityRecord,
    OrderRecord,
    ProductRecord,
    QuoteRecord,
)
from graph.shared.records import Page, SortKey
from resolvers.shared.checks import check_reporting_currency
from resolvers.shared.context import RequestContext
from resolvers.shared.errors import PublicError
from resolvers.shared.loaders import prime
from resolvers.shared.pagination import decode_cursor, page_size

Field = tuple[str, ...]


# Reads -----------------------------------------------------------------------------------------
async def registration(ctx: RequestContext, registration_id: str) -> DealRegistrationRecord | None:
    return await ctx.loaders.deal_registration.load(registration_id)


async def registrations(ctx: RequestContext, registration_ids: list[str]) -> list[DealRegistrationRecord | None]:
    return await ctx.loaders.deal_registration.load_many(registration_ids)


async def quotes_of_partner(ctx: RequestContext, partner_id: str, status: str | None, first: int | None,
                            after: str | None) -> Page[QuoteRecord]:
    key = (partner_id, status, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.partner_quotes.load(key)


async def orders_of_partner(ctx: RequestContext, partner_id: str, status: str | None, first: int | None,
                            after: str | None) -> Page[OrderRecord]:
    key = (partner_id, status, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.partner_orders.load(key)


@dataclass(frozen=True)
class LineageParts:
    """A registration's opportunity (None before conversion), its quote versions (newest first) and the
    orders placed from them."""

    opportunity: OpportunityRecord | None
    quotes: list[QuoteRecord]
    orders: list[OrderRecord]


async def lineages(ctx: RequestContext, changed_since: datetime | None, subtree_id: str | None,
                   program_id: str | None, status: str | None, first: int | None,
                   after: str | None) -> tuple[Page[DealRegistrationRecord], dict[str, LineageParts]]:
    """A page of lineages, read whole in one query. The parts also prime the loaders, for clients that
    go deeper (an opportunity's quotes, a quote's order)."""
    found = await ctx.loaders.selling.lineages(changed_since, subtree_id, program_id, status,
                                               page_size(first, ctx.page_limits), lineage_cursor(after))
    prime(ctx.loaders.registration_opportunity, found.opportunities)
    prime(ctx.loaders.opportunity_quotes, found.quotes)
    prime(ctx.loaders.quote_order, found.orders)
    parts = {}
    for registration in found.page.items:
        opportunity = found.opportunities.get(registration.id)
        quotes = found.quotes.get(opportunity.id, []) if opportunity else []
        parts[registration.id] = LineageParts(opportunity, quotes,
                                              [o for o in (found.orders.get(q.id) for q in quotes) if o])
    return found.page, parts


async def lineage_parts(ctx: RequestContext, registration_id: str) -> LineageParts:
    """The rest of one lineage through the loaders (one round trip per level, shared by every lineage
    of the request)."""
    opportunity = await opportunity_of_registration(ctx, registration_id)
    quotes = await quotes_of_opportunity(ctx, opportunity.id) if opportunity else []
    orders = await asyncio.gather(*(order_of_quote(ctx, q.id) for q in quotes))  # one batch, not one per quote
    return LineageParts(opportunity, quotes, [o for o in orders if o])


def lineage_cursor(after: str | None) -> SortKey | None:
    """Lineage cursors hold `lineageChangedAt` as ISO text; anything else was not issued by this field."""
    key = decode_cursor(after)
    if key is not None:
        try:
            datetime.fromisoformat(key.value)
        except (TypeError, ValueError):
            raise PublicError("`after` is not a cursor of `dealLineages`", "VALIDATION") from None
    return key


async def lines(ctx: RequestContext, owner_id: str) -> list[LineItemRecord]:
    return await ctx.loaders.deal_lines.load(owner_id) or []


async def comments(ctx: RequestContext, registration_id: str) -> list[CommentRecord]:
    return await ctx.loaders.deal_comments.load(registration_id) or []


async def conflicts(ctx: RequestContext, registration_id: str) -> list[ConflictRecord]:
    return await ctx.loaders.deal_conflicts.load(registration_id) or []


async def opportunity(ctx: RequestContext, opportunity_id: str) -> OpportunityRecord | None:
    return await ctx.loaders.opportunity.load(opportunity_id)


async def opportunity_of_registration(ctx: RequestContext, registration_id: str) -> OpportunityRecord | None:
    return await ctx.loaders.registration_opportunity.load(registration_id)


async def quote(ctx: RequestContext, quote_id: str) -> QuoteRecord | None:
    return await ctx.loaders.quote.load(quote_id)


async def quotes_of_opportunity(ctx: RequestContext, opportunity_id: str) -> list[QuoteRecord]:
    return await ctx.loaders.opportunity_quotes.load(opportunity_id) or []


async def order(ctx: RequestContext, order_id: str) -> OrderRecord | None:
    return await ctx.loaders.order.load(order_id)


async def order_of_quote(ctx: RequestContext, quote_id: str) -> OrderRecord | None:
    return await ctx.loaders.quote_order.load(quote_id)


async def product(ctx: RequestContext, product_id: str) -> ProductRecord | None:
    return await ctx.loaders.product.load(product_id)


async def products(ctx: RequestContext, product_ids: list[str]) -> list[ProductRecord | None]:
    return await ctx.loaders.product.load_many(product_ids)


async def convert_amount(ctx: RequestContext, amount: int, currency: str, target: str) -> int | None:
    """`amount` minor units of `currency` in `target` at the latest rate (direct or inverse), rounded to
    the nearest minor unit; None when the graph has no rate for the pair. One round trip for every
    conversion of a request. (Currencies are assumed to share 2 decimal places.)"""
    check_reporting_currency(target)
    if currency == target:
        return amount
    rate = await ctx.loaders.exchange_rate.load((currency, target))
    return None if rate is None else round(amount * rate)


async def lineage_root(ctx: RequestContext, type_name: str, key: str) -> str | None:
    """The registration id of the lineage any selling record belongs to; None when not visible."""
    if type_name == "DealRegistration":
        found = await registration(ctx, key)
        return found.id if found else None
    loader = {"Opportunity": ctx.loaders.opportunity, "Quote": ctx.loaders.quote,
              "Order": ctx.loaders.order}.get(type_name)
    record = await loader.load(key) if loader else None
    return record.registration_id if record else None


# (action, target status) of each move a mutation may ask for.
_MOVES = {
    "SUBMIT": (Action.REGISTER_DEALS, "SUBMITTED"),
    "START_REVIEW": (Action.DECIDE_DEALS, "UNDER_REVIEW"),
    "APPROVE": (Action.DECIDE_DEALS, "APPROVED"),
    "REJECT": (Action.DECIDE_DEALS, "REJECTED"),
    "CANCEL": (Action.SELL, "CANCELLED"),
    "CLOSE": (Action.DECIDE_DEALS, "CLOSED"),
}


_QUOTE_ACTIONS = {"SUBMITTED": Action.SELL, "APPROVED": Action.DECIDE_DEALS, "REJECTED": Action.DECIDE_DEALS,
                  "ACCEPTED": Action.SELL}
