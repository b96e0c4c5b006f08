"""Reads of the leads domain: leads, their routing history, the routing rules and partners' specializations,
through the request's DataLoaders (scoped in Cypher)."""

from __future__ import annotations

from graph.leads.records import LeadOfferRecord, LeadRecord, LeadRoutingRuleRecord
from graph.shared.records import Page
from resolvers.shared.context import RequestContext
from resolvers.shared.pagination import decode_cursor, page_size


async def lead(ctx: RequestContext, lead_id: str) -> LeadRecord | None:
    return await ctx.loaders.lead.load(lead_id)


async def leads(ctx: RequestContext, statuses: list[str] | None, subtree_id: str | None, country: str | None,
                first: int | None, after: str | None) -> Page[LeadRecord]:
    return await ctx.loaders.leads.page(statuses, subtree_id, country, page_size(first, ctx.page_limits),
                                        decode_cursor(after))


async def offers(ctx: RequestContext, lead_id: str) -> list[LeadOfferRecord]:
    return await ctx.loaders.lead_offers.load(lead_id) or []


async def routing_rules(ctx: RequestContext) -> list[LeadRoutingRuleRecord]:
    return await ctx.loaders.leads.rules()


async def routing_rule(ctx: RequestContext, rule_id: str) -> LeadRoutingRuleRecord | None:
    return await ctx.loaders.lead_routing_rule.load(rule_id)


async def specializations(ctx: RequestContext, partner_id: str) -> list[str]:
    return await ctx.loaders.partner_specializations.load(partner_id) or []
