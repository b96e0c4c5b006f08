"""Root query fields of the cases domain."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.cases import reads as cases_reads
from resolvers.shared.global_ids import key_of
from schema.cases.inputs import CaseFilter
from schema.cases.types import Case, CaseCategory, SlaPolicy, case_filter
from schema.shared.graph_mapping import reach
from schema.shared.nodes import GlobalIdArg, node_by_id
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.type
class CaseQueries:
    @strawberry.field(description="Every case category, by code, named in the request's language (what a case's "
                      "`category` may name; docs/LANGUAGES.md).")
    async def case_categories(self, info: Info) -> list[CaseCategory]:
        return [CaseCategory.from_record(r) for r in await cases_reads.case_categories(info.context)]

    @strawberry.field(description="A case by global ID; null when it does not exist or is out of scope.",
                      metadata=reach("MATCH ({node}:Case {id: $id}) WHERE {{case_visible({node})}}",
                                     arguments=lambda args, ctx: {"id": key_of(args["id"], "Case", "id")}))
    async def case(self, info: Info, id: GlobalIdArg) -> Case | None:
        return await node_by_id(info, id, Case)

    @strawberry.field(description="Every case the viewer may see, newest number first (a partner agent: the cases "
                      "assigned to them or to a queue they work). SLA filters are evaluated as of now.")
    async def cases(
        self, info: Info,
        filter: Annotated[CaseFilter | None,
                          strawberry.argument(description="Only cases matching this filter.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Case]:
        f = filter or CaseFilter()
        record = case_filter(f.status, f.priority, f.open, f.breached, f.account, f.opened_by, f.queue)
        page = await cases_reads.listing(info.context, record, first, after)
        return to_connection(page, Case.from_record)

    @strawberry.field(description="The SLA policies in force for a program segment, by priority (a priority it "
                      "sets none for falls back to the default policy); the default policies when `segment` is "
                      "null. Empty for a segment the viewer may not see.")
    async def sla_policies(
        self, info: Info,
        segment: Annotated[strawberry.ID | None, strawberry.argument(
            description="Global ID of the segment; null for the default policies.")] = None,
    ) -> list[SlaPolicy]:
        records = await cases_reads.sla_policies(info.context, key_of(segment, "Segment", "segment"))
        return [SlaPolicy.from_record(r) for r in records]
