"""The root Query type."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info
from strawberry.types.base import StrawberryObjectDefinition

from resolvers import partners as partner_resolvers
from resolvers import programs as program_resolvers
from resolvers.errors import PublicError
from schema.case_queries import CaseQueries
from schema.insights import InsightsQueries
from schema.selling_queries import SellingQueries
from schema.pagination import to_connection
from schema.partners import (
    AfterArg,
    FilterArg,
    FirstArg,
    OrderDirection,
    Partner,
    PartnerOrder,
    filter_record,
)
from schema.programs import Program
from schema.programs import StatusArg as ProgramStatusArg
from schema.viewer import Viewer

GlobalIdArg = Annotated[strawberry.ID, strawberry.argument(description="The object's global ID.")]
OrderArg = Annotated[PartnerOrder | None, strawberry.argument(description="The order; by name when left out.")]

async def resolve_node(info: Info, id: str) -> relay.Node | None:
    try:
        global_id = relay.GlobalID.from_id(id)
    except relay.GlobalIDValueError as exc:
        raise PublicError("not a global ID this API issued", "VALIDATION") from exc
    # Any Node object type of the schema answers by the type name inside the global ID; any other name
    # (`Node` itself, another interface, a non-node type) names nothing, so it reads as not found.
    definition = info.schema.get_type_by_name(global_id.type_name)
    node_type = getattr(definition, "origin", None)
    if not (isinstance(definition, StrawberryObjectDefinition) and not definition.is_interface
            and isinstance(node_type, type) and issubclass(node_type, relay.Node)):
        return None
    (found,) = await node_type.resolve_nodes(info=info, node_ids=[global_id.node_id])
    return found


@strawberry.type(description="Reads. Everything is scoped to what the viewer may see; the rest reads as not found.")
class Query(SellingQueries, CaseQueries, InsightsQueries):
    @strawberry.field(description="Who is asking.")
    def viewer(self, info: Info) -> Viewer:
        return Viewer(persona=info.context.viewer.persona)

    @strawberry.field(description="Any object by its global ID; null when it does not exist or is out of scope.")
    async def node(self, info: Info, id: GlobalIdArg) -> relay.Node | None:
        return await resolve_node(info, id)

    @strawberry.field(description="A channel partner by global ID; null when it does not exist or is out of scope.")
    async def partner(self, info: Info, id: GlobalIdArg) -> Partner | None:
        found = await resolve_node(info, id)
        return found if isinstance(found, Partner) else None

    @strawberry.field(description="The channel partners the viewer may see, by name.")
    async def partners(self, info: Info, filter: FilterArg = None, order_by: OrderArg = None,
                       first: FirstArg = None, after: AfterArg = None) -> relay.Connection[Partner]:
        order = order_by or PartnerOrder()
        page = await partner_resolvers.partners(info.context, first, after, filter_record(filter),
                                                order.field.value, order.direction is OrderDirection.DESC)
        return to_connection(page, Partner.from_record)

    @strawberry.field(description="A partner program by global ID; null when it does not exist or is not visible "
                      "(partner staff do not see DRAFT programs).")
    async def program(self, info: Info, id: GlobalIdArg) -> Program | None:
        found = await resolve_node(info, id)
        return found if isinstance(found, Program) else None

    @strawberry.field(description="The partner programs the viewer may see, by name.")
    async def programs(self, info: Info, status: ProgramStatusArg = None, first: FirstArg = None,
                       after: AfterArg = None) -> relay.Connection[Program]:
        page = await program_resolvers.programs(info.context, status.value if status else None, first, after)
        return to_connection(page, Program.from_record)
