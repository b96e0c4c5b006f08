"""Inputs of the programs domain: programs, segments, criteria and partnerships to create."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.programs.enums import CriterionMetric, CriterionOperator, ProgramKind


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


@strawberry.input(description="A partner to onboard into a program.")
class OnboardPartnershipInput:
    partner: strawberry.ID = strawberry.field(description="Global ID of the partner.")
    program: strawberry.ID = strawberry.field(description="Global ID of the program; not a RETIRED one.")
    segment: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the starting segment, one of the program's; its default when left out.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.input(description="A question a program asks of partners applying to it.")
class ApplicationQuestionInput:
    key: str = strawberry.field(description="Stable key the answers name: letters, digits, '.', '_' or '-', at most "
                                "64; unique in the program.")
    text: str = strawberry.field(description="The question, as applicants read it (at most 500 characters).")
    required: bool = strawberry.field(default=False, description="Whether an application must answer it.")
