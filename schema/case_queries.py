"""Root query fields of the case domain."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers import cases as case_resolvers
from schema.cases import Case, CaseFilter, SlaPolicy, case_filter, node_key
from schema.pagination import to_connection


@strawberry.type
class CaseQueries:
    @strawberry.field(description="A case by global ID; null when it does not exist or is out of scope.")
    async def case(self, info: Info,
                   id: Annotated[strawberry.ID, strawberry.argument(description="The case's global ID.")]) -> Case | None:
        try:
            global_id = relay.GlobalID.from_id(id)
        except relay.GlobalIDValueError:
            return None
        if global_id.type_name != "Case":
            return None
        record = await case_resolvers.case(info.context, global_id.node_id)
        return Case.from_record(record) if record else None

    @strawberry.field(description="Every case the viewer may see, newest number first (a partner agent: the cases "
                      "assigned to them or to a queue they work). SLA filters are evaluated as of now.")
    async def cases(
        self, info: Info,
        filter: Annotated[CaseFilter | None, strawberry.argument(description="Only cases matching this filter.")] = None,
        first: Annotated[int | None, strawberry.argument(description="Page size; capped by the server.")] = None,
        after: Annotated[str | None, strawberry.argument(description="Cursor of the last edge of the previous page.")] = None,
    ) -> relay.Connection[Case]:
        f = filter or CaseFilter()
        record = case_filter(f.status, f.priority, f.open, f.breached, f.account, f.opened_by, f.queue)
        page = await case_resolvers.listing(info.context, record, first, after)
        return to_connection(page, Case.from_record)

    @strawberry.field(description="The SLA policies in force for a program segment, by priority (a priority it "
                      "sets none for falls back to the default policy); the default policies when `segment` is "
                      "null. Empty for a segment the viewer may not see.")
    async def sla_policies(
        self, info: Info,
        segment: Annotated[strawberry.ID | None, strawberry.argument(
            description="Global ID of the segment; null for the default policies.")] = None,
    ) -> list[SlaPolicy]:
        records = await case_resolvers.sla_policies(info.context, node_key(segment, "Segment", "segment"))
        return [SlaPolicy.from_record(r) for r in records]
