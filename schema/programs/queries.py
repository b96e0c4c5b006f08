"""Root query fields of the programs domain."""

from __future__ import annotations

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.programs import reads as programs_reads
from resolvers.shared.global_ids import key_of
from schema.programs.types import Program, StatusArg
from schema.shared.graph_mapping import Shape, reach
from schema.shared.nodes import GlobalIdArg, node_by_id
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.type
class ProgramQueries:
    @strawberry.field(description="A partner program by global ID; null when it does not exist or is not visible "
                      "(partner staff do not see DRAFT programs).", metadata=reach(
        "MATCH ({node}:Program {id: $id}) WHERE {{program_visible({node})}}",
        arguments=lambda args, ctx: {"id": key_of(args["id"], "Program", "id")}))
    async def program(self, info: Info, id: GlobalIdArg) -> Program | None:
        return await node_by_id(info, id, Program)

    @strawberry.field(description="The partner programs the viewer may see, by name.", metadata=reach(
        "MATCH ({node}:Program) WHERE {{program_visible({node})}} AND ($status IS NULL OR {node}.status = $status) "
        "AND {{after_cursor({node})}}", Shape.PAGE, order="{node}.name, {node}.id",
        arguments=lambda args, ctx: {"status": args["status"].value if args.get("status") else None}))
    async def programs(self, info: Info, status: StatusArg = None, first: FirstArg = None,
                       after: AfterArg = None) -> relay.Connection[Program]:
        page = await programs_reads.programs(info.context, status.value if status else None, first, after)
        return to_connection(page, Program.from_record)
