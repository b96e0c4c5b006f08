"""The fields the selling domain adds to `Partner`: its deal registrations, opportunities, quotes and orders,
each a filtered connection of the records the partner registered, through DataLoaders (one round trip per field
per level, whatever the number of partners)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.selling import reads as selling_reads
from schema.selling.enums import DealRegistrationStatus, OpportunityStage, OpportunityStatus, OrderStatus, QuoteStatus
from schema.selling.types import DealRegistration, Opportunity, Order, Quote
from schema.shared.declared_reads import reached
from schema.shared.graph_mapping import Shape, reach
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.type
class PartnerSellingFields:
    @strawberry.field(description="The deal registrations this partner registered that the viewer may see, by name.",
                      metadata=reach(
        "MATCH ({parent})<-[:REGISTERED_BY]-({node}:DealRegistration) WHERE {{deal_record_visible({node})}} "
        "AND ($status IS NULL OR {node}.status = $status) AND {{after_cursor({node})}}",
        Shape.PAGE, order="{node}.name, {node}.id",
        arguments=lambda args, ctx: {"status": args["status"].value if args.get("status") else None}))
    async def deal_registrations(
        self, info: Info,
        status: Annotated[DealRegistrationStatus | None, strawberry.argument(description="Only this status.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[DealRegistration]:
        return await reached(info, DealRegistration, self.id, status=status, first=first, after=after)

    @strawberry.field(description="The opportunities of this partner's deals that the viewer may see, by name.",
                      metadata=reach(
        "MATCH ({parent})<-[:REGISTERED_BY]-(_deal:DealRegistration)-[:CONVERTED_TO]->({node}:Opportunity) "
        "WHERE {{deal_record_visible(_deal)}} AND ($stage IS NULL OR {node}.stage = $stage) "
        "AND ($open IS NULL OR $open = {{opportunity_open({node})}}) AND {{after_cursor({node})}}",
        Shape.PAGE, order="{node}.name, {node}.id",
        arguments=lambda args, ctx: {
            "open": None if args.get("status") is None else args["status"] is OpportunityStatus.OPEN,
            "stage": args["stage"].value if args.get("stage") else None}))
    async def opportunities(
        self, info: Info,
        status: Annotated[OpportunityStatus | None, strawberry.argument(
            description="OPEN (not closed) or CLOSED (won or lost); all when left out.")] = None,
        stage: Annotated[OpportunityStage | None, strawberry.argument(description="Only this stage.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[Opportunity]:
        return await reached(info, Opportunity, self.id, status=status, stage=stage, first=first, after=after)

    @strawberry.field(description="The quotes (every version) of this partner's deals that the viewer may see, by "
                                  "name.")
    async def quotes(
        self, info: Info,
        status: Annotated[QuoteStatus | None, strawberry.argument(description="Only this status.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[Quote]:
        page = await selling_reads.quotes_of_partner(info.context, self.id, status.value if status else None,
                                                         first, after)
        return to_connection(page, Quote.from_record)

    @strawberry.field(description="The orders of this partner's deals that the viewer may see, by name.")
    async def orders(
        self, info: Info,
        status: Annotated[OrderStatus | None, strawberry.argument(description="Only this status.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[Order]:
        page = await selling_reads.orders_of_partner(info.context, self.id, status.value if status else None,
                                                         first, after)
        return to_connection(page, Order.from_record)
