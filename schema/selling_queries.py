"""Root query fields of the selling domain (deal registrations, lineage)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers import selling as selling_resolvers
from resolvers.global_ids import key_of, typed_key
from schema.pagination import to_connection
from schema.selling_enums import DealRegistrationStatus

IdArg = Annotated[strawberry.ID, strawberry.argument(description="The object's global ID.")]
_LINEAGE_TYPES = ("DealRegistration", "Opportunity", "Quote", "Order")


@strawberry.type
class SellingQueries:
    @strawberry.field(description="A deal registration by global ID; null when it does not exist or is out of scope.")
    async def deal_registration(self, info: Info, id: IdArg) -> Annotated["DealRegistration", strawberry.lazy("schema.selling")] | None:  # noqa: F821
        from schema.selling import DealRegistration

        key = key_of(id, "DealRegistration")
        record = await selling_resolvers.registration(info.context, key)
        return DealRegistration.from_record(record) if record else None

    @strawberry.field(description="The whole lineage (registration → opportunity → quotes → orders) of any of its "
                      "records: a deal registration, opportunity, quote or order; null when out of scope.")
    async def deal_lineage(self, info: Info, id: IdArg) -> Annotated["DealLineage", strawberry.lazy("schema.selling")] | None:  # noqa: F821
        from schema.selling import DealLineage, DealRegistration

        type_name, key = typed_key(id, _LINEAGE_TYPES)
        root = await selling_resolvers.lineage_root(info.context, type_name, key)
        record = await selling_resolvers.registration(info.context, root) if root else None
        if record is None:
            return None
        parts = await selling_resolvers.lineage_parts(info.context, record.id)
        return DealLineage(registration=DealRegistration.from_record(record), parts=parts)

    @strawberry.field(description="Analytics: the visible deal lineages changed at or after `changedSince`, oldest "
                      "change first; nested opportunities, quotes and orders load in one round trip per level.")
    async def deal_lineages(
        self, info: Info,
        changed_since: Annotated[datetime | None, strawberry.argument(
            description="Only lineages with a change at or after this moment (UTC); all when left out.")] = None,
        partner_subtree: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only deals registered by this partner or a partner below it.")] = None,
        program: Annotated[strawberry.ID | None, strawberry.argument(description="Only deals in this program.")] = None,
        status: Annotated[DealRegistrationStatus | None, strawberry.argument(
            description="Only registrations in this status.")] = None,
        first: Annotated[int | None, strawberry.argument(description="Page size; capped by the server.")] = None,
        after: Annotated[str | None, strawberry.argument(description="Cursor of the last edge of the previous page.")] = None,
    ) -> relay.Connection[Annotated["DealLineage", strawberry.lazy("schema.selling")]]:  # noqa: F821
        from schema.selling import DealLineage, DealRegistration

        page, parts = await selling_resolvers.lineages(info.context, changed_since, key_of(partner_subtree, "Partner"),
                                                       key_of(program, "Program"), status.value if status else None,
                                                       first, after)
        return to_connection(page, lambda r: DealLineage(registration=DealRegistration.from_record(r), parts=parts[r.id]))
