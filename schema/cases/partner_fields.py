"""The fields the cases domain adds to `Partner`: its cases."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.cases import reads as cases_reads
from schema.cases.enums import CasePriority, CaseStatus
from schema.cases.types import Case, case_filter
from schema.shared.graph_mapping import Shape, reach
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.type
class PartnerCaseFields:
    @strawberry.field(description="The partner's cases the viewer may see, newest number first; with "
                      "`includeSubtree`, also those of every visible partner below it (one query for a whole "
                      "channel). SLA filters are evaluated as of now.", metadata=reach(
        "CALL ({parent}) { MATCH ({parent})<-[:FOR_PARTNER]-(_case:Case) RETURN _case UNION "
        "MATCH ({parent})-[:PARENT_OF*1..]->(_below:Partner)<-[:FOR_PARTNER]-(_case:Case) "
        "WHERE $subtree AND {{partner_visible(_below)}} RETURN _case } "
        "WITH _case AS {node} WHERE {{case_visible({node})}} AND ($after IS NULL OR {node}.number < $after.value) "
        "WITH {node}, {{case_sla({node})}} AS sla WHERE {{case_filter({node})}}",
        Shape.PAGE, order="{node}.number DESC", cursor="[{node}.number, {node}.id]",
        arguments=lambda args, ctx: {
            "filter": case_filter(args.get("status"), args.get("priority"), args.get("open"), args.get("breached"),
                                  args.get("account"), args.get("opened_by")).as_param(),
            "subtree": args["include_subtree"]}))
    async def cases(
        self, info: Info,
        status: Annotated[list[CaseStatus] | None, strawberry.argument(description="Any of these statuses.")] = None,
        priority: Annotated[list[CasePriority] | None,
                            strawberry.argument(description="Any of these priorities.")] = None,
        open: Annotated[bool | None, strawberry.argument(
            description="true: NEW, IN_PROGRESS or AWAITING_PARTNER only; false: the others only.")] = None,
        breached: Annotated[bool | None, strawberry.argument(
            description="true: only cases that breached a response or resolution target; false: only those "
            "that did not.")] = None,
        account: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only cases for this account (global ID).")] = None,
        opened_by: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only cases opened by this person (global ID).")] = None,
        include_subtree: Annotated[bool, strawberry.argument(
            description="Also the cases of the visible partners below this one.")] = False,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Case]:
        filter = case_filter(status, priority, open, breached, account, opened_by)
        page = await cases_reads.of_partner(info.context, self.id, filter, include_subtree, first, after)
        return to_connection(page, Case.from_record)
