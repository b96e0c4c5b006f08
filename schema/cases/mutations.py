"""Mutations of the cases domain: open, comment, assign, move through the case lifecycle; SLA policies."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.cases import writes as cases_writes
from schema.cases.enums import CasePriority, CaseStatus
from schema.cases.inputs import OpenCaseInput
from schema.cases.types import Case, CaseComment, SlaPolicy
from schema.shared.admission import requires
from schema.shared.payloads import Result, payload

CASE_NOW = Result("case", Case, "The case as it is now")

CasePayload = payload("CasePayload", "Result of a mutation on one case.", CASE_NOW)

AddCaseCommentPayload = payload("AddCaseCommentPayload", "Result of addCaseComment.", CASE_NOW,
                                Result("comment", CaseComment, "The comment added"))


SlaPolicyPayload = payload("SlaPolicyPayload", "Result of setSlaPolicy.",
                           Result("policy", SlaPolicy, "The policy as it is now"))


CaseArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the case.")]


@strawberry.type
class CaseMutations:
    @strawberry.mutation(description="Open a case (partner admin, manager or associate, for a partner in their "
                         "scope). It starts NEW in the default queue, under the SLA targets of the partner's best "
                         "segment for its priority (or the default targets).", metadata=requires(Action.OPEN_CASES))
    async def open_case(
        self, info: Info, case: Annotated[OpenCaseInput, strawberry.argument(description="The case to open.")],
    ) -> CasePayload:
        return CasePayload.from_outcome(await cases_writes.open_case(info.context, case))

    @strawberry.mutation(description="Comment on a case: partner staff and enterprise agents write partner-visible "
                         "comments; only the enterprise admin and partner agents write work notes (`internal`). "
                         "A comment by partner staff on a case AWAITING_PARTNER supplies the information asked "
                         "for: the case goes back to IN_PROGRESS and its SLA clock resumes. A CLOSED or CANCELLED "
                         "case takes no comments.", metadata=requires(Action.COMMENT_ON_CASES))
    async def add_case_comment(
        self, info: Info, case: CaseArg,
        body: Annotated[str, strawberry.argument(description="The text.")],
        internal: Annotated[bool, strawberry.argument(
            description="An enterprise-only work note, never shown to partner staff.")] = False,
    ) -> AddCaseCommentPayload:
        return AddCaseCommentPayload.from_outcome(await cases_writes.add_comment(info.context, case, body, internal))

    @strawberry.mutation(description="Assign a case to an enterprise partner agent or to a queue (enterprise admin, "
                         "partner agent); give exactly one.", metadata=requires(Action.WORK_CASES))
    async def assign_case(
        self, info: Info, case: CaseArg,
        agent: Annotated[strawberry.ID | None, strawberry.argument(
            description="Global ID of a person employed as PARTNER_AGENT.")] = None,
        queue: Annotated[strawberry.ID | None, strawberry.argument(description="Global ID of a queue.")] = None,
    ) -> CasePayload:
        return CasePayload.from_outcome(await cases_writes.assign_case(info.context, case, agent, queue))

    @strawberry.mutation(description="Move a case through its lifecycle. Partner staff supply information "
                         "(AWAITING_PARTNER → IN_PROGRESS), confirm closure (RESOLVED → CLOSED), reopen (RESOLVED "
                         "→ IN_PROGRESS, within PARTNERGRAPH_CASE_REOPEN_DAYS of resolution) and cancel; the "
                         "enterprise admin and partner agents make every move, resolving included.",
                         metadata=requires(Action.MOVE_CASES))
    async def change_case_status(
        self, info: Info, case: CaseArg,
        status: Annotated[CaseStatus, strawberry.argument(description="The new status.")],
    ) -> CasePayload:
        return CasePayload.from_outcome(await cases_writes.change_status(info.context, case, status.value))

    @strawberry.mutation(description="Create or replace the SLA targets of a program segment, or the default "
                         "targets, for one priority (enterprise admin). Cases opened afterwards use them; cases "
                         "already open keep the targets copied when they were opened.",
                         metadata=requires(Action.SET_SLA_POLICIES))
    async def set_sla_policy(
        self, info: Info, *,
        segment: Annotated[strawberry.ID | None, strawberry.argument(
            description="Global ID of the segment; null sets the default policy, used when none of a partner's "
            "segments sets targets for the priority.")] = None,
        priority: Annotated[CasePriority, strawberry.argument(description="The case priority the targets are for.")],
        response_minutes: Annotated[int, strawberry.argument(
            description="Minutes from opening to the first response; positive, at most the resolution target.")],
        resolution_minutes: Annotated[int, strawberry.argument(
            description="Minutes from opening to resolution, time paused not counted; positive, at most 366 days.")],
    ) -> SlaPolicyPayload:
        return SlaPolicyPayload.from_outcome(await cases_writes.set_sla_policy(
            info.context, segment, priority.value, response_minutes, resolution_minutes))
