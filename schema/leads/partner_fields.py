"""The fields the leads domain adds to `Partner`: the leads routed to it and the products it specializes in."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.leads import reads as leads_reads
from resolvers.selling import reads as selling_reads
from schema.leads.enums import LeadStatus
from schema.leads.types import Lead
from schema.selling import types as selling_types
from schema.shared.declared_reads import reached
from schema.shared.graph_mapping import Shape, reach
from schema.shared.lineage_references import LazyProduct
from schema.shared.pagination import AfterArg, FirstArg


@strawberry.type
class PartnerLeadFields:
    @strawberry.field(description="The leads routed to this partner now that the viewer may see, by name (an "
                      "associate: those assigned to them).", metadata=reach(
        "MATCH ({parent})<-[:ROUTED_TO]-({node}:Lead) WHERE {{lead_record_visible({node})}} "
        "AND ($statuses IS NULL OR {node}.status IN $statuses) AND {{after_cursor({node})}}",
        Shape.PAGE, order="{node}.name, {node}.id",
        arguments=lambda args, ctx: {"statuses": None if args.get("statuses") is None
                                     else [s.value for s in args["statuses"]]}))
    async def leads(
        self, info: Info,
        statuses: Annotated[list[LeadStatus] | None, strawberry.argument(
            description="Only these statuses (open leads: ROUTED and ACCEPTED); all when left out.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[Lead]:
        return await reached(info, Lead, self.id, statuses=statuses, first=first, after=after)

    @strawberry.field(description="The products this partner declares it specializes in, by name (routing rules may "
                      "require them).")
    async def specializations(self, info: Info) -> list[LazyProduct]:
        ids = await leads_reads.specializations(info.context, self.id)
        records = await selling_reads.products(info.context, ids)
        return [selling_types.Product.from_record(r) for r in records if r]
