"""Case changes: open, comment (partner comment or enterprise work note), assign, status moves; and the
SLA policies new cases are opened under."""

from __future__ import annotations

import uuid
from datetime import timedelta

from auth.permissions import Action
from auth.personas import Persona
from graph.cases.records import CaseCommentRecord, CaseRecord, SlaPolicyRecord
from graph.cases.writes import CaseSetup, NewCase
from graph.shared.errors import ErrorCode
from resolvers.cases.reads import now
from resolvers.shared.checks import Checks
from resolvers.shared.context import RequestContext
from resolvers.shared.mutations import Outcome, run

ABOUT_TYPES = ("Product", "Order", "DealRegistration")
CASE_WORKERS = frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_AGENT})
MAX_SLA_MINUTES = 366 * 24 * 60  # SLA targets run to a year at most


def reopen_window(ctx: RequestContext) -> timedelta:
    """How long after resolution a case may be reopened (PARTNERGRAPH_CASE_REOPEN_DAYS)."""
    return timedelta(days=ctx.rules.case_reopen_days)


def _setup(ctx: RequestContext) -> CaseSetup:
    viewer = ctx.viewer
    return CaseSetup(ctx.graph, viewer.scope, viewer.person_id, viewer.persona in CASE_WORKERS, now(ctx))


def _case_id(checks: Checks, value: str) -> str | None:
    return checks.node_id(value, "Case", ("case",))


async def open_case(ctx: RequestContext, item) -> Outcome[CaseRecord]:
    async def work() -> CaseRecord:
        checks = Checks()
        about_label, about_id = checks.typed_node_id(item.about, ABOUT_TYPES, ("about",)) or (None, None)
        new_case = NewCase(
            id=checks.key(item.key, "case", ("key",)),
            partner_id=checks.node_id(item.partner, "Partner", ("partner",)),
            subject=checks.text(item.subject, ("subject",)),
            description=checks.text(item.description, ("description",), required=False, max_length=10_000,
                                    long=True),
            category=checks.text(item.category, ("category",), required=False, max_length=100),
            priority=item.priority.value,
            account_id=checks.node_id(item.account, "Account", ("account",)),
            about_id=about_id,
            about_label=about_label,
            owner_id=checks.node_id(item.owner, "Person", ("owner",)),
        )
        checks.done()
        return await _setup(ctx).open(new_case)

    return await run(ctx, Action.OPEN_CASES, work)


async def add_comment(ctx: RequestContext, case: str, body: str,
                      internal: bool) -> Outcome[tuple[CaseRecord, CaseCommentRecord]]:
    async def work() -> tuple[CaseRecord, CaseCommentRecord]:
        checks = Checks()
        if internal and ctx.viewer.persona not in CASE_WORKERS:
            checks.fail(ErrorCode.FORBIDDEN, "only enterprise staff who work cases write work notes", ("internal",))
        case_id = _case_id(checks, case)
        text = checks.text(body, ("body",), max_length=10_000, long=True)
        checks.done()
        return await _setup(ctx).comment(case_id, f"cc-{uuid.uuid4().hex[:16]}", text, internal,
                                         ctx.viewer.persona in CASE_WORKERS)

    return await run(ctx, Action.COMMENT_ON_CASES, work)


async def assign_case(ctx: RequestContext, case: str, agent: str | None, queue: str | None) -> Outcome[CaseRecord]:
    async def work() -> CaseRecord:
        checks = Checks()
        case_id = _case_id(checks, case)
        if (agent is None) == (queue is None):
            checks.fail(ErrorCode.VALIDATION, "give either an agent or a queue", ("agent",))
        agent_id = checks.node_id(agent, "Person", ("agent",))
        queue_id = checks.node_id(queue, "Queue", ("queue",))
        checks.done()
        return await _setup(ctx).assign(case_id, agent_id, queue_id)

    return await run(ctx, Action.WORK_CASES, work)


async def change_status(ctx: RequestContext, case: str, status: str) -> Outcome[CaseRecord]:
    async def work() -> CaseRecord:
        checks = Checks()
        case_id = _case_id(checks, case)
        checks.done()
        return await _setup(ctx).change_status(case_id, status, reopen_window(ctx))

    return await run(ctx, Action.MOVE_CASES, work)


async def set_sla_policy(ctx: RequestContext, segment: str | None, priority: str, response_minutes: int,
                         resolution_minutes: int) -> Outcome[SlaPolicyRecord]:
    async def work() -> SlaPolicyRecord:
        checks = Checks()
        segment_id = checks.node_id(segment, "Segment", ("segment",))
        for value, field in ((response_minutes, "responseMinutes"), (resolution_minutes, "resolutionMinutes")):
            if value <= 0:
                checks.fail(ErrorCode.VALIDATION, "must be a positive number of minutes", (field,))
            elif value > MAX_SLA_MINUTES:
                checks.fail(ErrorCode.VALIDATION, f"at most {MAX_SLA_MINUTES} minutes (366 days)", (field,))
        if 0 < resolution_minutes < response_minutes:
            checks.fail(ErrorCode.VALIDATION, "the response target must not be later than the resolution target",
                        ("responseMinutes",))
        checks.done()
        return await _setup(ctx).set_sla_policy(segment_id, priority, response_minutes, resolution_minutes)

    return await run(ctx, Action.SET_SLA_POLICIES, work)
