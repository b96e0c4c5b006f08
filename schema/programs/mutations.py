"""Mutations of the programs domain (setup steps 2 and 3): programs, segments, criteria and the program
lifecycle; onboarding partners, partnership status and segment."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.programs import writes as programs_writes
from schema.programs.enums import PartnershipStatus, ProgramStatus
from schema.programs.inputs import (
    ApplicationQuestionInput,
    CreateProgramInput,
    CriterionInput,
    OnboardPartnershipInput,
    SegmentInput,
)
from schema.programs.types import Partnership, PartnershipPayload, Program, Segment
from schema.shared.admission import requires
from schema.shared.payloads import NOTHING_CREATED, Result, payload

CreateProgramsPayload = payload("CreateProgramsPayload", "Result of createPrograms.",
                                Result("programs", Program, "The programs created, in input order", many=True),
                                errors=NOTHING_CREATED)


ProgramPayload = payload("ProgramPayload", "Result of a mutation on one program.",
                         Result("program", Program, "The program as it is now"))


SegmentPayload = payload("SegmentPayload", "Result of a mutation on one segment.",
                         Result("segment", Segment, "The segment as it is now"))


ProgramArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the program.")]

SegmentArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the segment.")]


@strawberry.type
class ProgramSetupMutations:
    @strawberry.mutation(description="Create partner programs, as DRAFTs, with their segments and criteria "
                         "(enterprise admin). All or nothing: one bad item and none is created.",
                         metadata=requires(Action.SETUP_PROGRAMS))
    async def create_programs(
        self, info: Info,
        programs: Annotated[list[CreateProgramInput], strawberry.argument(description="The programs to create.")],
    ) -> CreateProgramsPayload:
        return CreateProgramsPayload.from_outcome(await programs_writes.create_programs(info.context, programs))

    @strawberry.mutation(description="Add a segment to a program that is not RETIRED (enterprise admin). Its rank "
                         "must be free; a program has one default segment (move it with setDefaultSegment).",
                         metadata=requires(Action.SETUP_PROGRAMS))
    async def add_segment(
        self, info: Info, program: ProgramArg,
        segment: Annotated[SegmentInput, strawberry.argument(description="The segment to add.")],
    ) -> SegmentPayload:
        return SegmentPayload.from_outcome(await programs_writes.add_segment(info.context, program, segment))

    @strawberry.mutation(description="Make a segment its program's default, in place of the current one "
                         "(enterprise admin).", metadata=requires(Action.SETUP_PROGRAMS))
    async def set_default_segment(self, info: Info, segment: SegmentArg) -> SegmentPayload:
        return SegmentPayload.from_outcome(await programs_writes.set_default_segment(info.context, segment))

    @strawberry.mutation(description="Add criteria to a segment (enterprise admin).",
                         metadata=requires(Action.SETUP_PROGRAMS))
    async def add_criteria(
        self, info: Info, segment: SegmentArg,
        criteria: Annotated[list[CriterionInput], strawberry.argument(description="The criteria to add.")],
    ) -> SegmentPayload:
        return SegmentPayload.from_outcome(await programs_writes.add_criteria(info.context, segment, criteria))

    @strawberry.mutation(description="Move a program along DRAFT → APPROVED → RETIRED (or DRAFT → RETIRED) "
                         "(enterprise admin).", metadata=requires(Action.SETUP_PROGRAMS))
    async def change_program_status(
        self, info: Info, program: ProgramArg,
        status: Annotated[ProgramStatus, strawberry.argument(description="The new status.")],
    ) -> ProgramPayload:
        return ProgramPayload.from_outcome(
            await programs_writes.change_program_status(info.context, program, status.value))

    @strawberry.mutation(description="Replace the questions a program asks of partners applying to join it "
                         "(enterprise admin), in the order given; an empty list removes them. Not on a RETIRED "
                         "program.", metadata=requires(Action.SETUP_PROGRAMS))
    async def set_application_questions(
        self, info: Info, program: ProgramArg,
        questions: Annotated[list[ApplicationQuestionInput], strawberry.argument(
            description="The program's questions, at most 50, keys unique.")],
    ) -> ProgramPayload:
        return ProgramPayload.from_outcome(
            await programs_writes.set_application_questions(info.context, program, questions))


OnboardPartnershipsPayload = payload(
    "OnboardPartnershipsPayload", "Result of onboardPartnerships.",
    Result("partnerships", Partnership, "The partnerships created (PENDING), in input order", many=True),
    errors=NOTHING_CREATED)


PartnershipArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the partnership.")]


@strawberry.type
class PartnershipMutations:
    @strawberry.mutation(description="Onboard partners into programs (enterprise admin): each partnership starts "
                         "PENDING in the given or the default segment. All or nothing.",
                         metadata=requires(Action.ONBOARD_PARTNERSHIPS))
    async def onboard_partnerships(
        self, info: Info,
        partnerships: Annotated[list[OnboardPartnershipInput],
                                strawberry.argument(description="The partnerships to create.")],
    ) -> OnboardPartnershipsPayload:
        return OnboardPartnershipsPayload.from_outcome(
            await programs_writes.onboard_partnerships(info.context, partnerships))

    @strawberry.mutation(description="Move a partnership along PENDING → ACTIVE ⇄ SUSPENDED → TERMINATED "
                         "(enterprise admin). The first ACTIVE sets onboardedAt; TERMINATED sets offboardedAt "
                         "and closes the current segment assignment.", metadata=requires(Action.ONBOARD_PARTNERSHIPS))
    async def change_partnership_status(
        self, info: Info, partnership: PartnershipArg,
        status: Annotated[PartnershipStatus, strawberry.argument(description="The new status.")],
    ) -> PartnershipPayload:
        return PartnershipPayload.from_outcome(
            await programs_writes.change_partnership_status(info.context, partnership, status.value))

    @strawberry.mutation(description="Move a partnership to another segment of its program (enterprise admin), "
                         "closing the current assignment and opening a new one in the segment history.",
                         metadata=requires(Action.ONBOARD_PARTNERSHIPS))
    async def change_partnership_segment(
        self, info: Info, partnership: PartnershipArg,
        segment: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the new segment.")],
        reason: Annotated[str, strawberry.argument(description="Why, kept in the segment history.")],
    ) -> PartnershipPayload:
        return PartnershipPayload.from_outcome(
            await programs_writes.change_partnership_segment(info.context, partnership, segment, reason))
