"""Root query fields of the partners domain: the viewer and channel partners."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.partners import reads as partners_reads
from resolvers.shared.global_ids import key_of
from schema.partners.enums import OrderDirection
from schema.partners.inputs import PartnerOrder
from schema.partners.types import FilterArg, Partner, Viewer, filter_record
from schema.shared.graph_mapping import Shape, reach
from schema.shared.nodes import GlobalIdArg, node_by_id
from schema.shared.pagination import AfterArg, FirstArg, to_connection


def listing(args: Mapping[str, Any], ctx: Any) -> dict[str, Any]:
    """The compiled `partners` listing's parameters, as the resolver passes them to partners/reads/page."""
    order = args.get("order_by") or PartnerOrder()
    return {"filter": filter_record(args.get("filter")).as_param(), "orderBy": order.field.value,
            "descending": order.direction is OrderDirection.DESC}


OrderArg = Annotated[PartnerOrder | None, strawberry.argument(description="The order; by name when left out.")]


@strawberry.type
class PartnerQueries:
    @strawberry.field(description="Who is asking.", metadata=reach(None))
    def viewer(self, info: Info) -> Viewer:
        return Viewer(persona=info.context.viewer.persona)

    @strawberry.field(description="A channel partner by global ID; null when it does not exist or is out of scope.",
                      metadata=reach("MATCH ({node}:Partner {id: $id}) WHERE {{partner_visible({node})}}",
                                     arguments=lambda args, ctx: {"id": key_of(args["id"], "Partner", "id")}))
    async def partner(self, info: Info, id: GlobalIdArg) -> Partner | None:
        return await node_by_id(info, id, Partner)

    @strawberry.field(description="The channel partners the viewer may see, by name.", metadata=reach(
        "{{...partners_in_scope({node})}} WITH {node}, {{partner_sort_value({node})}} AS sortValue "
        "WHERE {{partner_filter({node})}} AND {{sorted_after({node})}}",
        Shape.PAGE, order="{{...sorted_order({node})}}", cursor="[sortValue, {node}.id]", arguments=listing))
    async def partners(self, info: Info, filter: FilterArg = None, order_by: OrderArg = None,
                       first: FirstArg = None, after: AfterArg = None) -> relay.Connection[Partner]:
        order = order_by or PartnerOrder()
        page = await partners_reads.partners(info.context, first, after, filter_record(filter),
                                             order.field.value, order.direction is OrderDirection.DESC)
        return to_connection(page, Partner.from_record)
