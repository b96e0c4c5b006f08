"""The root Query type: every domain's root fields, and `node`."""

from __future__ import annotations

import strawberry
from strawberry import relay
from strawberry.types import Info

from schema.applications.queries import ApplicationQueries
from schema.cases.queries import CaseQueries
from schema.changes.queries import ChangeQueries
from schema.insights.queries import InsightsQueries
from schema.languages.queries import LanguageQueries
from schema.leads.queries import LeadQueries
from schema.mdf.queries import MdfQueries
from schema.partners.queries import PartnerQueries
from schema.programs.queries import ProgramQueries
from schema.selling.queries import SellingQueries
from schema.shared.graph_mapping import node_lookup
from schema.shared.nodes import GlobalIdArg, any_node_by_id, node_key
from schema.webhooks.queries import WebhookQueries


@strawberry.type(description="Reads. Everything is scoped to what the viewer may see; the rest reads as not found.")
class Query(PartnerQueries, ProgramQueries, SellingQueries, LeadQueries, CaseQueries, InsightsQueries, ChangeQueries,
            WebhookQueries, ApplicationQueries, MdfQueries, LanguageQueries):
    @strawberry.field(description="Any object by its global ID; null when it does not exist or is out of scope.",
                      metadata=node_lookup(lambda args, ctx: node_key(args["id"])))
    async def node(self, info: Info, id: GlobalIdArg) -> relay.Node | None:
        return await any_node_by_id(info, id)
