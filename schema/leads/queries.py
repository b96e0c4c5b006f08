"""Root query fields of the leads domain: leads and the routing rules."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.leads import reads as leads_reads
from resolvers.shared.checks import is_country
from resolvers.shared.errors import PublicError
from resolvers.shared.global_ids import key_of
from schema.leads.inputs import LeadFilter
from schema.leads.types import Lead, LeadRoutingRule
from schema.shared.graph_mapping import reach
from schema.shared.nodes import GlobalIdArg, node_by_id
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.type
class LeadQueries:
    @strawberry.field(description="A lead by global ID; null when it does not exist or is out of scope.",
                      metadata=reach("MATCH ({node}:Lead {id: $id}) WHERE {{lead_visible({node})}}",
                                     arguments=lambda args, ctx: {"id": key_of(args["id"], "Lead", "id")}))
    async def lead(self, info: Info, id: GlobalIdArg) -> Lead | None:
        return await node_by_id(info, id, Lead)

    @strawberry.field(description="The leads the viewer may see, by name: the enterprise's inbox for admins and "
                      "executives (unrouted ones too), a partner's leads for its staff and relationship managers.")
    async def leads(
        self, info: Info,
        filter: Annotated[LeadFilter | None, strawberry.argument(description="Which leads.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[Lead]:
        f = filter or LeadFilter()
        country = f.country.strip().upper() if f.country else None
        if country is not None and not is_country(country):
            raise PublicError("`filter.country` is not an ISO 3166-1 alpha-2 country code", "VALIDATION")
        page = await leads_reads.leads(info.context, [s.value for s in f.statuses] if f.statuses is not None else None,
                                       key_of(f.partner_subtree, "Partner", "filter.partnerSubtree"), country,
                                       first, after)
        return to_connection(page, Lead.from_record)

    @strawberry.field(description="The lead routing rules by priority (enterprise staff; empty for partners).")
    async def lead_routing_rules(self, info: Info) -> list[LeadRoutingRule]:
        return [LeadRoutingRule.from_record(r) for r in await leads_reads.routing_rules(info.context)]
