"""Writes of the programs domain (setup steps 2 and 3): programs, their segments (exactly one default) and
criteria; onboarding partners into programs, partnership lifecycle and segment changes."""

from __future__ import annotations

import math
from typing import Any

from auth.permissions import Action
from graph.programs.records import ApplicationQuestionRecord, PartnershipRecord, ProgramRecord, SegmentRecord
from graph.programs.writes import NewCriterion, NewPartnership, NewProgram, NewSegment, PartnershipSetup, ProgramSetup
from graph.shared.errors import ErrorCode
from resolvers.shared.checks import Checks, Field
from resolvers.shared.context import RequestContext
from resolvers.shared.mutations import Outcome, run


def _program_setup(ctx: RequestContext) -> ProgramSetup:
    return ProgramSetup(ctx.graph, ctx.viewer.scope)


def _criterion(checks: Checks, item: Any, at: Field) -> NewCriterion:
    if not math.isfinite(item.threshold):
        checks.fail(ErrorCode.VALIDATION, "must be a finite number", at + ("threshold",))
    return NewCriterion(id=checks.key(None, "crit", at), metric=item.metric.value, operator=item.operator.value,
                        threshold=float(item.threshold))


def _criteria(checks: Checks, items: list[Any], at: Field) -> tuple[NewCriterion, ...]:
    if len(items) > 100:
        checks.fail(ErrorCode.VALIDATION, "at most 100 criteria per segment", at)
    return tuple(_criterion(checks, c, at + (str(n),)) for n, c in enumerate(items))


def _segment(checks: Checks, item: Any, at: Field) -> NewSegment:
    if item.rank < 1:
        checks.fail(ErrorCode.VALIDATION, "ranks start at 1 (the top segment)", at + ("rank",))
    return NewSegment(id=checks.key(item.key, "seg", at + ("key",)), name=checks.text(item.name, at + ("name",)),
                      rank=item.rank, is_default=item.is_default,
                      criteria=_criteria(checks, item.criteria or [], at + ("criteria",)), field=at)


async def create_programs(ctx: RequestContext, items: list[Any]) -> Outcome[list[ProgramRecord]]:
    async def work() -> list[ProgramRecord]:
        checks = Checks()
        checks.batch(items, ("programs",))
        programs = []
        for index, item in enumerate(items):
            at = ("programs", str(index))
            segments = tuple(_segment(checks, s, at + ("segments", str(n))) for n, s in enumerate(item.segments))
            defaults = sum(1 for s in segments if s.is_default)
            if defaults != 1:
                checks.fail(ErrorCode.VALIDATION, f"a program has exactly one default segment; {defaults} given",
                            at + ("segments",))
            ranks: set[int] = set()
            for segment in segments:
                if segment.rank in ranks:
                    checks.fail(ErrorCode.VALIDATION, f"rank {segment.rank} is given to an earlier segment too",
                                segment.field + ("rank",))
                ranks.add(segment.rank)
            if item.end_date is not None and item.end_date < item.start_date:
                checks.fail(ErrorCode.VALIDATION, "the end date is before the start date", at + ("endDate",))
            programs.append(NewProgram(
                id=checks.key(item.key, "prog", at + ("key",)),
                name=checks.text(item.name, at + ("name",)),
                kind=item.kind.value,
                internal_org_id=checks.node_id(item.internal_org, "InternalOrg", at + ("internalOrg",)),
                start_date=item.start_date,
                end_date=item.end_date,
                segments=segments,
                field=at,
            ))
        checks.done()
        return await _program_setup(ctx).create(programs)

    return await run(ctx, Action.SETUP_PROGRAMS, work)


async def add_segment(ctx: RequestContext, program: str, segment: Any) -> Outcome[SegmentRecord]:
    async def work() -> SegmentRecord:
        checks = Checks()
        program_id = checks.node_id(program, "Program", ("program",))
        new_segment = _segment(checks, segment, ("segment",))
        checks.done()
        return await _program_setup(ctx).add_segment(program_id, new_segment, field=())

    return await run(ctx, Action.SETUP_PROGRAMS, work)


async def set_default_segment(ctx: RequestContext, segment: str) -> Outcome[SegmentRecord]:
    async def work() -> SegmentRecord:
        checks = Checks()
        segment_id = checks.node_id(segment, "Segment", ("segment",))
        checks.done()
        return await _program_setup(ctx).set_default_segment(segment_id, field=())

    return await run(ctx, Action.SETUP_PROGRAMS, work)


