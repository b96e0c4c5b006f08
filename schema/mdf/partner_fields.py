"""The fields the market development funds domain adds to `Partner`: its allocations and fund requests."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from schema.mdf.enums import FundRequestStatus
from schema.mdf.types import FundAllocation, FundRequest
from schema.shared.declared_reads import reached
from schema.shared.graph_mapping import Shape, oldest_first, reach
from schema.shared.pagination import AfterArg, FirstArg


@strawberry.type
class PartnerMdfFields:
    @strawberry.field(description="The funds allocated to this partner, oldest first.", metadata=oldest_first(
        "MATCH ({parent})<-[:ALLOCATED_TO]-({node}:FundAllocation) WHERE {{fund_allocation_visible({node})}}"))
    async def fund_allocations(self, info: Info, first: FirstArg = None,
                               after: AfterArg = None) -> relay.Connection[FundAllocation]:
        return await reached(info, FundAllocation, self.id, first=first, after=after)

    @strawberry.field(description="The fund requests against this partner's allocations, by name (an associate: "
                      "those they submitted).", metadata=reach(
        "MATCH ({parent})<-[:ALLOCATED_TO]-(:FundAllocation)<-[:DRAWS_ON]-({node}:FundRequest) "
        "WHERE {{fund_request_visible({node})}} AND ($statuses IS NULL OR {node}.status IN $statuses) "
        "AND {{after_cursor({node})}}",
        Shape.PAGE, order="{node}.name, {node}.id",
        arguments=lambda args, ctx: {"statuses": None if args.get("statuses") is None
                                     else [s.value for s in args["statuses"]]}))
    async def fund_requests(
        self, info: Info,
        statuses: Annotated[list[FundRequestStatus] | None, strawberry.argument(
            description="Only these statuses; all when left out.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[FundRequest]:
        return await reached(info, FundRequest, self.id, statuses=statuses, first=first, after=after)
