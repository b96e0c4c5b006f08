"""Writes of the applications domain: a partner application (anyone, a request without a token too: rate-limited,
then checked, then stored) and its review (reviewers only)."""

from __future__ import annotations

from typing import Any

from auth.permissions import Action
from graph.applications.records import ApplicationReceiptRecord, PartnerApplicationRecord
from graph.applications.writes import ApplicationDesk, Decision, NewApplication
from graph.shared.errors import ErrorCode, Rejected, UserError
from resolvers.applications import reads as applications_reads
from resolvers.shared.checks import Checks
from resolvers.shared.context import RequestContext
from resolvers.shared.mutations import Outcome, forbidden, run

MAX_ANSWERS = 50
MAX_ANSWER_LENGTH = 2000
RATE_LIMITED = "too many applications from this address or for this e-mail address; try again later"


def _desk(ctx: RequestContext) -> ApplicationDesk:
    return ApplicationDesk(ctx.graph, applications_reads.reviewer(ctx), ctx.viewer.person_id or None, ctx.now)


def _new_application(checks: Checks, item: Any) -> NewApplication:
    at = ("application",)
    answers, keys = [], set()
    if len(item.answers) > MAX_ANSWERS:
        checks.fail(ErrorCode.VALIDATION, f"at most {MAX_ANSWERS} answers", at + ("answers",))
    for n, answer in enumerate(item.answers):
        where = at + ("answers", str(n))
        key = checks.key(answer.question, "", where + ("question",))
        if key in keys:
            checks.fail(ErrorCode.VALIDATION, f"question {key!r} is answered twice", where + ("question",))
        keys.add(key)
        text = checks.text(answer.answer, where + ("answer",), max_length=MAX_ANSWER_LENGTH, long=True)
        answers.append((key, text or ""))
    return NewApplication(
        id=checks.key(None, "app", at),
        company=checks.text(item.company, at + ("company",)) or "",
        country=checks.country(item.country, at + ("country",)) or "",
        type=item.type.value,
        program_id=checks.node_id(item.program, "Program", at + ("program",)) or "",
        admin_name=checks.text(item.admin_name, at + ("adminName",)) or "",
        admin_email=checks.email(item.admin_email, at + ("adminEmail",)),
        answers=tuple(answers),
    )


async def submit_application(ctx: RequestContext, item: Any) -> Outcome[ApplicationReceiptRecord]:
    async def work() -> ApplicationReceiptRecord:
        # The limits first, before any check or Cypher: an attempt with bad input counts too.
        if ctx.submissions is not None and not ctx.submissions.admit(ctx.client_address,
                                                                     item.admin_email.strip().lower()):
            raise Rejected([UserError(ErrorCode.RATE_LIMITED, RATE_LIMITED, ("application",))])
        checks = Checks()
        application = _new_application(checks, item)
        checks.done()
        await _desk(ctx).submit(application)
        return ApplicationReceiptRecord(application.id, "SUBMITTED", ctx.now)

    return await run(ctx, Action.APPLY_TO_PROGRAMS, work)


async def review_application(ctx: RequestContext, application: str, decision: str, reason: str | None,
                             partner_status: str, segment: str | None) -> Outcome[PartnerApplicationRecord]:
    async def work() -> str:
        if not applications_reads.reviewer(ctx):  # a relationship manager while the setting is off
            raise Rejected([forbidden(ctx.viewer, Action.REVIEW_APPLICATIONS)])
        checks = Checks()
        application_id = checks.node_id(application, "PartnerApplication", ("application",))
        segment_id = checks.node_id(segment, "Segment", ("segment",))
        why = checks.text(reason, ("reason",), required=decision == "REJECTED", max_length=2000, long=True)
        if decision == "REJECTED" and segment is not None:
            checks.fail(ErrorCode.VALIDATION, "a rejection places no partner in a segment", ("segment",))
        checks.done()
        return await _desk(ctx).review(application_id or "", Decision(decision, why, partner_status, segment_id),
                                       field=())

    async def read_back(application_id: str) -> PartnerApplicationRecord:
        found = await applications_reads.application(ctx, application_id)
        assert found is not None, "a reviewer reads the application they decided"
        return found

    return await run(ctx, Action.REVIEW_APPLICATIONS, work, read_back)
