"""Root query fields of the selling domain (deal registrations, lineage)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.shared.records import cursor_param
from resolvers.selling import reads as selling_reads
from resolvers.shared.global_ids import key_of, typed_key
from schema.selling.enums import DealRegistrationStatus
from schema.selling.types import DealLineage, DealRegistration
from schema.shared.graph_mapping import Shape, reach
from schema.shared.nodes import GlobalIdArg, node_by_id
from schema.shared.pagination import AfterArg, FirstArg, to_connection

_LINEAGE_TYPES = ("DealRegistration", "Opportunity", "Quote", "Order")


@strawberry.type
class SellingQueries:
    @strawberry.field(description="A deal registration by global ID; null when it does not exist or is out of scope.",
                      metadata=reach("MATCH ({node}:DealRegistration {id: $id}) WHERE {{deal_visible({node})}}",
                                     arguments=lambda args, ctx: {"id": key_of(args["id"], "DealRegistration", "id")}))
    async def deal_registration(self, info: Info, id: GlobalIdArg) -> DealRegistration | None:
        return await node_by_id(info, id, DealRegistration)

    @strawberry.field(description="The whole lineage (registration → opportunity → quotes → orders) of any of its "
                      "records: a deal registration, opportunity, quote or order; null when out of scope.")
    async def deal_lineage(self, info: Info, id: GlobalIdArg) -> DealLineage | None:
        type_name, key = typed_key(id, _LINEAGE_TYPES, "id")
        root = await selling_reads.lineage_root(info.context, type_name, key)
        record = await selling_reads.registration(info.context, root) if root else None
        if record is None:
            return None
        parts = await selling_reads.lineage_parts(info.context, record.id)
        return DealLineage(registration=DealRegistration.from_record(record), parts=parts)

    @strawberry.field(description="Analytics: the visible deal lineages changed at or after `changedSince`, oldest "
                      "change first; nested opportunities, quotes and orders load in one round trip per level.",
                      metadata=reach("MATCH ({node}:DealRegistration) WHERE {{lineage_window({node})}}", Shape.PAGE,
                                     order="{node}.lineageChangedAt, {node}.id",
                                     cursor="[toString({node}.lineageChangedAt), {node}.id]",
                                     arguments=lambda args, ctx: {
        "changedSince": args.get("changed_since"),
        "subtreeId": key_of(args.get("partner_subtree"), "Partner", "partnerSubtree"),
        "programId": key_of(args.get("program"), "Program", "program"),
        "status": args["status"].value if args.get("status") else None,
        "after": cursor_param(selling_reads.lineage_cursor(args.get("after")))}))
    async def deal_lineages(
        self, info: Info,
        changed_since: Annotated[datetime | None, strawberry.argument(
            description="Only lineages with a change at or after this moment (UTC); all when left out.")] = None,
        partner_subtree: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only deals registered by this partner or a partner below it.")] = None,
        program: Annotated[strawberry.ID | None, strawberry.argument(description="Only deals in this program.")] = None,
        status: Annotated[DealRegistrationStatus | None, strawberry.argument(
            description="Only registrations in this status.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[DealLineage]:
        page, parts = await selling_reads.lineages(info.context, changed_since, key_of(partner_subtree, "Partner",
                                                                                       "partnerSubtree"),
                                                       key_of(program, "Program",
                                                              "program"), status.value if status else None,
                                                       first, after)
        return to_connection(page, lambda r: DealLineage(registration=DealRegistration.from_record(r),
                                                         parts=parts[r.id]))
