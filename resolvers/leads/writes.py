"""Writes of the leads domain: leads and routing rules (the enterprise), routing, the partner's moves on a lead,
hand-offs, assignment, conversion to a deal registration, partners' specializations."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

from strawberry import UNSET

from auth.permissions import Action, own_org_only
from graph.leads.records import LeadRecord, LeadRoutingRuleRecord
from graph.leads.writes import LeadDistribution, NewConversion, NewLead, NewRule
from graph.shared.errors import ErrorCode
from resolvers.leads.reads import lead, routing_rule
from resolvers.shared.checks import Checks
from resolvers.shared.context import RequestContext
from resolvers.shared.mutations import Outcome, run

Field = tuple[str, ...]

MAX_ACCEPT_HOURS = 24 * 90
MAX_CAPACITY = 100_000
MAX_CONDITIONS = 300  # countries, partner types or segments named by one rule
# Leads per routeLeads call: one write transaction ranks each rule's partners once, then offers lead by lead (about
# 30 leads/s on the 50,000-partner bench channel, `python -m bench.leads`), well inside the transaction timeout.
MAX_ROUTE_BATCH = 100


def distribution(ctx: RequestContext) -> LeadDistribution:
    return LeadDistribution(ctx.graph, ctx.viewer.scope, ctx.viewer.person_id, ctx.viewer.partner_id, ctx.now)


async def _leads(ctx: RequestContext, ids: list[str]) -> list[LeadRecord]:
    return [r for r in await asyncio.gather(*(lead(ctx, i) for i in ids)) if r]


def _conditions(checks: Checks, values: list[str] | None, field: Field) -> list[str]:
    if values and len(values) > MAX_CONDITIONS:
        checks.fail(ErrorCode.VALIDATION, f"at most {MAX_CONDITIONS}", field)
    return list(dict.fromkeys(values or ()))


def _rule_numbers(checks: Checks, priority: Any, capacity: Any, accept_hours: Any, at: Field) -> None:
    if priority not in (None, UNSET) and not 0 <= priority <= 1_000_000:
        checks.fail(ErrorCode.VALIDATION, "between 0 and 1000000", at + ("priority",))
    if capacity not in (None, UNSET) and not 1 <= capacity <= MAX_CAPACITY:
        checks.fail(ErrorCode.VALIDATION, f"between 1 and {MAX_CAPACITY} (null: no limit)", at + ("capacity",))
    if accept_hours not in (None, UNSET) and not 1 <= accept_hours <= MAX_ACCEPT_HOURS:
        checks.fail(ErrorCode.VALIDATION, f"between 1 and {MAX_ACCEPT_HOURS}", at + ("acceptHours",))


# The enterprise --------------------------------------------------------------------------------
async def create_leads(ctx: RequestContext, items: list[Any]) -> Outcome[list[LeadRecord]]:
    async def work() -> list[str]:
        checks = Checks()
        checks.batch(items, ("leads",))
        new = []
        for index, item in enumerate(items):
            at = ("leads", str(index))
            new.append(NewLead(
                id=checks.key(item.key, "lead", at + ("key",)),
                name=checks.text(item.name, at + ("name",)),
                company=checks.text(item.company, at + ("company",)),
                contact_name=checks.text(item.contact_name, at + ("contactName",)),
                contact_email=checks.email(item.contact_email, at + ("contactEmail",)),
                country=checks.country(item.country, at + ("country",)),
                estimated_amount=checks.amount(item.estimated_amount, at + ("estimatedAmount",)),
                currency=checks.currency(item.currency, at + ("currency",)),
                source=item.source.value,
                product_id=checks.node_id(item.product, "Product", at + ("product",)),
                field=at,
            ))
        checks.done()
        return await distribution(ctx).create(new)

    return await run(ctx, Action.MANAGE_LEADS, work, partial(_leads, ctx))


async def create_rules(ctx: RequestContext, items: list[Any]) -> Outcome[list[LeadRoutingRuleRecord]]:
    async def work() -> list[str]:
        checks = Checks()
        checks.batch(items, ("rules",))
        new = []
        for index, item in enumerate(items):
            at = ("rules", str(index))
            _rule_numbers(checks, item.priority, item.capacity, item.accept_hours, at)
            countries = [checks.country(code, at + ("countries", str(n))) or ""
                         for n, code in enumerate(_conditions(checks, item.countries, at + ("countries",)))]
            new.append(NewRule(
                id=checks.key(item.key, "rule", at + ("key",)),
                name=checks.text(item.name, at + ("name",)),
                priority=item.priority,
                countries=countries,
                partner_types=_conditions(checks, [t.value for t in item.partner_types or ()],
                                          at + ("partnerTypes",)),
                program_id=checks.node_id(item.program, "Program", at + ("program",)),
                segment_ids=[checks.node_id(s, "Segment", at + ("segments", str(n))) or ""
                             for n, s in enumerate(_conditions(checks, item.segments, at + ("segments",)))],
                require_specialization=item.require_specialization,
                capacity=item.capacity,
                accept_hours=item.accept_hours,
                field=at,
            ))
        checks.done()
        return await distribution(ctx).create_rules(new)

    async def read_back(ids: list[str]) -> list[LeadRoutingRuleRecord]:
        return [r for r in await asyncio.gather(*(routing_rule(ctx, i) for i in ids)) if r]

    return await run(ctx, Action.MANAGE_LEADS, work, read_back)


async def update_rule(ctx: RequestContext, rule_gid: str, priority: Any, active: Any, capacity: Any,
                      accept_hours: Any) -> Outcome[LeadRoutingRuleRecord]:
    async def work() -> str:
        checks = Checks()
        rule_id = checks.node_id(rule_gid, "LeadRoutingRule", ("rule",))
        _rule_numbers(checks, priority, capacity, accept_hours, ())
        for name, value in (("priority", priority), ("active", active), ("acceptHours", accept_hours)):
            if value is None:
                checks.fail(ErrorCode.VALIDATION, "must not be null", (name,))
        checks.done()
        changes = {name: value for name, value in (("priority", priority), ("active", active),
                                                   ("capacity", capacity), ("acceptHours", accept_hours))
                   if value is not UNSET}
        return await distribution(ctx).update_rule(rule_id, changes, ())

    return await run(ctx, Action.MANAGE_LEADS, work, partial(routing_rule, ctx))


async def route_leads(ctx: RequestContext, lead_gids: list[str]) -> Outcome[list[LeadRecord]]:
    async def work() -> list[str]:
        checks = Checks()
        checks.batch(lead_gids, ("leads",))
        if len(lead_gids) > MAX_ROUTE_BATCH:
            checks.fail(ErrorCode.VALIDATION, f"at most {MAX_ROUTE_BATCH} leads per call", ("leads",))
        ids = [checks.node_id(g, "Lead", ("leads", str(n))) or "" for n, g in enumerate(lead_gids)]
        if len(set(ids)) != len(ids):
            checks.fail(ErrorCode.VALIDATION, "each lead once", ("leads",))
        checks.done()
        return await distribution(ctx).route(ids, ("leads",))

    return await run(ctx, Action.MANAGE_LEADS, work, partial(_leads, ctx))


# The partner holding a lead --------------------------------------------------------------------
async def move_lead(ctx: RequestContext, lead_gid: str, move: str, reason: str | None) -> Outcome[LeadRecord]:
    action = Action.MANAGE_LEADS if move == "DISQUALIFY" and ctx.viewer.is_enterprise else Action.WORK_LEADS

    async def work() -> str:
        checks = Checks()
        lead_id = checks.node_id(lead_gid, "Lead", ("lead",))
        why = checks.text(reason, ("reason",), required=move != "ACCEPT", max_length=2000, long=True)
        checks.done()
        desk = distribution(ctx)
        if move == "ACCEPT":
            return await desk.accept(lead_id, ())
        if move == "REJECT":
            return await desk.reject(lead_id, why or "", ())
        return await desk.disqualify(lead_id, why or "", ())

    return await run(ctx, action, work, partial(lead, ctx))


async def hand_off(ctx: RequestContext, lead_gid: str, partner_gid: str) -> Outcome[LeadRecord]:
    async def work() -> str:
        checks = Checks()
        lead_id = checks.node_id(lead_gid, "Lead", ("lead",))
        partner_id = checks.node_id(partner_gid, "Partner", ("partner",))
        checks.done()
        return await distribution(ctx).hand_off(lead_id, partner_id, ())

    return await run(ctx, Action.HAND_OFF_LEADS, work, partial(lead, ctx))


async def assign(ctx: RequestContext, lead_gid: str, assignee_gid: str) -> Outcome[LeadRecord]:
    async def work() -> str:
        checks = Checks()
        lead_id = checks.node_id(lead_gid, "Lead", ("lead",))
        assignee_id = checks.node_id(assignee_gid, "Person", ("assignee",))
        checks.done()
        return await distribution(ctx).assign(lead_id, assignee_id, ())

    return await run(ctx, Action.ASSIGN_LEADS, work, partial(lead, ctx))


async def convert(ctx: RequestContext, lead_gid: str, program_gid: str, key: str | None) -> Outcome[LeadRecord]:
    async def work() -> str:
        checks = Checks()
        lead_id = checks.node_id(lead_gid, "Lead", ("lead",))
        conversion = NewConversion(lead_id=lead_id, program_id=checks.node_id(program_gid, "Program", ("program",)),
                                   registration_id=checks.key(key, "dr", ("key",)),
                                   account_id=checks.key(None, "acc", ("lead",)))
        checks.done()
        await distribution(ctx).convert(conversion, ())
        return lead_id

    return await run(ctx, Action.WORK_LEADS, work, partial(lead, ctx))


async def set_specializations(ctx: RequestContext, partner_gid: str, product_gids: list[str]) -> Outcome[Any]:
    async def work() -> str:
        checks = Checks()
        partner_id = checks.node_id(partner_gid, "Partner", ("partner",))
        if len(product_gids) > MAX_CONDITIONS:
            checks.fail(ErrorCode.VALIDATION, f"at most {MAX_CONDITIONS}", ("products",))
        products = [checks.node_id(g, "Product", ("products", str(n))) or "" for n, g in enumerate(product_gids)]
        own = own_org_only(ctx.viewer, Action.DECLARE_SPECIALIZATIONS)
        if own is not None and partner_id != own:
            checks.fail(ErrorCode.FORBIDDEN, "a partner admin declares their own organization's specializations",
                        ("partner",))
        checks.done()
        return await distribution(ctx).set_specializations(partner_id, list(dict.fromkeys(products)), ())

    async def read_back(partner_id: str) -> Any:
        return await ctx.loaders.partner.load(partner_id)  # the partners domain's loader, on the request's context

    return await run(ctx, Action.DECLARE_SPECIALIZATIONS, work, read_back)
