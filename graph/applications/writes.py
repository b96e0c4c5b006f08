"""Partner application writes: storing a submission, and its review. An approval creates, in the same write
transaction, the partner, its first admin and the partnership, through the partners and programs domains' own
statements (`partners/writes/create_partners`, `partners/writes/staff_register`, `programs/writes/onboard`):
graph domains meet only through their records, so the Cypher files are what both use (docs/APPLICATIONS.md).

Every method runs in one write transaction: it locks what it changes, reads the facts, raises `Rejected` with every
problem found, or writes. "Now" comes from the caller (the request's clock)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graph.applications.lifecycle import APPLICATION_STATUS
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError, reject_if
from graph.shared.lifecycle import check_transition

Field = tuple[str, ...]


@dataclass(frozen=True)
class NewApplication:
    id: str
    company: str
    country: str
    type: str
    program_id: str
    admin_name: str
    admin_email: str
    answers: tuple[tuple[str, str], ...]  # (question key, answer), in input order


@dataclass(frozen=True)
class Decision:
    status: str  # APPROVED or REJECTED
    reason: str | None
    partner_status: str = "PROSPECT"
    segment_id: str | None = None


def _key(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:16]}"


class ApplicationDesk:
    def __init__(self, session: GraphSession, reviewer: bool, person_id: str | None, now: datetime):
        self.session = session
        self.reviewer = reviewer
        self.person_id = person_id
        self.now = now

    async def submit(self, item: NewApplication) -> str:
        """Store the application; the program must be APPROVED, its required questions answered, no other
        question named. Whether the company or the e-mail is known already changes nothing here."""

        async def work(tx: CountingTransaction) -> str:
            (facts,) = await tx.query("applications/writes/submit_check", programId=item.program_id)
            if facts["programStatus"] != "APPROVED":
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "no program open for applications has this ID",
                                          ("application", "program"))])
            asked = {q["key"]: q["required"] for q in facts["questions"]}
            answered = {key for key, _ in item.answers}
            errors = [UserError(ErrorCode.VALIDATION, f"the program asks no question {key!r}",
                                ("application", "answers", str(n), "question"))
                      for n, (key, _) in enumerate(item.answers) if key not in asked]
            errors += [UserError(ErrorCode.VALIDATION, f"question {key!r} must be answered", ("application", "answers"))
                       for key, required in sorted(asked.items()) if required and key not in answered]
            reject_if(errors)
            (row,) = await tx.query("applications/writes/submit", now=self.now, row={
                "id": item.id, "company": item.company, "country": item.country, "type": item.type,
                "programId": item.program_id, "adminName": item.admin_name, "adminEmail": item.admin_email,
                "answerKeys": [key for key, _ in item.answers], "answerTexts": [text for _, text in item.answers]})
            return row["id"]

        return await self.session.write_transaction(work)

    async def review(self, application_id: str, decision: Decision, field: Field) -> str:
        """Decide a SUBMITTED application. Approval: the partner (in the status chosen), its admin (MEMBER_OF,
        ADMIN) and a PENDING partnership in the program, at the given segment or the program's default; refused
        with CONFLICT, writing nothing, when a person has the admin e-mail by now."""

        async def work(tx: CountingTransaction) -> str:
            rows = await tx.query("applications/writes/lock", id=application_id, segmentId=decision.segment_id,
                                  reviewer=self.reviewer)
            if not rows:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "application not found", field + ("application",))])
            (facts,) = rows
            application = facts["application"]
            current = application["status"]
            if current != "SUBMITTED":
                raise Rejected([UserError(ErrorCode.CONFLICT, f"the application was already decided ({current})",
                                          field + ("application",))])
            check_transition(APPLICATION_STATUS, "a partner application", current, decision.status,
                             field + ("decision",))
            partner_id = None
            if decision.status == "APPROVED":
                partner_id = await self._approve(tx, facts, decision, field)
            await tx.query("applications/writes/decide", id=application_id, status=decision.status,
                           reason=decision.reason, partnerId=partner_id, personId=self.person_id, now=self.now)
            return application_id

        return await self.session.write_transaction(work)

    async def _approve(self, tx: CountingTransaction, facts: dict[str, Any], decision: Decision,
                       field: Field) -> str:
        application = facts["application"]
        errors: list[UserError] = []
        if facts["emailTaken"]:
            errors.append(UserError(ErrorCode.CONFLICT, f"{application['adminEmail']} belongs to a person already",
                                    field + ("application",)))
        if facts["programStatus"] != "APPROVED":
            errors.append(UserError(ErrorCode.VALIDATION, f"the program is {facts['programStatus']}: partners join "
                                    "APPROVED programs only", field + ("application",)))
        if decision.segment_id is not None and not facts["segmentFound"]:
            errors.append(UserError(ErrorCode.NOT_FOUND, "segment not found", field + ("segment",)))
        elif decision.segment_id is not None and not facts["segmentInProgram"]:
            errors.append(UserError(ErrorCode.VALIDATION, "the segment belongs to another program",
                                    field + ("segment",)))
        reject_if(errors)
        partner_id = _key("p")
        await tx.query("partners/writes/create_partners", rows=[{
            "id": partner_id, "name": application["company"], "type": application["type"],
            "status": decision.partner_status, "country": application["country"], "currency": None, "parentId": None}])
        await tx.query("partners/writes/staff_register", rows=[{
            "id": _key("person"), "partnerId": partner_id, "name": application["adminName"],
            "email": application["adminEmail"], "role": "ADMIN"}])
        await tx.query("programs/writes/onboard", assignedBy=self.person_id, rows=[{
            "id": _key("ps"), "partnerId": partner_id, "programId": facts["programId"],
            "segmentId": decision.segment_id or facts["defaultSegmentId"]}])
        return partner_id