async def add_criteria(ctx: RequestContext, segment: str, criteria: list[Any]) -> Outcome[SegmentRecord]:
    async def work() -> SegmentRecord:
        checks = Checks()
        segment_id = checks.node_id(segment, "Segment", ("segment",))
        checks.batch(criteria, ("criteria",))
        new_criteria = _criteria(checks, criteria, ("criteria",))
        checks.done()
        return await _program_setup(ctx).add_criteria(segment_id, list(new_criteria), field=())

    return await run(ctx, Action.SETUP_PROGRAMS, work)


async def change_program_status(ctx: RequestContext, program: str, status: str) -> Outcome[ProgramRecord]:
    async def work() -> ProgramRecord:
        checks = Checks()
        program_id = checks.node_id(program, "Program", ("program",))
        checks.done()
        return await _program_setup(ctx).change_status(program_id, status, field=())

    return await run(ctx, Action.SETUP_PROGRAMS, work)


MAX_QUESTIONS = 50


async def set_application_questions(ctx: RequestContext, program: str,
                                    questions: list[Any]) -> Outcome[ProgramRecord]:
    async def work() -> ProgramRecord:
        checks = Checks()
        program_id = checks.node_id(program, "Program", ("program",))
        if len(questions) > MAX_QUESTIONS:
            checks.fail(ErrorCode.VALIDATION, f"at most {MAX_QUESTIONS} questions per program", ("questions",))
        asked, keys = [], set()
        for n, question in enumerate(questions):
            at = ("questions", str(n))
            key = checks.key(question.key, "q", at + ("key",))
            if key in keys:
                checks.fail(ErrorCode.VALIDATION, f"key {key!r} is given to an earlier question too", at + ("key",))
            keys.add(key)
            text = checks.text(question.text, at + ("text",), max_length=500)
            asked.append(ApplicationQuestionRecord(key=key, text=text or "", required=question.required))
        checks.done()
        return await _program_setup(ctx).set_application_questions(program_id, asked, field=())

    return await run(ctx, Action.SETUP_PROGRAMS, work)


def _partnership_setup(ctx: RequestContext) -> PartnershipSetup:
    viewer = ctx.viewer
    return PartnershipSetup(ctx.graph, viewer.scope, viewer.person_id)


async def onboard_partnerships(ctx: RequestContext, items: list[Any]) -> Outcome[list[PartnershipRecord]]:
    async def work() -> list[PartnershipRecord]:
        checks = Checks()
        checks.batch(items, ("partnerships",))
        partnerships = []
        for index, item in enumerate(items):
            at = ("partnerships", str(index))
            partnerships.append(NewPartnership(
                id=checks.key(item.key, "ps", at + ("key",)),
                partner_id=checks.node_id(item.partner, "Partner", at + ("partner",)),
                program_id=checks.node_id(item.program, "Program", at + ("program",)),
                segment_id=checks.node_id(item.segment, "Segment", at + ("segment",)),
                field=at,
            ))
        checks.done()
        return await _partnership_setup(ctx).onboard(partnerships)

    return await run(ctx, Action.ONBOARD_PARTNERSHIPS, work)


async def change_partnership_status(ctx: RequestContext, partnership: str, status: str) -> Outcome[PartnershipRecord]:
    async def work() -> PartnershipRecord:
        checks = Checks()
        partnership_id = checks.node_id(partnership, "Partnership", ("partnership",))
        checks.done()
        return await _partnership_setup(ctx).change_status(partnership_id, status, field=())

    return await run(ctx, Action.ONBOARD_PARTNERSHIPS, work)


async def change_partnership_segment(ctx: RequestContext, partnership: str, segment: str,
                                     reason: str) -> Outcome[PartnershipRecord]:
    async def work() -> PartnershipRecord:
        checks = Checks()
        partnership_id = checks.node_id(partnership, "Partnership", ("partnership",))
        segment_id = checks.node_id(segment, "Segment", ("segment",))
        why = checks.text(reason, ("reason",), max_length=500, long=True)
        checks.done()
        return await _partnership_setup(ctx).change_segment(partnership_id, segment_id, why, field=())

    return await run(ctx, Action.ONBOARD_PARTNERSHIPS, work)
