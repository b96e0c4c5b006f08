"""Selling: reads through the request's DataLoaders (scoped in Cypher), and the mutations of deal
registrations, opportunities, quotes and orders."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from auth.permissions import Action
from graph.errors import ErrorCode
from graph.deal_setup import DealSetup, NewLine, NewRegistration
from graph.records import (
    CommentRecord,
    ConflictRecord,
    DealRegistrationRecord,
    LineItemRecord,
    OpportunityRecord,
    OrderRecord,
    Page,
    ProductRecord,
    QuoteRecord,
    SortKey,
)
from resolvers.checks import Checks, is_currency
from resolvers.context import RequestContext
from resolvers.errors import PublicError
from resolvers.loaders import prime
from resolvers.mutations import Outcome, run
from resolvers.pagination import decode_cursor, page_size

Field = tuple[str, ...]
MAX_AMOUNT = 10**15  # minor units; far beyond any deal, well inside a double's exact integers


def deal_setup(ctx: RequestContext, now: datetime | None = None) -> DealSetup:
    return DealSetup(ctx.graph, ctx.viewer.scope, ctx.viewer.person_id, now or ctx.now,
                     ctx.rules.deal_protection_days, ctx.rules.deal_review_days)


# Reads -----------------------------------------------------------------------------------------
async def registration(ctx: RequestContext, registration_id: str) -> DealRegistrationRecord | None:
    return await ctx.loaders.deal_registration.load(registration_id)


async def registrations_of_partner(ctx: RequestContext, partner_id: str, status: str | None, first: int | None,
                                   after: str | None) -> Page[DealRegistrationRecord]:
    key = (partner_id, status, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.partner_deal_registrations.load(key)


async def opportunities_of_partner(ctx: RequestContext, partner_id: str, open_: bool | None, stage: str | None,
                                   first: int | None, after: str | None) -> Page[OpportunityRecord]:
    key = (partner_id, open_, stage, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.partner_opportunities.load(key)


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
                                               page_size(first, ctx.page_limits), _lineage_cursor(after))
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


def _lineage_cursor(after: str | None) -> SortKey | None:
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


async def convert_amount(ctx: RequestContext, amount: int, currency: str, target: str) -> int | None:
    """`amount` minor units of `currency` in `target` at the latest rate (direct or inverse), rounded to
    the nearest minor unit; None when the graph has no rate for the pair. One round trip for every
    conversion of a request. (Currencies are assumed to share 2 decimal places.)"""
    if not is_currency(target):
        raise PublicError("currency must be an ISO 4217 code such as USD", "VALIDATION")
    if currency == target:
        return amount
    rate = await ctx.loaders.exchange_rate.load((currency, target))
    return None if rate is None else round(amount * rate)


async def lineage_root(ctx: RequestContext, type_name: str, key: str) -> str | None:
    """The registration id of the lineage any selling record belongs to; None when not visible."""
    if type_name == "DealRegistration":
        found = await registration(ctx, key)
        return found.id if found else None
    loader = {"Opportunity": ctx.loaders.opportunity, "Quote": ctx.loaders.quote, "Order": ctx.loaders.order}.get(type_name)
    record = await loader.load(key) if loader else None
    return record.registration_id if record else None


# Mutations -------------------------------------------------------------------------------------
def _amount(checks: Checks, value: int | None, field: Field, *, required: bool = True) -> int | None:
    if value is None:
        if required:
            checks.fail(ErrorCode.VALIDATION, "required", field)
        return None
    if value < 0:
        checks.fail(ErrorCode.VALIDATION, "must not be negative", field)
    elif value > MAX_AMOUNT:
        checks.fail(ErrorCode.VALIDATION, f"at most {MAX_AMOUNT}", field)
    return value


def _lines(checks: Checks, items: list[Any] | None, field: Field) -> list[NewLine]:
    found = []
    for n, item in enumerate(items or []):
        at = field + (str(n),)
        if item.quantity <= 0:
            checks.fail(ErrorCode.VALIDATION, "must be positive", at + ("quantity",))
        found.append(NewLine(product_id=checks.node_id(item.product, "Product", at + ("product",)),
                             quantity=item.quantity,
                             unit_price=_amount(checks, item.unit_price, at + ("unitPrice",), required=False)))
    return found


async def create_registrations(ctx: RequestContext, items: list[Any]) -> Outcome[list[DealRegistrationRecord]]:
    async def work() -> list[DealRegistrationRecord]:
        checks = Checks()
        checks.batch(items, ("registrations",))
        new = []
        for index, item in enumerate(items):
            at = ("registrations", str(index))
            new.append(NewRegistration(
                id=checks.key(item.key, "dr", at + ("key",)),
                name=checks.text(item.name, at + ("name",)),
                partner_id=checks.node_id(item.partner, "Partner", at + ("partner",)),
                account_id=checks.node_id(item.account, "Account", at + ("account",)),
                program_id=checks.node_id(item.program, "Program", at + ("program",)),
                estimated_amount=_amount(checks, item.estimated_amount, at + ("estimatedAmount",)),
                currency=checks.currency(item.currency, at + ("currency",)),
                expected_close_date=item.expected_close_date,
                lines=_lines(checks, item.lines, at + ("lines",)),
                field=at,
                owner_id=checks.node_id(item.owner, "Person", at + ("owner",)),
            ))
        checks.done()
        ids = await deal_setup(ctx).create(new)
        ctx.reset_loaders()
        return [r for r in await ctx.loaders.deal_registration.load_many(ids) if r]

    return await run(ctx, Action.REGISTER_DEALS, work)


# (action, target status) of each move a mutation may ask for.
_MOVES = {
    "SUBMIT": (Action.REGISTER_DEALS, "SUBMITTED"),
    "START_REVIEW": (Action.DECIDE_DEALS, "UNDER_REVIEW"),
    "APPROVE": (Action.DECIDE_DEALS, "APPROVED"),
    "REJECT": (Action.DECIDE_DEALS, "REJECTED"),
    "CANCEL": (Action.SELL, "CANCELLED"),
    "CLOSE": (Action.DECIDE_DEALS, "CLOSED"),
}


async def move_registration(ctx: RequestContext, registration_gid: str, move: str, reason: str | None,
                            closure_code: str | None) -> Outcome[DealRegistrationRecord]:
    action, status = _MOVES[move]

    async def work() -> DealRegistrationRecord:
        checks = Checks()
        registration_id = checks.node_id(registration_gid, "DealRegistration", ("registration",))
        why = checks.text(reason, ("reason",), required=move == "REJECT", max_length=2000, long=True)
        if move == "CLOSE" and closure_code is None:
            checks.fail(ErrorCode.VALIDATION, "a closure code is required", ("closureCode",))
        checks.done()
        await deal_setup(ctx).move(registration_id, status, (), reason=why, closure_code=closure_code)
        ctx.reset_loaders()
        return await ctx.loaders.deal_registration.load(registration_id)

    return await run(ctx, action, work)


async def assign_owner(ctx: RequestContext, registration_gid: str, owner_gid: str) -> Outcome[DealRegistrationRecord]:
    async def work() -> DealRegistrationRecord:
        checks = Checks()
        registration_id = checks.node_id(registration_gid, "DealRegistration", ("registration",))
        owner_id = checks.node_id(owner_gid, "Person", ("owner",))
        checks.done()
        await deal_setup(ctx).assign_owner(registration_id, owner_id, ())
        ctx.reset_loaders()
        return await ctx.loaders.deal_registration.load(registration_id)

    return await run(ctx, Action.ASSIGN_DEALS, work)


async def delete_registration(ctx: RequestContext, registration_gid: str) -> Outcome[str]:
    async def work() -> str:
        checks = Checks()
        registration_id = checks.node_id(registration_gid, "DealRegistration", ("registration",))
        checks.done()
        await deal_setup(ctx).delete(registration_id, ())
        return registration_gid

    return await run(ctx, Action.REGISTER_DEALS, work)


async def add_comment(ctx: RequestContext, registration_gid: str, body: str, visibility: str) -> Outcome[CommentRecord]:
    async def work() -> CommentRecord:
        checks = Checks()
        registration_id = checks.node_id(registration_gid, "DealRegistration", ("registration",))
        text = checks.text(body, ("body",), max_length=5000, long=True)
        if visibility == "INTERNAL" and not ctx.viewer.is_enterprise:
            checks.fail(ErrorCode.FORBIDDEN, "work notes are for enterprise staff only", ("visibility",))
        checks.done()
        return await deal_setup(ctx).comment(registration_id, text, visibility, ())

    return await run(ctx, Action.SELL, work)


async def convert_registration(ctx: RequestContext, registration_gid: str, key: str | None) -> Outcome[OpportunityRecord]:
    async def work() -> OpportunityRecord:
        checks = Checks()
        registration_id = checks.node_id(registration_gid, "DealRegistration", ("registration",))
        opportunity_id = checks.key(key, "opp", ("key",))
        checks.done()
        return await deal_setup(ctx).convert(registration_id, opportunity_id, ())

    return await run(ctx, Action.SELL, work)


async def change_stage(ctx: RequestContext, opportunity_gid: str, stage: str) -> Outcome[OpportunityRecord]:
    async def work() -> OpportunityRecord:
        checks = Checks()
        opportunity_id = checks.node_id(opportunity_gid, "Opportunity", ("opportunity",))
        checks.done()
        return await deal_setup(ctx).change_stage(opportunity_id, stage, ())

    return await run(ctx, Action.SELL, work)


async def create_quote(ctx: RequestContext, item: Any) -> Outcome[QuoteRecord]:
    async def work() -> QuoteRecord:
        checks = Checks()
        at = ("quote",)
        opportunity_id = checks.node_id(item.opportunity, "Opportunity", at + ("opportunity",))
        currency = checks.currency(item.currency, at + ("currency",))
        discount = item.discount_percent or 0.0
        if not 0 <= discount <= 100:
            checks.fail(ErrorCode.VALIDATION, "between 0 and 100", at + ("discountPercent",))
        if not item.lines:
            checks.fail(ErrorCode.VALIDATION, "a quote needs at least one line", at + ("lines",))
        new_lines = _lines(checks, item.lines, at + ("lines",))
        quote_id = checks.key(item.key, "q", at + ("key",))
        checks.done()
        return await deal_setup(ctx).create_quote(opportunity_id, quote_id, currency, discount, new_lines, at)

    return await run(ctx, Action.SELL, work)


_QUOTE_ACTIONS = {"SUBMITTED": Action.SELL, "APPROVED": Action.DECIDE_DEALS, "REJECTED": Action.DECIDE_DEALS,
                  "ACCEPTED": Action.SELL}


async def change_quote_status(ctx: RequestContext, quote_gid: str, status: str) -> Outcome[QuoteRecord]:
    async def work() -> QuoteRecord:
        checks = Checks()
        quote_id = checks.node_id(quote_gid, "Quote", ("quote",))
        checks.done()
        return await deal_setup(ctx).change_quote_status(quote_id, status, ())

    return await run(ctx, _QUOTE_ACTIONS.get(status, Action.SELL), work)


async def change_order_status(ctx: RequestContext, order_gid: str, status: str) -> Outcome[OrderRecord]:
    async def work() -> OrderRecord:
        checks = Checks()
        order_id = checks.node_id(order_gid, "Order", ("order",))
        checks.done()
        return await deal_setup(ctx).change_order_status(order_id, status, ())

    return await run(ctx, Action.FULFIL_ORDERS, work)
