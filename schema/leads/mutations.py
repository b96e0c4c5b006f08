"""Mutations of the leads domain: leads and routing rules, routing, the partner's moves, hand-offs, assignment,
conversion, specializations."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.leads import writes as leads_writes
from schema.leads.enums import LeadMove
from schema.leads.inputs import CreateLeadInput, CreateLeadRoutingRuleInput
from schema.leads.types import Lead, LeadRoutingRule
from schema.partners import types as partner_types
from schema.shared.admission import requires
from schema.shared.payloads import NOTHING_CREATED, Result, payload

LeadArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the lead.")]

CreateLeadsPayload = payload("CreateLeadsPayload", "Result of createLeads.",
                             Result("leads", Lead, "The leads created, in input order", many=True),
                             errors=NOTHING_CREATED)

RouteLeadsPayload = payload("RouteLeadsPayload", "Result of routeLeads.",
                            Result("leads", Lead, "The leads in input order: ROUTED, or NEW with `unroutedReason`",
                                   many=True))

LeadPayload = payload("LeadPayload", "Result of a mutation on one lead.",
                      Result("lead", Lead, "The lead as it is now; null when the viewer no longer sees it (a "
                             "rejected lead routed on to another partner)"))

CreateLeadRoutingRulesPayload = payload(
    "CreateLeadRoutingRulesPayload", "Result of createLeadRoutingRules.",
    Result("rules", LeadRoutingRule, "The rules created, in input order", many=True), errors=NOTHING_CREATED)

LeadRoutingRulePayload = payload("LeadRoutingRulePayload", "Result of updateLeadRoutingRule.",
                                 Result("rule", LeadRoutingRule, "The rule as it is now"))

PartnerSpecializationsPayload = payload(
    "PartnerSpecializationsPayload", "Result of setPartnerSpecializations.",
    Result("partner", partner_types.Partner, "The partner, with its specializations"))


@strawberry.type
class LeadMutations:
    @strawberry.mutation(description="Enter end-customer leads as NEW (enterprise admin). All or nothing.",
                         metadata=requires(Action.MANAGE_LEADS))
    async def create_leads(
        self, info: Info, leads: Annotated[list[CreateLeadInput], strawberry.argument(description="The leads.")],
    ) -> CreateLeadsPayload:
        return CreateLeadsPayload.from_outcome(await leads_writes.create_leads(info.context, leads))

    @strawberry.mutation(description="Route NEW leads by the routing rules, in the order given (enterprise admin): "
                         "each to the best eligible partner of the first rule that names one, with the rule's "
                         "deadline; a lead no rule can route stays NEW with the reason. At most 100 leads, in one "
                         "transaction: any lead not NEW refuses the batch.", metadata=requires(Action.MANAGE_LEADS))
    async def route_leads(
        self, info: Info, leads: Annotated[list[strawberry.ID], strawberry.argument(
            description="Global IDs of NEW leads.")],
    ) -> RouteLeadsPayload:
        return RouteLeadsPayload.from_outcome(await leads_writes.route_leads(info.context, leads))

    @strawberry.mutation(description="Accept, reject (routes the lead on to the next matching partner at once, never "
                         "one offered it before; it EXPIRES when none is left) or disqualify a lead. ACCEPT and REJECT "
                         "are for staff of the partner holding it; DISQUALIFY for them (an ACCEPTED lead) or an "
                         "enterprise admin (a NEW or ACCEPTED one).",
                         metadata=requires(Action.WORK_LEADS, Action.MANAGE_LEADS))
    async def move_lead(
        self, info: Info, lead: LeadArg,
        move: Annotated[LeadMove, strawberry.argument(description="The move.")],
        reason: Annotated[str | None, strawberry.argument(
            description="Why; required to REJECT and DISQUALIFY.")] = None,
    ) -> LeadPayload:
        return LeadPayload.from_outcome(await leads_writes.move_lead(info.context, lead, move.value, reason))

    @strawberry.mutation(description="Hand a ROUTED lead down to a partner below the one holding it (that partner's "
                         "admins and managers), with a fresh deadline; the routing history keeps the chain.",
                         metadata=requires(Action.HAND_OFF_LEADS))
    async def hand_off_lead(
        self, info: Info, lead: LeadArg,
        partner: Annotated[strawberry.ID, strawberry.argument(
            description="Global ID of an ACTIVE partner below the one holding the lead, never offered it.")],
    ) -> LeadPayload:
        return LeadPayload.from_outcome(await leads_writes.hand_off(info.context, lead, partner))

    @strawberry.mutation(description="Assign a routed lead to a staff member of the partner holding it (partner admins "
                         "and managers in scope, enterprise admins); an associate sees the leads assigned to them.",
                         metadata=requires(Action.ASSIGN_LEADS))
    async def assign_lead(
        self, info: Info, lead: LeadArg,
        assignee: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the staff member.")],
    ) -> LeadPayload:
        return LeadPayload.from_outcome(await leads_writes.assign(info.context, lead, assignee))

    @strawberry.mutation(description="Convert an ACCEPTED lead into a DRAFT deal registration of the partner holding "
                         "it (its staff), for the account of the lead's company and country (matched by name, else "
                         "created); the registration's lineage starts at the lead.",
                         metadata=requires(Action.WORK_LEADS))
    async def convert_lead(
        self, info: Info, lead: LeadArg,
        program: Annotated[strawberry.ID, strawberry.argument(description="Global ID of an APPROVED program.")],
        key: Annotated[str | None, strawberry.argument(
            description="Stable key of the deal registration; generated when left out.")] = None,
    ) -> LeadPayload:
        return LeadPayload.from_outcome(await leads_writes.convert(info.context, lead, program, key))

    @strawberry.mutation(description="Define lead routing rules (enterprise admin). All or nothing.",
                         metadata=requires(Action.MANAGE_LEADS))
    async def create_lead_routing_rules(
        self, info: Info,
        rules: Annotated[list[CreateLeadRoutingRuleInput], strawberry.argument(description="The rules.")],
    ) -> CreateLeadRoutingRulesPayload:
        return CreateLeadRoutingRulesPayload.from_outcome(await leads_writes.create_rules(info.context, rules))

    @strawberry.mutation(description="Change a routing rule's priority, activity, capacity or deadline (enterprise "
                         "admin); what is left out stays.", metadata=requires(Action.MANAGE_LEADS))
    async def update_lead_routing_rule(
        self, info: Info,
        rule: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the rule.")],
        priority: Annotated[int | None, strawberry.argument(description="Lower is tried first.")] = strawberry.UNSET,
        active: Annotated[bool | None, strawberry.argument(description="Whether it routes.")] = strawberry.UNSET,
        capacity: Annotated[int | None, strawberry.argument(
            description="Open leads per partner; null: no limit.")] = strawberry.UNSET,
        accept_hours: Annotated[int | None, strawberry.argument(
            description="Hours to accept.")] = strawberry.UNSET,
    ) -> LeadRoutingRulePayload:
        return LeadRoutingRulePayload.from_outcome(
            await leads_writes.update_rule(info.context, rule, priority, active, capacity, accept_hours))

    @strawberry.mutation(description="Declare the products a partner specializes in, replacing the list (enterprise "
                         "admin; a partner admin for their own organization). Routing rules may require them.",
                         metadata=requires(Action.DECLARE_SPECIALIZATIONS))
    async def set_partner_specializations(
        self, info: Info,
        partner: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the partner.")],
        products: Annotated[list[strawberry.ID], strawberry.argument(description="Global IDs of the products.")],
    ) -> PartnerSpecializationsPayload:
        return PartnerSpecializationsPayload.from_outcome(
            await leads_writes.set_specializations(info.context, partner, products))
