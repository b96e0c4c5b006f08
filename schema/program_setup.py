"""Setup step 2 mutations: programs, segments, criteria, the program lifecycle."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers import program_setup
from schema.admission import requires
from schema.errors import UserError, user_errors
from schema.criterion_metrics import CriterionMetric
from schema.programs import CriterionOperator, Program, ProgramKind, ProgramStatus, Segment


@strawberry.input(description="A condition a partner must meet to be in a segment.")
class CriterionInput:
    metric: CriterionMetric = strawberry.field(description="The partner metric measured.")
    operator: CriterionOperator = strawberry.field(description="How the metric compares with the threshold.")
    threshold: float = strawberry.field(description="The value the metric is compared with.")


@strawberry.input(description="A segment (tier) of a program.")
class SegmentInput:
    name: str = strawberry.field(description="Display name, e.g. Gold.")
    rank: int = strawberry.field(description="Position in the program, 1 being the top; unique per program.")
    is_default: bool = strawberry.field(description="Whether new partnerships start here; exactly one per program.")
    criteria: list[CriterionInput] = strawberry.field(default_factory=list,
                                                      description="What a partner must meet to be in the segment.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.input(description="A partner program to create; it starts as a DRAFT.")
class CreateProgramInput:
    name: str = strawberry.field(description="Display name.")
    kind: ProgramKind = strawberry.field(description="The kind of program.")
    internal_org: strawberry.ID = strawberry.field(description="Global ID of the internal organization that runs it.")
    start_date: date = strawberry.field(description="The first day of the program.")
    segments: list[SegmentInput] = strawberry.field(description="The program's segments: exactly one default, "
                                                    "ranks unique.")
    end_date: date | None = strawberry.field(default=None, description="The last day; not before the start date.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


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
        outcome = await program_setup.create_programs(info.context, programs)
        return CreateProgramsPayload(programs=[Program.from_record(r) for r in outcome.result or []],
                                     errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Add a segment to a program that is not RETIRED (enterprise admin). Its rank "
                         "must be free; a program has one default segment (move it with setDefaultSegment).",
                         metadata=requires(Action.SETUP_PROGRAMS))
    async def add_segment(
        self, info: Info, program: ProgramArg,
        segment: Annotated[SegmentInput, strawberry.argument(description="The segment to add.")],
    ) -> SegmentPayload:
        return _segment_payload(await program_setup.add_segment(info.context, program, segment))

    @strawberry.mutation(description="Make a segment its program's default, in place of the current one "
                         "(enterprise admin).", metadata=requires(Action.SETUP_PROGRAMS))
    async def set_default_segment(self, info: Info, segment: SegmentArg) -> SegmentPayload:
        return _segment_payload(await program_setup.set_default_segment(info.context, segment))

    @strawberry.mutation(description="Add criteria to a segment (enterprise admin).",
                         metadata=requires(Action.SETUP_PROGRAMS))
    async def add_criteria(
        self, info: Info, segment: SegmentArg,
        criteria: Annotated[list[CriterionInput], strawberry.argument(description="The criteria to add.")],
    ) -> SegmentPayload:
        return _segment_payload(await program_setup.add_criteria(info.context, segment, criteria))

    @strawberry.mutation(description="Move a program along DRAFT → APPROVED → RETIRED (or DRAFT → RETIRED) "
                         "(enterprise admin).", metadata=requires(Action.SETUP_PROGRAMS))
    async def change_program_status(
        self, info: Info, program: ProgramArg,
        status: Annotated[ProgramStatus, strawberry.argument(description="The new status.")],
    ) -> ProgramPayload:
        return _program_payload(await program_setup.change_program_status(info.context, program, status.value))
