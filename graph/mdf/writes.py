"""Market development funds writes: budgets, allocations from a budget and down a partner hierarchy, fund requests
(submitted, decided, cancelled) and their claims (submitted, decided, paid).

Every method runs in one write transaction. Whatever draws on a budget or an allocation locks it first (a version
bump) and only then reads what is drawn from it, so the sum of what is drawn never exceeds it under concurrent
writes: the second writer waits for the first to commit and reads its allocation or commitment. Locks are taken in
one order (a fund request before its allocation, a claim before nothing else), so no two writes wait on each other.
Refusals raise `Rejected` with every problem found; "now" comes from the caller (the request's clock)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from graph.mdf.lifecycle import FUND_CLAIM_STATUS, FUND_REQUEST_STATUS, LIVE_CLAIM_STATUSES
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError, reject_if
from graph.shared.lifecycle import check_transition

Field = tuple[str, ...]


@dataclass(frozen=True)
class NewBudget:
    id: str
    program_id: str
    name: str
    fiscal_period: str
    start_date: date
    end_date: date
    currency: str
    amount: int
    claim_days: int


@dataclass(frozen=True)
class NewAllocation:
    id: str
    source_id: str
    from_budget: bool  # drawn from an MDF budget; else from a fund allocation
    partner_id: str
    amount: int


@dataclass(frozen=True)
class NewFundRequest:
    id: str
    allocation_id: str
    name: str
    activity_type: str
    description: str
    start_date: date
    end_date: date
    amount: int
    currency: str


@dataclass(frozen=True)
class NewProof:
    name: str
    content_type: str
    size: int
    checksum: str
    storage_ref: str


@dataclass(frozen=True)
class NewFundClaim:
    id: str
    request_id: str
    amount: int
    proofs: tuple[NewProof, ...]


def _money(amount: int, currency: str) -> str:
    return f"{amount} {currency} (minor units)"


class FundDesk:
    def __init__(self, session: GraphSession, scope: dict[str, Any], person_id: str, organization_id: str | None,
                 now: datetime):
        self.session = session
        self.scope = scope
        self.person_id = person_id
        self.organization_id = organization_id  # the viewer's partner; None for enterprise staff
        self.now = now

    # Budgets and allocations -------------------------------------------------------------------
    async def create_budget(self, item: NewBudget) -> str:
        async def work(tx: CountingTransaction) -> str:
            (facts,) = await tx.query("mdf/writes/create_budget_check", programId=item.program_id, id=item.id)
            errors = []
            if facts["keyTaken"]:
                errors.append(UserError(ErrorCode.CONFLICT, f"a budget with key {item.id!r} exists", ("budget", "key")))
            if facts["programStatus"] is None:
                errors.append(UserError(ErrorCode.NOT_FOUND, "program not found", ("budget", "program")))
            elif facts["programStatus"] == "RETIRED":
                errors.append(UserError(ErrorCode.VALIDATION, "the program is RETIRED", ("budget", "program")))
            reject_if(errors)
            (row,) = await tx.query("mdf/writes/create_budget", now=self.now, row={
                "id": item.id, "programId": item.program_id, "name": item.name, "fiscalPeriod": item.fiscal_period,
                "startDate": item.start_date.isoformat(), "endDate": item.end_date.isoformat(),
                "currency": item.currency, "amount": item.amount, "claimDays": item.claim_days})
            return row["id"]

        return await self.session.write_transaction(work)

    async def update_budget(self, budget_id: str, amount: int | None, name: str | None) -> str:
        """Change a budget's amount (never below what is allocated from it) or name."""

        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock_budget(tx, budget_id, ("budget",))
            if amount is not None:
                (drawn,) = await tx.query("mdf/writes/budget_drawn", id=budget_id)
                if amount < drawn["drawn"]:
                    raise Rejected([UserError(ErrorCode.CONFLICT, f"{_money(drawn['drawn'], facts['currency'])} is "
                                              "allocated from this budget already; the amount may not be less",
                                              ("amount",))])
            await tx.query("mdf/writes/update_budget", id=budget_id, amount=amount, name=name, now=self.now)
            return budget_id

        return await self.session.write_transaction(work)

    async def allocate(self, item: NewAllocation) -> str:
        """Allocate from a budget (to a partner with an ACTIVE partnership in its program) or from an allocation (to
        a partner strictly below the one holding it; a partner admin only from their own organization's), never
        more than is left of the source."""

        async def work(tx: CountingTransaction) -> str:
            at: Field = ("allocation",)
            if item.from_budget:
                source = await self._lock_budget(tx, item.source_id, at + ("source",))
                (drawn,) = await tx.query("mdf/writes/budget_drawn", id=item.source_id)
                source_partner = None
            else:
                source = await self._lock_allocation(tx, item.source_id, at + ("source",))
                (drawn,) = await tx.query("mdf/writes/allocation_drawn", id=item.source_id)
                source_partner = source["partnerId"]
            (facts,) = await tx.query("mdf/writes/allocate_check", partnerId=item.partner_id, id=item.id,
                                      scope=self.scope, programId=source["programId"],
                                      sourcePartnerId=source_partner)
            errors = []
            if facts["keyTaken"]:
                errors.append(UserError(ErrorCode.CONFLICT, f"an allocation with key {item.id!r} exists",
                                        at + ("key",)))
            if source_partner is not None and self.organization_id not in (None, source_partner):
                errors.append(UserError(ErrorCode.FORBIDDEN, "a partner admin passes down only their own "
                                        "organization's allocations", at + ("source",)))
            if not facts["partnerFound"]:
                errors.append(UserError(ErrorCode.NOT_FOUND, "partner not found", at + ("partner",)))
            elif facts["partnerStatus"] != "ACTIVE":
                errors.append(UserError(ErrorCode.VALIDATION, f"the partner is {facts['partnerStatus']}: funds go to "
                                        "ACTIVE partners only", at + ("partner",)))
            elif source_partner is None and not facts["inProgram"]:
                errors.append(UserError(ErrorCode.VALIDATION, "the partner has no ACTIVE partnership in the budget's "
                                        "program", at + ("partner",)))
            elif source_partner is not None and not facts["below"]:
                errors.append(UserError(ErrorCode.VALIDATION, "an allocation is passed down only to a partner below "
                                        "the one holding it", at + ("partner",)))
            available = source["amount"] - drawn["drawn"]
            if item.amount > available:
                errors.append(UserError(ErrorCode.CONFLICT, f"only {_money(available, source['currency'])} is left "
                                        "to allocate from it", at + ("amount",)))
            reject_if(errors)
            (row,) = await tx.query("mdf/writes/allocate", personId=self.person_id, now=self.now, row={
                "id": item.id, "sourceId": item.source_id, "partnerId": item.partner_id, "amount": item.amount})
            return row["id"]

        return await self.session.write_transaction(work)

    # Fund requests -----------------------------------------------------------------------------
    async def submit_request(self, item: NewFundRequest) -> str:
        """Submit a request against the viewer's organization's allocation, in the allocation's currency, for no
        more than is left of it now (the approval checks again, under the allocation's lock)."""

        async def work(tx: CountingTransaction) -> str:
            at: Field = ("request",)
            (facts,) = await tx.query("mdf/writes/submit_request_check", allocationId=item.allocation_id,
                                      scope=self.scope, id=item.id)
            if not facts["allocationFound"]:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "allocation not found", at + ("allocation",))])
            errors = []
            if facts["keyTaken"]:
                errors.append(UserError(ErrorCode.CONFLICT, f"a fund request with key {item.id!r} exists",
                                        at + ("key",)))
            if facts["partnerId"] != self.organization_id:
                errors.append(UserError(ErrorCode.FORBIDDEN, "funds are requested from your own organization's "
                                        "allocations only", at + ("allocation",)))
            if item.currency != facts["currency"]:
                errors.append(UserError(ErrorCode.VALIDATION, f"the allocation is in {facts['currency']}: a fund "
                                        "request is in its allocation's currency", at + ("currency",)))
            elif item.amount > facts["available"]:
                errors.append(UserError(ErrorCode.CONFLICT, f"only {_money(facts['available'], facts['currency'])} "
                                        "is left of the allocation", at + ("amount",)))
            reject_if(errors)
            (row,) = await tx.query("mdf/writes/submit_request", personId=self.person_id, now=self.now, row={
                "id": item.id, "allocationId": item.allocation_id, "name": item.name,
                "activityType": item.activity_type, "description": item.description,
                "startDate": item.start_date.isoformat(), "endDate": item.end_date.isoformat(),
                "amount": item.amount, "currency": item.currency})
            return row["id"]

        return await self.session.write_transaction(work)

    async def decide_request(self, request_id: str, status: str, approved_amount: int | None,
                             reason: str | None) -> str:
        """APPROVED (for the requested amount, or less) commits it against the allocation, under the allocation's
        lock; REJECTED needs a reason (checked by the caller)."""

        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock_request(tx, request_id)
            check_transition(FUND_REQUEST_STATUS, "a fund request", facts["status"], status, ("decision",))
            amount = None
            if status == "APPROVED":
                amount = facts["requestedAmount"] if approved_amount is None else approved_amount
                if amount > facts["requestedAmount"]:
                    raise Rejected([UserError(ErrorCode.VALIDATION, "at most the requested "
                                              f"{_money(facts['requestedAmount'], facts['currency'])}",
                                              ("approvedAmount",))])
                allocation = await self._lock_allocation(tx, facts["allocationId"], ("request",))
                (drawn,) = await tx.query("mdf/writes/allocation_drawn", id=facts["allocationId"])
                available = allocation["amount"] - drawn["drawn"]
                if amount > available:
                    raise Rejected([UserError(ErrorCode.CONFLICT, f"only {_money(available, facts['currency'])} is "
                                              "left of the allocation", ("approvedAmount",))])
            await tx.query("mdf/writes/set_request_status", id=request_id, status=status, approvedAmount=amount,
                           reason=reason, personId=self.person_id, now=self.now)
            return request_id

        return await self.session.write_transaction(work)

    async def cancel_request(self, request_id: str, reason: str | None) -> str:
        """Cancel a SUBMITTED or APPROVED request (releasing what it committed) while no claim against it is
        submitted, approved or paid; partner staff of its own organization only (an associate: their own)."""

        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock_request(tx, request_id)
            if self.organization_id is not None and facts["partnerId"] != self.organization_id:
                raise Rejected([UserError(ErrorCode.FORBIDDEN, "a partner cancels its own organization's fund "
                                          "requests only", ("request",))])
            check_transition(FUND_REQUEST_STATUS, "a fund request", facts["status"], "CANCELLED", ("request",))
            if facts["liveClaims"]:
                raise Rejected([UserError(ErrorCode.INVALID_TRANSITION, "a claim against this request is submitted, "
                                          "approved or paid", ("request",))])
            await tx.query("mdf/writes/set_request_status", id=request_id, status="CANCELLED", approvedAmount=None,
                           reason=reason, personId=self.person_id, now=self.now)
            return request_id

        return await self.session.write_transaction(work)

    # Fund claims -------------------------------------------------------------------------------
    async def submit_claim(self, item: NewFundClaim) -> str:
        """Claim against an APPROVED request of the viewer's organization, once its activity has ended (on its end
        date or later) and no later than its claim deadline, for no more than its approved amount less what its
        other live claims claim."""

        async def work(tx: CountingTransaction) -> str:
            at: Field = ("claim",)
            facts = await self._lock_request(tx, item.request_id, at + ("request",))
            errors = []
            today = self.now.date()
            if facts["partnerId"] != self.organization_id:
                errors.append(UserError(ErrorCode.FORBIDDEN, "a partner claims against its own organization's fund "
                                        "requests only", at + ("request",)))
            elif facts["status"] != "APPROVED":
                errors.append(UserError(ErrorCode.INVALID_TRANSITION, f"claims go against APPROVED fund requests; "
                                        f"this one is {facts['status']}", at + ("request",)))
            elif today < facts["endDate"].to_native():
                errors.append(UserError(ErrorCode.VALIDATION, f"the activity ends on {facts['endDate']}: claim after "
                                        "it", at + ("request",)))
            elif today > facts["claimBy"].to_native():
                errors.append(UserError(ErrorCode.VALIDATION, f"the claim deadline was {facts['claimBy']}",
                                        at + ("request",)))
            else:
                left = facts["approvedAmount"] - facts["claimed"]
                if item.amount > left:
                    errors.append(UserError(ErrorCode.CONFLICT, f"only {_money(left, facts['currency'])} of the "
                                            "approved amount is left to claim", at + ("amount",)))
            if (await tx.query("mdf/writes/claim_key_taken", id=item.id))[0]["taken"]:
                errors.append(UserError(ErrorCode.CONFLICT, f"a fund claim with key {item.id!r} exists",
                                        at + ("key",)))
            reject_if(errors)
            (row,) = await tx.query("mdf/writes/submit_claim", personId=self.person_id, now=self.now, row={
                "id": item.id, "requestId": item.request_id, "amount": item.amount,
                "proofs": [{"name": p.name, "contentType": p.content_type, "size": p.size, "checksum": p.checksum,
                            "storageRef": p.storage_ref} for p in item.proofs]})
            return row["id"]

        return await self.session.write_transaction(work)

    async def move_claim(self, claim_id: str, status: str, reason: str | None = None,
                         payment_reference: str | None = None) -> str:
        """APPROVED or REJECTED (with a reason, checked by the caller) by an approver; PAID, with the payment's
        reference, by an enterprise admin (the caller's permission)."""

        async def work(tx: CountingTransaction) -> str:
            rows = await tx.query("mdf/writes/lock_claim", id=claim_id, scope=self.scope)
            if not rows:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "fund claim not found", ("claim",))])
            check_transition(FUND_CLAIM_STATUS, "a fund claim", rows[0]["status"], status, ("claim",))
            await tx.query("mdf/writes/set_claim_status", id=claim_id, status=status, reason=reason,
                           paymentReference=payment_reference, personId=self.person_id, now=self.now)
            return claim_id

        return await self.session.write_transaction(work)

    # Locks -------------------------------------------------------------------------------------
    async def _lock_budget(self, tx: CountingTransaction, budget_id: str, field: Field) -> dict[str, Any]:
        rows = await tx.query("mdf/writes/lock_budget", id=budget_id, scope=self.scope)
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "budget not found", field)])
        return rows[0]

    async def _lock_allocation(self, tx: CountingTransaction, allocation_id: str, field: Field) -> dict[str, Any]:
        rows = await tx.query("mdf/writes/lock_allocation", id=allocation_id, scope=self.scope)
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "allocation not found", field)])
        return rows[0]

    async def _lock_request(self, tx: CountingTransaction, request_id: str,
                            field: Field = ("request",)) -> dict[str, Any]:
        rows = await tx.query("mdf/writes/lock_request", id=request_id, scope=self.scope,
                              liveClaims=list(LIVE_CLAIM_STATUSES))
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "fund request not found", field)])
        return rows[0]
