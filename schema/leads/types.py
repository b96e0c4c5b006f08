"""Types of the leads domain: leads, the offers that routed them to partners, and the routing rules."""

from __future__ import annotations

import asyncio
from datetime import datetime

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.leads.records import LeadOfferRecord, LeadRecord, LeadRoutingRuleRecord
from resolvers.leads import reads as leads_reads
from resolvers.programs import reads as programs_reads
from resolvers.selling import reads as selling_reads
from schema.changes.types import Audited
from schema.leads.enums import LeadOfferOutcome, LeadSource, LeadStatus
from schema.partners import types as partner_types
from schema.partners.enums import PartnerType
from schema.programs.types import Program, Segment
from schema.selling import types as selling_types
from schema.shared.graph_mapping import money_from, reach
from schema.shared.keys import KeyedNode
from schema.shared.lineage_references import LazyDealRegistration, LazyMoney, LazyProduct
from schema.shared.nodes import LoadedNode
from schema.shared.partner_references import LazyPartner, LazyPerson


@strawberry.type(description="An end-customer lead the enterprise shares with partners: routed by the routing rules "
                 "to one partner at a time, which accepts it (then converts it to a deal registration) or rejects it. "
                 "Visible to enterprise admins and executives; to relationship managers, admins and managers of the "
                 "partner it is routed to now (and of that partner's ancestors); to the associate it is assigned to.")
class Lead(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "lead"
    lookup = "{{lead_visible({node})}}"
    record = "{{lead_record({node})}}"
    record_type = LeadRecord
    id: relay.NodeID[str]
    name: str = strawberry.field(description="What the lead is.")
    company: str = strawberry.field(description="The end customer's company.")
    contact_name: str = strawberry.field(description="Whom to contact there.")
    contact_email: str = strawberry.field(description="Their e-mail address.")
    country: str = strawberry.field(description="ISO 3166-1 alpha-2 code.")
    estimated_amount: LazyMoney = strawberry.field(description="Estimated value.",
                                                   metadata=money_from("estimatedAmount"))
    source: LeadSource = strawberry.field(description="Where it came from.")
    status: LeadStatus = strawberry.field(description="Lifecycle status.")
    unrouted_reason: str | None = strawberry.field(description="Why routing found no partner for it (a NEW or "
                                                   "EXPIRED lead); null otherwise.")
    disqualify_reason: str | None = strawberry.field(description="Why it was disqualified.")
    created_at: datetime | None = strawberry.field(description="When it was entered (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    routed_at: datetime | None = strawberry.field(description="When it was last offered to a partner (UTC).")
    accept_by: datetime | None = strawberry.field(description="While ROUTED: the partner must accept it before then, "
                                                  "or it is routed on (UTC).")
    accepted_at: datetime | None = strawberry.field(description="When the partner accepted it (UTC).")
    closed_at: datetime | None = strawberry.field(description="When it was converted, disqualified or expired (UTC).")
    record: strawberry.Private[LeadRecord]

    @classmethod
    def from_record(cls, r: LeadRecord) -> Lead:
        return cls(id=r.id, name=r.name, company=r.company, contact_name=r.contact_name, contact_email=r.contact_email,
                   country=r.country,
                   estimated_amount=selling_types.Money(amount=r.estimated_amount, currency=r.currency),
                   source=LeadSource(r.source), status=LeadStatus(r.status), unrouted_reason=r.unrouted_reason,
                   disqualify_reason=r.disqualify_reason, created_at=r.created_at, updated_at=r.updated_at,
                   routed_at=r.routed_at, accept_by=r.accept_by, accepted_at=r.accepted_at, closed_at=r.closed_at,
                   record=r)

    @strawberry.field(description="The partner it is routed to now; null when routed to none, or when the viewer may "
                      "not see it.", metadata=reach(
        "MATCH ({parent})-[:ROUTED_TO]->({node}:Partner) WHERE {{partner_visible({node})}}"))
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.partner_id)

    @strawberry.field(description="The staff member of its partner it is assigned to; null when none.", metadata=reach(
        "MATCH ({parent})-[:ASSIGNED_TO]->({node}:Person) WHERE {{person_visible({node})}}"))
    async def assignee(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.record.assignee_id)

    @strawberry.field(description="The product of interest; null when none was named.",
                      metadata=reach("MATCH ({parent})-[:INTERESTED_IN]->({node}:Product)"))
    async def product(self, info: Info) -> LazyProduct | None:
        if self.record.product_id is None:
            return None
        record = await selling_reads.product(info.context, self.record.product_id)
        return selling_types.Product.from_record(record) if record else None

    @strawberry.field(description="The deal registration it converted to, where its lineage goes on; null before "
                      "conversion.", metadata=reach(
        "MATCH ({parent})-[:CONVERTED_TO]->({node}:DealRegistration) WHERE {{deal_visible({node})}}"))
    async def registration(self, info: Info) -> LazyDealRegistration | None:
        if self.record.registration_id is None:
            return None
        record = await selling_reads.registration(info.context, self.record.registration_id)
        return selling_types.DealRegistration.from_record(record) if record else None

    @strawberry.field(description="Its routing history, oldest offer first: every offer to a partner the viewer may "
                      "see (a partner never learns whom else the lead was offered to).")
    async def offers(self, info: Info) -> list[LeadOffer]:
        return [LeadOffer.from_record(r) for r in await leads_reads.offers(info.context, self.id)]


@strawberry.type(description="One offer of a lead to a partner: by a routing rule, or handed down by the partner "
                 "above.")
class LeadOffer:
    at: datetime = strawberry.field(description="When it was offered (UTC).")
    accept_by: datetime | None = strawberry.field(description="The deadline to accept it (UTC).")
    outcome: LeadOfferOutcome = strawberry.field(description="How the offer ended, or PENDING.")
    closed_at: datetime | None = strawberry.field(description="When it ended (UTC).")
    reason: str | None = strawberry.field(description="The partner's reason, for a rejection.")
    record: strawberry.Private[LeadOfferRecord]

    @classmethod
    def from_record(cls, r: LeadOfferRecord) -> LeadOffer:
        return cls(at=r.at, accept_by=r.accept_by, outcome=LeadOfferOutcome(r.outcome), closed_at=r.closed_at,
                   reason=r.reason, record=r)

    @strawberry.field(description="The partner it was offered to.")
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.partner_id)

    @strawberry.field(description="The partner that handed it down; null when a routing rule made the offer, or "
                      "when the viewer may not see that partner.")
    async def handed_off_by(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.handed_off_by_id)

    @strawberry.field(description="The routing rule that made the offer; null for a hand-off, and for viewers who "
                      "may not see rules (partners).")
    async def rule(self, info: Info) -> LeadRoutingRule | None:
        if self.record.rule_id is None:
            return None
        record = await leads_reads.routing_rule(info.context, self.record.rule_id)
        return LeadRoutingRule.from_record(record) if record else None


