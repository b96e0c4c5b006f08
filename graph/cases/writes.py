"""Case changes in the graph: open, comment, assign, move through CASE_STATUS; and the SLA policies
cases are opened under.

Every method runs in one write transaction: it locks the case (a version bump, only when the viewer
may see it), reads its state, checks the move, raises `Rejected` with every problem found, or writes.
Times come from the caller's `now` (the request clock), never from the database clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from graph.cases.lifecycle import CASE_STATUS, FINAL_CASE_STATUSES
from graph.cases.records import CaseCommentRecord, CaseRecord, SlaPolicyRecord, case_from_row
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError, reject_if
from graph.shared.lifecycle import check_transition

Field = tuple[str, ...]

# The moves partner staff may make; enterprise staff who work cases may make every move of the machine.
PARTNER_MOVES = frozenset({
    ("AWAITING_PARTNER", "IN_PROGRESS"),  # supply the information asked for
    ("RESOLVED", "CLOSED"),  # confirm closure
    ("RESOLVED", "IN_PROGRESS"),  # reopen, within the window
    ("NEW", "CANCELLED"), ("IN_PROGRESS", "CANCELLED"), ("AWAITING_PARTNER", "CANCELLED"),  # withdraw
})


@dataclass(frozen=True)
class NewCase:
    id: str
    partner_id: str
    subject: str
    description: str | None
    category: str | None
    priority: str
    account_id: str | None
    about_id: str | None
    about_label: str | None
    owner_id: str | None


class CaseSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any], viewer_id: str, works_cases: bool,
                 now: datetime):
        self.session = session
        self.scope = scope
        self.viewer_id = viewer_id
        self.works_cases = works_cases  # enterprise staff who work cases (admin, partner agent)
        self.now = now

    async def open(self, case: NewCase) -> CaseRecord:
        async def work(tx: CountingTransaction) -> CaseRecord:
            params = {"id": case.id, "partnerId": case.partner_id, "accountId": case.account_id,
                      "aboutId": case.about_id, "aboutLabel": case.about_label, "ownerId": case.owner_id,
                      "priority": case.priority}
            (facts,) = await tx.query("cases/writes/open_check", scope=self.scope, **params)
            errors = []
            if facts["keyTaken"]:
                errors.append(UserError(ErrorCode.CONFLICT, f"a case with key {case.id!r} exists", ("key",)))
            if not facts["partnerFound"]:
                errors.append(UserError(ErrorCode.NOT_FOUND, "partner not found", ("partner",)))
            if case.account_id is not None:
                if not facts["accountFound"]:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "account not found", ("account",)))
                elif facts["partnerFound"] and not facts["accountServed"]:
                    errors.append(UserError(ErrorCode.VALIDATION, "the account is not served by the partner or a "
                                            "partner below it", ("account",)))
            if case.about_id is not None and not facts["aboutFound"]:
                errors.append(UserError(ErrorCode.NOT_FOUND, f"{case.about_label} not found", ("about",)))
            if case.owner_id is not None and facts["partnerFound"] and not facts["ownerFound"]:
                errors.append(UserError(ErrorCode.VALIDATION, "the owner must be staff of the partner", ("owner",)))
            if facts["policyId"] is None:
                errors.append(UserError(ErrorCode.VALIDATION, f"no SLA policy covers priority {case.priority}",
                                        ("priority",)))
            reject_if(errors)
            await tx.query("cases/writes/open", subject=case.subject, description=case.description,
                           category=case.category, openedBy=self.viewer_id, policyId=facts["policyId"],
                           now=self.now, **params)
            return await self._read(tx, case.id)

        return await self.session.write_transaction(work)

    async def comment(self, case_id: str, comment_id: str, body: str, internal: bool,
                      enterprise: bool) -> tuple[CaseRecord, CaseCommentRecord]:
        async def work(tx: CountingTransaction) -> tuple[CaseRecord, CaseCommentRecord]:
            facts = await self._lock(tx, case_id)
            if facts["status"] in FINAL_CASE_STATUSES:
                raise Rejected([UserError(ErrorCode.INVALID_TRANSITION,
                                          f"a {facts['status']} case takes no more comments", ("case",))])
            if not enterprise and facts["status"] == "AWAITING_PARTNER":
                # Partner staff commenting on a case that awaits them supply the information asked for:
                # the case goes back to IN_PROGRESS and the resolution clock resumes.
                await tx.query("cases/writes/set_status", id=case_id, status="IN_PROGRESS", enterprise=False,
                               now=self.now)
            (row,) = await tx.query("cases/writes/comment", id=case_id, authorId=self.viewer_id, commentId=comment_id,
                                    body=body, visibility="INTERNAL" if internal else "PARTNER",
                                    enterprise=enterprise, now=self.now)
            return await self._read(tx, case_id), CaseCommentRecord.from_map(row["comment"])

        return await self.session.write_transaction(work)

    async def assign(self, case_id: str, agent_id: str | None, queue_id: str | None) -> CaseRecord:
        async def work(tx: CountingTransaction) -> CaseRecord:
            facts = await self._lock(tx, case_id)
            if facts["status"] in FINAL_CASE_STATUSES:
                raise Rejected([UserError(ErrorCode.INVALID_TRANSITION,
                                          f"a {facts['status']} case cannot be assigned", ("case",))])
            (found,) = await tx.query("cases/writes/assign_check", agentId=agent_id, queueId=queue_id)
            if agent_id is not None and not found["agentFound"]:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "no partner agent with that ID", ("agent",))])
            if queue_id is not None and not found["queueFound"]:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "queue not found", ("queue",))])
            await tx.query("cases/writes/assign", id=case_id, agentId=agent_id, queueId=queue_id, now=self.now)
            return await self._read(tx, case_id)

        return await self.session.write_transaction(work)

    async def change_status(self, case_id: str, status: str, reopen_window: timedelta) -> CaseRecord:
        async def work(tx: CountingTransaction) -> CaseRecord:
            facts = await self._lock(tx, case_id)
            current = facts["status"]
            check_transition(CASE_STATUS, "a case", current, status, ("status",))
            if not self.works_cases and (current, status) not in PARTNER_MOVES:
                raise Rejected([UserError(ErrorCode.FORBIDDEN, f"only enterprise staff move a case from {current} "
                                          f"to {status}", ("status",))])
            if current == "RESOLVED" and status == "IN_PROGRESS":
                resolved_at = facts["resolvedAt"].to_native()
                if self.now > resolved_at + reopen_window:
                    raise Rejected([UserError(ErrorCode.INVALID_TRANSITION, "the case can be reopened only within "
                                              f"{reopen_window.days} days of its resolution", ("status",))])
            await tx.query("cases/writes/set_status", id=case_id, status=status, enterprise=self.works_cases,
                           now=self.now)
            return await self._read(tx, case_id)

        return await self.session.write_transaction(work)

    async def set_sla_policy(self, segment_id: str | None, priority: str, response_minutes: int,
                             resolution_minutes: int) -> SlaPolicyRecord:
        """Create or replace the policy of a segment (None: the default policy) for a priority. Cases opened
        afterwards copy its minutes; open cases keep the minutes copied when they were opened."""

        async def work(tx: CountingTransaction) -> SlaPolicyRecord:
            new_id = f"sla-{segment_id or 'default'}-{priority.lower()}"
            (facts,) = await tx.query("cases/writes/sla_policy_check", segmentId=segment_id, priority=priority,
                                      newId=new_id)
            if not facts["segmentFound"]:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "segment not found", ("segment",))])
            policy_id = facts["policyId"]
            if policy_id is None and facts["newIdTaken"]:
                raise Rejected([UserError(ErrorCode.CONFLICT, f"an SLA policy with id {new_id!r} exists elsewhere",
                                          ("segment",))])
            (row,) = await tx.query("cases/writes/set_sla_policy", policyId=policy_id or new_id, segmentId=segment_id,
                                    priority=priority, responseMinutes=response_minutes,
                                    resolutionMinutes=resolution_minutes, now=self.now)
            return SlaPolicyRecord.from_map(row["policy"])

        return await self.session.write_transaction(work)

    async def _lock(self, tx: CountingTransaction, case_id: str) -> dict[str, Any]:
        rows = await tx.query("cases/writes/lock", id=case_id, scope=self.scope)
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "case not found", ("case",))])
        return rows[0]

    async def _read(self, tx: CountingTransaction, case_id: str) -> CaseRecord:
        (row,) = await tx.query("cases/writes/read", id=case_id, now=self.now)
        return case_from_row(row)
