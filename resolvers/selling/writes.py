"""Writes of the selling domain: deal registrations through their lifecycle, conversion, opportunities,
quotes and orders."""

from __future__ import annotations

import asyncio
from datetime import datetime
from functools import partial
from typing import Any

from auth.permissions import Action
from graph.selling.records import (
    CommentRecord,
    DealRegistrationRecord,
    OpportunityRecord,
    OrderRecord,
    QuoteRecord,
)
from graph.selling.writes import DealSetup, NewLine, NewRegistration
from graph.shared.errors import ErrorCode
from resolvers.selling.reads import (
    _MOVES,
    _QUOTE_ACTIONS,
    Field,
    registration,
)
from resolvers.shared.checks import Checks
from resolvers.shared.context import RequestContext
from resolvers.shared.mutations import Outcome, run


def deal_setup(ctx: RequestContext, now: datetime | None = None) -> DealSetup:
    return DealSetup(ctx.graph, ctx.viewer.scope, ctx.viewer.person_id, now or ctx.now,
                     ctx.rules.deal_protection_days, ctx.rules.deal_review_days)


# Mutations -------------------------------------------------------------------------------------
def _lines(checks: Checks, items: list[Any] | None, field: Field) -> list[NewLine]:
    found = []
    for n, item in enumerate(items or []):
        at = field + (str(n),)
        if item.quantity <= 0:
            checks.fail(ErrorCode.VALIDATION, "must be positive", at + ("quantity",))
        found.append(NewLine(product_id=checks.node_id(item.product, "Product", at + ("product",)),
                             quantity=item.quantity,
                             unit_price=checks.amount(item.unit_price, at + ("unitPrice",), required=False)))
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
                estimated_amount=checks.amount(item.estimated_amount, at + ("estimatedAmount",)),
                currency=checks.currency(item.currency, at + ("currency",)),
                expected_close_date=item.expected_close_date,
                lines=_lines(checks, item.lines, at + ("lines",)),
                field=at,
                owner_id=checks.node_id(item.owner, "Person", at + ("owner",)),
                fund_request_id=checks.node_id(item.fund_request, "FundRequest", at + ("fundRequest",)),
            ))
        checks.done()
        return await deal_setup(ctx).create(new)

    async def read_back(ids: list[str]) -> list[DealRegistrationRecord]:
        return [r for r in await asyncio.gather(*(registration(ctx, i) for i in ids)) if r]

    return await run(ctx, Action.REGISTER_DEALS, work, read_back)


async def move_registration(ctx: RequestContext, registration_gid: str, move: str, reason: str | None,
                            closure_code: str | None) -> Outcome[DealRegistrationRecord]:
    action, status = _MOVES[move]

    async def work() -> str:
        checks = Checks()
        registration_id = checks.node_id(registration_gid, "DealRegistration", ("registration",))
        why = checks.text(reason, ("reason",), required=move == "REJECT", max_length=2000, long=True)
        if move == "CLOSE" and closure_code is None:
            checks.fail(ErrorCode.VALIDATION, "a closure code is required", ("closureCode",))
        checks.done()
        await deal_setup(ctx).move(registration_id, status, (), reason=why, closure_code=closure_code)
        return registration_id

    return await run(ctx, action, work, partial(registration, ctx))


async def assign_owner(ctx: RequestContext, registration_gid: str, owner_gid: str) -> Outcome[DealRegistrationRecord]:
    async def work() -> str:
        checks = Checks()
        registration_id = checks.node_id(registration_gid, "DealRegistration", ("registration",))
        owner_id = checks.node_id(owner_gid, "Person", ("owner",))
        checks.done()
        await deal_setup(ctx).assign_owner(registration_id, owner_id, ())
        return registration_id

    return await run(ctx, Action.ASSIGN_DEALS, work, partial(registration, ctx))


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


async def convert_registration(ctx: RequestContext, registration_gid: str,
                               key: str | None) -> Outcome[OpportunityRecord]:
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
