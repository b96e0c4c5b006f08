"""Types of the selling domain: deal registrations and their lineage (opportunity → quotes → order), money,
products."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.partners.records import AccountRecord
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
from resolvers.leads import reads as leads_reads
from resolvers.mdf import reads as mdf_reads
from resolvers.programs import reads as programs_reads
from resolvers.selling import reads as selling_reads
from schema.changes.types import Audited, Change
from schema.languages.types import NAME_DESCRIPTION, TRANSLATIONS, TRANSLATIONS_DESCRIPTION, Translation
from schema.leads import types as lead_types
from schema.mdf import types as mdf_types
from schema.partners import types as partner_types
from schema.programs.types import Program
from schema.selling.enums import (
    ClosureCode,
    CommentVisibility,
    DealRegistrationStatus,
    MinorUnits,
    OpportunityStage,
    OrderStatus,
    QuoteStatus,
)
from schema.shared.declared_reads import reached
from schema.shared.graph_mapping import Shape, money_from, reach, value
from schema.shared.keys import KeyedNode
from schema.shared.lineage_references import LazyFundRequest, LazyLead
from schema.shared.nodes import Companion, LoadedNode
from schema.shared.partner_references import LazyAccount, LazyPartner, LazyPerson


@strawberry.type(description="An amount of money: integer minor units and an ISO 4217 currency.")
class Money:
    amount: MinorUnits = strawberry.field(description="The amount in minor units.")
    currency: str = strawberry.field(description="ISO 4217 currency code.")

    @strawberry.field(name="in", description="This amount in another currency at the latest exchange rate in the "
                      "graph (direct or inverse), rounded to the minor unit; null when there is no rate.")
    async def in_(self, info: Info, currency: Annotated[str, strawberry.argument(
            description="ISO 4217 code of the reporting currency.")]) -> Money | None:
        target = currency.strip().upper()
        amount = await selling_reads.convert_amount(info.context, self.amount, self.currency, target)
        return None if amount is None else Money(amount=amount, currency=target)


def money(amount: int | None, currency: str) -> Money | None:
    return None if amount is None else Money(amount=amount, currency=currency)


@strawberry.type(description="A product of the enterprise's catalog.")
class Product(LoadedNode, relay.Node, KeyedNode):
    loader = "product"
    lookup = "true"
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Product name." + NAME_DESCRIPTION,
                                 metadata=value("{{localized_name({node})}}"))
    description: str | None = strawberry.field(description="What the product is; null: none." + NAME_DESCRIPTION,
                                               metadata=value("{{localized_description({node})}}"))
    sku: str = strawberry.field(description="Stock keeping unit.")
    list_price: Money = strawberry.field(description="List price per unit.")

    @classmethod
    def from_record(cls, r: ProductRecord) -> Product:
        return cls(id=r.id, name=r.name, description=r.description, sku=r.sku,
                   list_price=Money(amount=r.list_price, currency=r.currency))

    @strawberry.field(description=TRANSLATIONS_DESCRIPTION, metadata=TRANSLATIONS)
    async def translations(self, info: Info) -> list[Translation]:
        return await reached(info, Translation, self.id)


@strawberry.type(description="A line of a deal registration or a quote: a product and a quantity.")
class LineItem:
    quantity: int = strawberry.field(description="How many units.")
    unit_price: Money | None = strawberry.field(description="Price per unit in the deal's currency; null when "
                                                "a registration line gives none.")
    product_id: strawberry.Private[str]

    @classmethod
    def from_record(cls, r: LineItemRecord, currency: str) -> LineItem:
        return cls(quantity=r.quantity, unit_price=money(r.unit_price, currency), product_id=r.product_id)

    @strawberry.field(description="The product.")
    async def product(self, info: Info) -> Product | None:
        record = await selling_reads.product(info.context, self.product_id)
        return Product.from_record(record) if record else None


@strawberry.type(description="A comment on a deal registration; INTERNAL ones (work notes) reach enterprise staff "
                             "only.")
class DealComment:
    body: str = strawberry.field(description="The text.")
    visibility: CommentVisibility = strawberry.field(description="Who may read it.")
    at: datetime = strawberry.field(description="When it was written (UTC).")
    author_id: strawberry.Private[str]

    @classmethod
    def from_record(cls, r: CommentRecord) -> DealComment:
        return cls(body=r.body, visibility=CommentVisibility(r.visibility), at=r.at, author_id=r.author_id)

    @strawberry.field(description="Who wrote it; null when the viewer may not see that person.")
    async def author(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.author_id)


@strawberry.type(description="A competing registration for the same account (and product) by another partner, "
                 "detected on submit, for the reviewer to see.")
class DealConflict:
    detected_at: datetime = strawberry.field(description="When it was detected (UTC).")
    reason: str = strawberry.field(description="Why it conflicts.")
    other_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, r: ConflictRecord) -> DealConflict:
        return cls(detected_at=r.detected_at, reason=r.reason, other_id=r.other_id)

    @strawberry.field(description="The competing registration; null when the viewer may not see it.")
    async def registration(self, info: Info) -> DealRegistration | None:
        if self.other_id is None:
            return None
        record = await selling_reads.registration(info.context, self.other_id)
        return DealRegistration.from_record(record) if record else None


@strawberry.type(description="An enterprise decision on a deal registration.")
class DealDecision:
    decided_at: datetime = strawberry.field(description="When (UTC).")
    reason: str | None = strawberry.field(description="Why; always given for a rejection.")
    decided_by_id: strawberry.Private[str | None]

    @strawberry.field(description="Who decided; null when the viewer may not see that person.")
    async def decided_by(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.decided_by_id)


@strawberry.type(description="A partner's registration of a deal with an end-customer account in a program. "
                 "Visible to the partner's admins and managers and those of its ancestors, to the associate who "
                 "submitted or owns it, to relationship managers of the partner's subtree, and to enterprise "
                 "admins and executives.")
class DealRegistration(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "deal_registration"
    lookup = "{{deal_visible({node})}}"
    record = "{{registration_record({node})}}"
    record_type = DealRegistrationRecord
    # A portal lists deals with their stage and customer: both read along, for the loaders the `opportunity` and
    # `account` fields ask.
    companions = (
        Companion("registration_opportunity", "{node}.id", "head(COLLECT { MATCH ({node})-[:CONVERTED_TO]->"
                  "(_o:Opportunity) RETURN {{opportunity_record(_o)}} })", OpportunityRecord),
        Companion("account", "head(COLLECT { MATCH ({node})-[:FOR]->(_a:Account) RETURN _a.id })",
                  "{{deal_account({node})}}", AccountRecord),
    )
    id: relay.NodeID[str]
    name: str = strawberry.field(description="What the deal is, e.g. \"Acme ERP rollout\".")
    status: DealRegistrationStatus = strawberry.field(description="Lifecycle status.")
    estimated_amount: Money = strawberry.field(description="Estimated deal value.",
                                               metadata=money_from("estimatedAmount"))
    expected_close_date: date | None = strawberry.field(description="When the partner expects to close.")
    created_at: datetime | None = strawberry.field(description="When it was created (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    submitted_at: datetime | None = strawberry.field(description="When it was submitted (UTC).")
    review_deadline: datetime | None = strawberry.field(description="When it expires unless decided (UTC).")
    protected_until: datetime | None = strawberry.field(description="End of the protection an approval grants (UTC).")
    closure_code: ClosureCode | None = strawberry.field(description="Why it closed; null unless CLOSED.")
    closed_at: datetime | None = strawberry.field(description="When it closed or was cancelled (UTC).")
    lineage_changed_at: datetime | None = strawberry.field(description="Last change anywhere in its lineage (UTC).")
    record: strawberry.Private[DealRegistrationRecord]

    @classmethod
    def from_record(cls, r: DealRegistrationRecord) -> DealRegistration:
        return cls(id=r.id, name=r.name, status=DealRegistrationStatus(r.status),
                   estimated_amount=Money(amount=r.estimated_amount, currency=r.currency),
                   expected_close_date=r.expected_close_date, created_at=r.created_at, updated_at=r.updated_at,
                   submitted_at=r.submitted_at, review_deadline=r.review_deadline, protected_until=r.protected_until,
                   closure_code=ClosureCode(r.closure_code) if r.closure_code else None, closed_at=r.closed_at,
                   lineage_changed_at=r.lineage_changed_at, record=r)

    @strawberry.field(description="The approval or rejection; null before a decision.")
    def decision(self) -> DealDecision | None:
        r = self.record
        if r.decided_at is None:
            return None
        return DealDecision(decided_at=r.decided_at, reason=r.decision_reason, decided_by_id=r.decided_by)

    @strawberry.field(description="The registering partner.", metadata=reach(
        "MATCH ({parent})-[:REGISTERED_BY]->({node}:Partner) WHERE {{partner_visible({node})}}"))
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.partner_id)

    @strawberry.field(description="The end-customer account.", metadata=reach(
        "MATCH ({parent})-[:FOR]->({node}:Account) WHERE {{account_visible({node})}}"))
    async def account(self, info: Info) -> LazyAccount | None:
        return await partner_types.account_of(info, self.record.account_id)

    @strawberry.field(description="The program the deal is registered in.", metadata=reach(
        "MATCH ({parent})-[:IN]->({node}:Program) WHERE {{program_visible({node})}}"))
    async def program(self, info: Info) -> Program | None:
        record = await programs_reads.program(info.context, self.record.program_id)
        return Program.from_record(record) if record else None

    @strawberry.field(description="Who created and submitted it.", metadata=reach(
        "MATCH ({parent})-[:SUBMITTED_BY]->({node}:Person) WHERE {{person_visible({node})}}"))
    async def submitted_by(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.record.submitted_by_id)

    @strawberry.field(description="Who owns it (staff of the registering partner, named at creation or by "
                      "assignDealOwner); a partner associate sees the registrations they submitted or own. Null when "
                      "nobody is named or the viewer may not see that person.", metadata=reach(
        "MATCH ({parent})-[:OWNED_BY]->({node}:Person) WHERE {{person_visible({node})}}"))
    async def owner(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.record.owner_id)

    @strawberry.field(description="Products and quantities.")
    async def lines(self, info: Info) -> list[LineItem]:
        return [LineItem.from_record(r, self.record.currency)
                for r in await selling_reads.lines(info.context, self.id)]

    @strawberry.field(description="Comments, oldest first; work notes only for enterprise staff.")
    async def comments(self, info: Info) -> list[DealComment]:
        return [DealComment.from_record(r) for r in await selling_reads.comments(info.context, self.id)]

    @strawberry.field(description="Competing registrations detected on submit (either way round).")
    async def conflicts(self, info: Info) -> list[DealConflict]:
        return [DealConflict.from_record(r) for r in await selling_reads.conflicts(info.context, self.id)]

    @strawberry.field(description="The opportunity it converted to; null before conversion.",
                      metadata=reach("MATCH ({parent})-[:CONVERTED_TO]->({node}:Opportunity)"))
    async def opportunity(self, info: Info) -> Opportunity | None:
        record = await selling_reads.opportunity_of_registration(info.context, self.id)
        return Opportunity.from_record(record) if record else None

    @strawberry.field(description="The lead it was converted from, where its lineage starts; null when it was "
                      "registered directly, or when the viewer may not see the lead.", metadata=reach(
        "MATCH ({parent})<-[:CONVERTED_TO]-({node}:Lead) WHERE {{lead_visible({node})}}"))
    async def lead(self, info: Info) -> LazyLead | None:
        return await lead_of(info, self.record.lead_id)

    @strawberry.field(description="The fund request (MDF campaign) that generated it; null when none, or when the "
                      "viewer may not see it.", metadata=reach(
        "MATCH ({parent})-[:INFLUENCED_BY]->({node}:FundRequest) WHERE {{fund_request_visible({node})}}"))
    async def fund_request(self, info: Info) -> LazyFundRequest | None:
        if self.record.fund_request_id is None:
            return None
        record = await mdf_reads.request(info.context, self.record.fund_request_id)
        return mdf_types.FundRequest.from_record(record) if record else None


@strawberry.type(description="A sales opportunity converted from an approved deal registration.")
class Opportunity(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "opportunity"
    lookup = ("EXISTS { MATCH (:Partner)<-[:REGISTERED_BY]-(_deal:DealRegistration)-[:CONVERTED_TO]->({node}) "
              "WHERE {{deal_visible(_deal)}} }")
    record = "{{opportunity_record({node})}}"
    record_type = OpportunityRecord
    # Its deal registration and the registration's account, read along for the loaders `registration` and
    # `registration { account }` ask.
    companions = (
        Companion("deal_registration", "head(COLLECT { MATCH (_deal:DealRegistration)-[:CONVERTED_TO]->({node}) "
                  "RETURN _deal.id })", "head(COLLECT { MATCH (_deal:DealRegistration)-[:CONVERTED_TO]->({node}) "
                  "RETURN {{registration_record(_deal)}} })", DealRegistrationRecord),
        Companion("account", "head(COLLECT { MATCH (_a:Account)<-[:FOR]-(:DealRegistration)-[:CONVERTED_TO]->"
                  "({node}) RETURN _a.id })", "head(COLLECT { MATCH (_deal:DealRegistration)-[:CONVERTED_TO]->"
                  "({node}) RETURN {{deal_account(_deal)}} })", AccountRecord),
    )
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The deal's name.")
    stage: OpportunityStage = strawberry.field(description="Sales stage.")
    amount: Money = strawberry.field(description="Expected value.", metadata=money_from("amount"))
    created_at: datetime | None = strawberry.field(description="When it was created (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    closed_at: datetime | None = strawberry.field(description="When it closed, won or lost (UTC).")
    record: strawberry.Private[OpportunityRecord]

    @strawberry.field(description="True unless CLOSED_WON or CLOSED_LOST.",
                      metadata=value("{{opportunity_open({node})}}"))
    def is_open(self) -> bool:
        return self.stage not in (OpportunityStage.CLOSED_WON, OpportunityStage.CLOSED_LOST)

    @classmethod
    def from_record(cls, r: OpportunityRecord) -> Opportunity:
        return cls(id=r.id, name=r.name, stage=OpportunityStage(r.stage), amount=Money(amount=r.amount,
                                                                                       currency=r.currency),
                   created_at=r.created_at, updated_at=r.updated_at, closed_at=r.closed_at, record=r)

    @strawberry.field(description="The deal registration it was converted from.",
                      metadata=reach("MATCH ({parent})<-[:CONVERTED_TO]-({node}:DealRegistration)"))
    async def registration(self, info: Info) -> DealRegistration | None:
        record = await selling_reads.registration(info.context, self.record.registration_id)
        return DealRegistration.from_record(record) if record else None

    @strawberry.field(description="The registering partner.", metadata=reach(
        "MATCH ({parent})<-[:CONVERTED_TO]-(:DealRegistration)-[:REGISTERED_BY]->({node}:Partner) "
        "WHERE {{partner_visible({node})}}"))
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.partner_id)

    @strawberry.field(description="Every quote version, newest first.", metadata=reach(
        "MATCH ({parent})-[:QUOTED_AS]->({node}:Quote)", Shape.LIST, order="{node}.version DESC, {node}.id"))
    async def quotes(self, info: Info) -> list[Quote]:
        return [Quote.from_record(r) for r in await selling_reads.quotes_of_opportunity(info.context, self.id)]


@strawberry.type(description="A version of a quote on an opportunity, priced in the opportunity's currency.")
class Quote(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "quote"
    lookup = ("EXISTS { MATCH (:Partner)<-[:REGISTERED_BY]-(_deal:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)"
              "-[:QUOTED_AS]->({node}) WHERE {{deal_visible(_deal)}} }")
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The deal's name and the version, e.g. \"Acme ERP v2\".")
    version: int = strawberry.field(description="1 for the first quote of an opportunity, then 2, 3 …")
    status: QuoteStatus = strawberry.field(description="Lifecycle status.")
    discount_percent: float = strawberry.field(description="Discount on the subtotal, in percent.")
    subtotal: Money = strawberry.field(description="Sum of the lines before the discount.",
                                       metadata=money_from("subtotal"))
    total: Money = strawberry.field(description="Subtotal less the discount, rounded to the minor unit.",
                                    metadata=money_from("total"))
    created_at: datetime | None = strawberry.field(description="When it was created (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    record: strawberry.Private[QuoteRecord]

    @classmethod
    def from_record(cls, r: QuoteRecord) -> Quote:
        return cls(id=r.id, name=r.name, version=r.version, status=QuoteStatus(r.status),
                   discount_percent=r.discount_percent, subtotal=Money(amount=r.subtotal, currency=r.currency),
                   total=Money(amount=r.total, currency=r.currency), created_at=r.created_at,
                   updated_at=r.updated_at, record=r)

    @strawberry.field(description="Products, quantities and unit prices.")
    async def lines(self, info: Info) -> list[LineItem]:
        return [LineItem.from_record(r, self.record.currency) for r in await selling_reads.lines(info.context, self.id)]

    @strawberry.field(description="The opportunity.",
                      metadata=reach("MATCH ({parent})<-[:QUOTED_AS]-({node}:Opportunity)"))
    async def opportunity(self, info: Info) -> Opportunity | None:
        record = await selling_reads.opportunity(info.context, self.record.opportunity_id)
        return Opportunity.from_record(record) if record else None

    @strawberry.field(description="The version this one revises; null for the first.")
    async def revises(self, info: Info) -> Quote | None:
        if self.record.revises_id is None:
            return None
        record = await selling_reads.quote(info.context, self.record.revises_id)
        return Quote.from_record(record) if record else None

    @strawberry.field(description="The order placed when it was accepted; null before.",
                      metadata=reach("MATCH ({parent})-[:ORDERED_AS]->({node}:Order)"))
    async def order(self, info: Info) -> Order | None:
        record = await selling_reads.order_of_quote(info.context, self.id)
        return Order.from_record(record) if record else None


@strawberry.type(description="An order placed from an accepted quote, which the partner can track.")
class Order(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "order"
    lookup = ("EXISTS { MATCH (:Partner)<-[:REGISTERED_BY]-(_deal:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)"
              "-[:QUOTED_AS]->(:Quote)-[:ORDERED_AS]->({node}) WHERE {{deal_visible(_deal)}} }")
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The quote's name.")
    status: OrderStatus = strawberry.field(description="Lifecycle status.")
    total: Money = strawberry.field(description="The accepted quote's total.", metadata=money_from("total"))
    placed_at: datetime | None = strawberry.field(description="When it was placed (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    record: strawberry.Private[OrderRecord]

    @classmethod
    def from_record(cls, r: OrderRecord) -> Order:
        return cls(id=r.id, name=r.name, status=OrderStatus(r.status), total=Money(amount=r.total, currency=r.currency),
                   placed_at=r.placed_at, updated_at=r.updated_at, record=r)

    @strawberry.field(description="The accepted quote.",
                      metadata=reach("MATCH ({parent})<-[:ORDERED_AS]-({node}:Quote)"))
    async def quote(self, info: Info) -> Quote | None:
        record = await selling_reads.quote(info.context, self.record.quote_id)
        return Quote.from_record(record) if record else None

    @strawberry.field(description="The deal registration at the start of its lineage.", metadata=reach(
        "MATCH ({parent})<-[:ORDERED_AS]-(:Quote)<-[:QUOTED_AS]-(:Opportunity)"
        "<-[:CONVERTED_TO]-({node}:DealRegistration)"))
    async def registration(self, info: Info) -> DealRegistration | None:
        record = await selling_reads.registration(info.context, self.record.registration_id)
        return DealRegistration.from_record(record) if record else None

    @strawberry.field(description="The registering partner.")
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.partner_id)


@strawberry.type(description="A deal's whole lineage: (lead →) registration → opportunity → quotes → orders.")
class DealLineage:
    registration: DealRegistration = strawberry.field(description="The deal registration.", metadata=reach(None))

    @strawberry.field(description="The lead the registration was converted from; null when none, or when the viewer "
                      "may not see it.", metadata=reach(
        "MATCH ({parent})<-[:CONVERTED_TO]-({node}:Lead) WHERE {{lead_visible({node})}}"))
    async def lead(self, info: Info) -> LazyLead | None:
        return await lead_of(info, self.registration.record.lead_id)
    # Read with the registration (whole, for a page of lineages): the fields below are plain reads.
    parts: strawberry.Private[selling_reads.LineageParts]

    @strawberry.field(description="The opportunity; null before conversion.",
                      metadata=reach("MATCH ({parent})-[:CONVERTED_TO]->({node}:Opportunity)"))
    def opportunity(self) -> Opportunity | None:
        return Opportunity.from_record(self.parts.opportunity) if self.parts.opportunity else None

    @strawberry.field(description="Every quote version of the opportunity, newest first.", metadata=reach(
        "MATCH ({parent})-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->({node}:Quote)", Shape.LIST,
        order="{node}.version DESC, {node}.id"))
    def quotes(self) -> list[Quote]:
        return [Quote.from_record(q) for q in self.parts.quotes]

    @strawberry.field(description="The orders placed from its accepted quotes.", metadata=reach(
        "MATCH ({parent})-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(_quote:Quote)-[:ORDERED_AS]->({node}:Order)",
        Shape.LIST, order="_quote.version DESC, _quote.id"))
    def orders(self) -> list[Order]:
        return [Order.from_record(o) for o in self.parts.orders]


@strawberry.type(description="A change to a deal registration, delivered by `dealRegistrationChanged` as it commits.")
class DealRegistrationEvent:
    change: Change = strawberry.field(description="The change record: what changed, who changed it and when.")
    registration: DealRegistration | None = strawberry.field(
        description="The registration as the viewer may see it when the event is delivered (so possibly later than "
                    "the change); null when it was deleted.")

    @strawberry.field(description="Pass it as `after` when subscribing again to resume after this event, missing "
                      "nothing (the change's seq, as text: a feed cursor).")
    def cursor(self) -> str:
        return str(self.change.record.seq)


async def lead_of(info: Info, lead_id: str | None) -> LazyLead | None:
    record = await leads_reads.lead(info.context, lead_id) if lead_id else None
    return lead_types.Lead.from_record(record) if record else None