@strawberry.type(description="A rule the enterprise routes leads by (enterprise staff only). Rules are tried by "
                 "priority; the first that names an eligible partner routes the lead to its best one: highest segment "
                 "first, then fewest open leads, then the partner offered a lead longest ago.")
class LeadRoutingRule(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "lead_routing_rule"
    id: relay.NodeID[str]
    name: str = strawberry.field(description="What the rule is for.")
    priority: int = strawberry.field(description="Lower is tried first.")
    active: bool = strawberry.field(description="Inactive rules route nothing.")
    countries: list[str] = strawberry.field(description="Only leads from these countries; any when empty.")
    partner_types: list[PartnerType] = strawberry.field(description="Only partners of these types; any when empty.")
    require_specialization: bool = strawberry.field(description="Only partners specializing in the lead's product.")
    capacity: int | None = strawberry.field(description="At most this many open leads (ROUTED or ACCEPTED) per "
                                            "partner; no limit when null.")
    accept_hours: int = strawberry.field(description="Hours a partner has to accept.")
    created_at: datetime | None = strawberry.field(description="When it was created (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    record: strawberry.Private[LeadRoutingRuleRecord]

    @classmethod
    def from_record(cls, r: LeadRoutingRuleRecord) -> LeadRoutingRule:
        return cls(id=r.id, name=r.name, priority=r.priority, active=r.active, countries=list(r.countries),
                   partner_types=[PartnerType(t) for t in r.partner_types],
                   require_specialization=r.require_specialization, capacity=r.capacity, accept_hours=r.accept_hours,
                   created_at=r.created_at, updated_at=r.updated_at, record=r)

    @strawberry.field(description="Only partners with an ACTIVE partnership in this program; null: any.")
    async def program(self, info: Info) -> Program | None:
        if self.record.program_id is None:
            return None
        record = await programs_reads.program(info.context, self.record.program_id)
        return Program.from_record(record) if record else None

    @strawberry.field(description="Only partners at one of these segments of the program; any when empty.")
    async def segments(self, info: Info) -> list[Segment]:
        records = await asyncio.gather(*(programs_reads.segment(info.context, s) for s in self.record.segment_ids))
        return [Segment.from_record(r) for r in records if r]
