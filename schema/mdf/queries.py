"""Root query fields of the market development funds domain: budgets, allocations, fund requests and claims."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.mdf import reads as mdf_reads
from resolvers.shared.global_ids import key_of
from schema.mdf.inputs import FundRequestFilter
from schema.mdf.types import FundAllocation, FundClaim, FundRequest, MdfBudget
from schema.shared.graph_mapping import reach
from schema.shared.nodes import GlobalIdArg, node_by_id
from schema.shared.pagination import AfterArg, FirstArg, to_connection


def _by_id(type_name: str, condition: str) -> dict:
    """The compiled read of a root field that takes one node of `type_name` by global ID, when `condition` holds."""
    return reach(f"MATCH ({{node}}:{type_name} {{{{id: $id}}}}) WHERE {condition}",
                 arguments=lambda args, ctx: {"id": key_of(args["id"], type_name, "id")})


@strawberry.type
class MdfQueries:
    @strawberry.field(description="A market development funds budget by global ID; null when it does not exist or "
                      "the viewer may not see budgets.", metadata=_by_id("MdfBudget", MdfBudget.lookup))
    async def mdf_budget(self, info: Info, id: GlobalIdArg) -> MdfBudget | None:
        return await node_by_id(info, id, MdfBudget)

    @strawberry.field(description="The budgets the viewer may see, by name (enterprise admins, executives and "
                      "relationship managers; empty for everyone else).")
    async def mdf_budgets(
        self, info: Info,
        program: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this program's budgets.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[MdfBudget]:
        page = await mdf_reads.budgets(info.context, key_of(program, "Program", "program"), first, after)
        return to_connection(page, MdfBudget.from_record)

    @strawberry.field(description="A fund allocation by global ID; null when it does not exist or is out of scope.",
                      metadata=_by_id("FundAllocation", FundAllocation.lookup))
    async def fund_allocation(self, info: Info, id: GlobalIdArg) -> FundAllocation | None:
        return await node_by_id(info, id, FundAllocation)

    @strawberry.field(description="A fund request by global ID; null when it does not exist or is out of scope.",
                      metadata=_by_id("FundRequest", FundRequest.lookup))
    async def fund_request(self, info: Info, id: GlobalIdArg) -> FundRequest | None:
        return await node_by_id(info, id, FundRequest)

    @strawberry.field(description="The fund requests the viewer may see, by name: every request for enterprise admins "
                      "and executives (the approval queue with `statuses: [SUBMITTED]`), their partners' for "
                      "relationship managers, their organization's and below for partner admins and managers, their "
                      "own for associates.")
    async def fund_requests(
        self, info: Info,
        filter: Annotated[FundRequestFilter | None, strawberry.argument(description="Which requests.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[FundRequest]:
        f = filter or FundRequestFilter()
        page = await mdf_reads.requests(info.context, None if f.statuses is None else [s.value for s in f.statuses],
                                        key_of(f.partner_subtree, "Partner", "filter.partnerSubtree"), first, after)
        return to_connection(page, FundRequest.from_record)

    @strawberry.field(description="A fund claim by global ID; null when it does not exist or its fund request is out "
                      "of scope.", metadata=_by_id("FundClaim", FundClaim.lookup))
    async def fund_claim(self, info: Info, id: GlobalIdArg) -> FundClaim | None:
        return await node_by_id(info, id, FundClaim)
