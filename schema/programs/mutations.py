"""Setup step 2 mutations: programs, segments, criteria, the program lifecycle."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.programs import writes as programs_writes
from schema.programs.enums import PartnershipStatus, ProgramStatus
from schema.programs.inputs import CreateProgramInput, CriterionInput, OnboardPartnershipInput, SegmentInput
from schema.programs.types import Partnership, Program, Segment
from schema.shared.admission import requires
from schema.shared.errors import UserError, user_errors


@strawberry.type(description="Result of createPrograms.")
class CreateProgramsPayload:
    programs: list[Program] = strawberry.field(description="The programs created, in input order; empty on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing was created; empty on success.")


@strawberry.type(description="Result of a mutation on one program.")
class ProgramPayload:
    program: Program | None = strawberry.field(description="The program as it is now; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


@strawberry.type(description="Result of a mutation on one segment.")
class SegmentPayload:
    segment: Segment | None = strawberry.field(description="The segment as it is now; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


ProgramArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the program.")]


SegmentArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the segment.")]


def _program_payload(outcome) -> ProgramPayload:
    return ProgramPayload(program=Program.from_record(outcome.result) if outcome.result else None,
                          errors=user_errors(outcome.errors))


def _segment_payload(outcome) -> SegmentPayload:
    return SegmentPayload(segment=Segment.from_record(outcome.result) if outcome.result else None,
                          errors=user_errors(outcome.errors))


@strawberry.type
class ProgramSetupMutations:
    @strawberry.mutation(description="Create partner programs, as DRAFTs, with their segments and criteria "
                         "(enterprise admin). All or nothing: one bad item and none is created.",
                         metadata=requires(Action.SETUP_PROGRAMS))
    async def create_programs(
        self, info: Info,
        programs: Annotated[list[CreateProgramInput], strawberry.argument(description="The programs to create.")],
    ) -> CreateProgramsPayload:
        outcome = await programs_writes.create_programs(info.context, programs)
        return CreateProgramsPayload(programs=[Program.from_record(r) for r in outcome.result or []],
                                     errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Add a segment to a program that is not RETIRED (enterprise admin). Its rank "
                         "must be free; a program has one default segment (move it with setDefaultSegment).",
                         metadata=requires(Action.SETUP_PROGRAMS))
    async def add_segment(
        self, info: Info, program: ProgramArg,
        segment: Annotated[SegmentInput, strawberry.argument(description="The segment to add.")],
    ) -> SegmentPayload:
        return _segment_payload(await programs_writes.add_segment(info.context, program, segment))

    @strawberry.mutation(description="Make a segment its program's default, in place of the current one "
                         "(enterprise admin).", metadata=requires(Action.SETUP_PROGRAMS))
    async def set_default_segment(self, info: Info, segment: SegmentArg) -> SegmentPayload:
        return _segment_payload(await programs_writes.set_default_segment(info.context, segment))

    @strawberry.mutation(description="Add criteria to a segment (enterprise admin).",
                         metadata=requires(Action.SETUP_PROGRAMS))
    async def add_criteria(
        self, info: Info, segment: SegmentArg,
        criteria: Annotated[list[CriterionInput], strawberry.argument(description="The criteria to add.")],
    ) -> SegmentPayload:
        return _segment_payload(await programs_writes.add_criteria(info.context, segment, criteria))

    @strawberry.mutation(description="Move a program along DRAFT → APPROVED → RETIRED (or DRAFT → RETIRED) "
                         "(enterprise admin).", metadata=requires(Action.SETUP_PROGRAMS))
    async def change_program_status(
        self, info: Info, program: ProgramArg,
        status: Annotated[ProgramStatus, strawberry.argument(description="The new status.")],
    ) -> ProgramPayload:
        return _program_payload(await programs_writes.change_program_status(info.context, program, status.value))


@strawberry.type(description="Result of onboardPartnerships.")
class OnboardPartnershipsPayload:
    partnerships: list[Partnership] = strawberry.field(
        description="The partnerships created (PENDING), in input order; empty on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing was created; empty on success.")


@strawberry.type(description="Result of a mutation on one partnership.")
class PartnershipPayload:
    partnership: Partnership | None = strawberry.field(description="The partnership as it is now; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


PartnershipArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the partnership.")]


def _payload(outcome) -> PartnershipPayload:
    return PartnershipPayload(partnership=Partnership.from_record(outcome.result) if outcome.result else None,
                              errors=user_errors(outcome.errors))


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
        outcome = await programs_writes.onboard_partnerships(info.context, partnerships)
        return OnboardPartnershipsPayload(partnerships=[Partnership.from_record(r) for r in outcome.result or []],
                                          errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Move a partnership along PENDING → ACTIVE ⇄ SUSPENDED → TERMINATED "
                         "(enterprise admin). The first ACTIVE sets onboardedAt; TERMINATED sets offboardedAt "
                         "and closes the current segment assignment.", metadata=requires(Action.ONBOARD_PARTNERSHIPS))
    async def change_partnership_status(
        self, info: Info, partnership: PartnershipArg,
        status: Annotated[PartnershipStatus, strawberry.argument(description="The new status.")],
    ) -> PartnershipPayload:
        return _payload(await programs_writes.change_partnership_status(info.context, partnership, status.value))

    @strawberry.mutation(description="Move a partnership to another segment of its program (enterprise admin), "
                         "closing the current assignment and opening a new one in the segment history.",
                         metadata=requires(Action.ONBOARD_PARTNERSHIPS))
    async def change_partnership_segment(
        self, info: Info, partnership: PartnershipArg,
        segment: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the new segment.")],
        reason: Annotated[str, strawberry.argument(description="Why, kept in the segment history.")],
    ) -> PartnershipPayload:
        return _payload(await programs_writes.change_partnership_segment(info.context, partnership, segment, reason))
