"""Writes of the market development funds domain: budgets, allocations, fund requests and their decisions, fund
claims with their proofs of performance, decisions and payment."""

from __future__ import annotations

import re
from datetime import date
from functools import partial
from typing import Any

from auth.permissions import Action
from graph.mdf.records import FundAllocationRecord, FundClaimRecord, FundRequestRecord, MdfBudgetRecord
from graph.mdf.writes import FundDesk, NewAllocation, NewBudget, NewFundClaim, NewFundRequest, NewProof
from graph.shared.errors import ErrorCode, Rejected
from resolvers.mdf.reads import allocation, approver, budget, claim, request
from resolvers.shared.checks import Checks
from resolvers.shared.context import RequestContext
from resolvers.shared.mutations import Outcome, forbidden, run

Field = tuple[str, ...]

MAX_CLAIM_DAYS = 366
MAX_PROOFS = 20
MAX_PROOF_SIZE = 2**31 - 1  # bytes: GraphQL's Int
_FISCAL_PERIOD = re.compile(r"FY\d{4}(-(Q[1-4]|H[12]))?")
_CONTENT_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}")
_CHECKSUM = re.compile(r"sha256:[0-9a-f]{64}")


def desk(ctx: RequestContext) -> FundDesk:
    return FundDesk(ctx.graph, ctx.viewer.scope, ctx.viewer.person_id, ctx.viewer.partner_id, ctx.now)


def _dates(checks: Checks, start: date, end: date, at: Field) -> None:
    if end < start:
        checks.fail(ErrorCode.VALIDATION, "must not be before the start date", at + ("endDate",))


def _approver_only(ctx: RequestContext) -> None:
    if not approver(ctx):  # a relationship manager while the setting is off
        raise Rejected([forbidden(ctx.viewer, Action.APPROVE_FUNDS)])


# Budgets and allocations (the enterprise; partner admins pass allocations down) ----------------------
async def create_budget(ctx: RequestContext, item: Any) -> Outcome[MdfBudgetRecord]:
    async def work() -> str:
        checks = Checks()
        at = ("budget",)
        _dates(checks, item.start_date, item.end_date, at)
        if not _FISCAL_PERIOD.fullmatch(item.fiscal_period):
            checks.fail(ErrorCode.VALIDATION, "FY and the year, optionally -Q1 to -Q4 or -H1, -H2 (FY2027-Q1)",
                        at + ("fiscalPeriod",))
        if not 0 <= item.claim_days <= MAX_CLAIM_DAYS:
            checks.fail(ErrorCode.VALIDATION, f"between 0 and {MAX_CLAIM_DAYS}", at + ("claimDays",))
        new = NewBudget(
            id=checks.key(item.key, "mdfb", at + ("key",)),
            program_id=checks.node_id(item.program, "Program", at + ("program",)) or "",
            name=checks.text(item.name, at + ("name",)) or "",
            fiscal_period=item.fiscal_period, start_date=item.start_date, end_date=item.end_date,
            currency=checks.currency(item.currency, at + ("currency",)) or "",
            amount=checks.amount(item.amount, at + ("amount",), positive=True) or 0,
            claim_days=item.claim_days)
        checks.done()
        return await desk(ctx).create_budget(new)

    return await run(ctx, Action.MANAGE_MDF_BUDGETS, work, partial(budget, ctx))


async def update_budget(ctx: RequestContext, budget_gid: str, amount: int | None,
                        name: str | None) -> Outcome[MdfBudgetRecord]:
    async def work() -> str:
        checks = Checks()
        budget_id = checks.node_id(budget_gid, "MdfBudget", ("budget",)) or ""
        checks.amount(amount, ("amount",), required=False, positive=True)
        new_name = checks.text(name, ("name",), required=False)
        if amount is None and new_name is None:
            checks.fail(ErrorCode.VALIDATION, "give the amount, the name, or both", ())
        checks.done()
        return await desk(ctx).update_budget(budget_id, amount, new_name)

    return await run(ctx, Action.MANAGE_MDF_BUDGETS, work, partial(budget, ctx))


async def allocate(ctx: RequestContext, item: Any) -> Outcome[FundAllocationRecord]:
    async def work() -> str:
        checks = Checks()
        at = ("allocation",)
        source = checks.typed_node_id(item.source, ("MdfBudget", "FundAllocation"), at + ("source",))
        new = NewAllocation(
            id=checks.key(item.key, "fa", at + ("key",)),
            source_id=source[1] if source else "",
            from_budget=bool(source and source[0] == "MdfBudget"),
            partner_id=checks.node_id(item.partner, "Partner", at + ("partner",)) or "",
            amount=checks.amount(item.amount, at + ("amount",), positive=True) or 0)
        checks.done()
        return await desk(ctx).allocate(new)

    return await run(ctx, Action.ALLOCATE_FUNDS, work, partial(allocation, ctx))


# Fund requests ---------------------------------------------------------------------------------
async def submit_request(ctx: RequestContext, item: Any) -> Outcome[FundRequestRecord]:
    async def work() -> str:
        checks = Checks()
        at = ("request",)
        _dates(checks, item.start_date, item.end_date, at)
        new = NewFundRequest(
            id=checks.key(item.key, "fr", at + ("key",)),
            allocation_id=checks.node_id(item.allocation, "FundAllocation", at + ("allocation",)) or "",
            name=checks.text(item.name, at + ("name",)) or "",
            activity_type=item.activity_type.value,
            description=checks.text(item.description, at + ("description",), max_length=4000, long=True) or "",
            start_date=item.start_date, end_date=item.end_date,
            amount=checks.amount(item.amount, at + ("amount",), positive=True) or 0,
            currency=checks.currency(item.currency, at + ("currency",)) or "")
        checks.done()
        return await desk(ctx).submit_request(new)

    return await run(ctx, Action.REQUEST_FUNDS, work, partial(request, ctx))


async def decide_request(ctx: RequestContext, request_gid: str, decision: str, approved_amount: int | None,
                         reason: str | None) -> Outcome[FundRequestRecord]:
    async def work() -> str:
        _approver_only(ctx)
        checks = Checks()
        request_id = checks.node_id(request_gid, "FundRequest", ("request",)) or ""
        why = checks.text(reason, ("reason",), required=decision == "REJECTED", max_length=2000, long=True)
        if decision == "REJECTED" and approved_amount is not None:
            checks.fail(ErrorCode.VALIDATION, "a rejection approves no amount", ("approvedAmount",))
        checks.amount(approved_amount, ("approvedAmount",), required=False, positive=True)
        checks.done()
        return await desk(ctx).decide_request(request_id, decision, approved_amount, why)

    return await run(ctx, Action.APPROVE_FUNDS, work, partial(request, ctx))


async def cancel_request(ctx: RequestContext, request_gid: str, reason: str | None) -> Outcome[FundRequestRecord]:
    async def work() -> str:
        checks = Checks()
        request_id = checks.node_id(request_gid, "FundRequest", ("request",)) or ""
        why = checks.text(reason, ("reason",), required=False, max_length=2000, long=True)
        checks.done()
        return await desk(ctx).cancel_request(request_id, why)

    return await run(ctx, Action.CANCEL_FUND_REQUESTS, work, partial(request, ctx))


# Fund claims -----------------------------------------------------------------------------------
def _proofs(checks: Checks, items: list[Any], at: Field) -> tuple[NewProof, ...]:
    if not items:
        checks.fail(ErrorCode.VALIDATION, "at least one proof of performance", at)
    elif len(items) > MAX_PROOFS:
        checks.fail(ErrorCode.VALIDATION, f"at most {MAX_PROOFS}", at)
    proofs = []
    for n, item in enumerate(items[:MAX_PROOFS]):
        here = at + (str(n),)
        content_type = (item.content_type or "").strip().lower()
        if not _CONTENT_TYPE.fullmatch(content_type):
            checks.fail(ErrorCode.VALIDATION, "a media type such as application/pdf", here + ("contentType",))
        if not 1 <= item.size <= MAX_PROOF_SIZE:
            checks.fail(ErrorCode.VALIDATION, f"between 1 and {MAX_PROOF_SIZE} bytes", here + ("size",))
        if not _CHECKSUM.fullmatch(item.checksum or ""):
            checks.fail(ErrorCode.VALIDATION, "sha256: and 64 lower-case hexadecimal digits", here + ("checksum",))
        storage_ref = checks.text(item.storage_ref, here + ("storageRef",), max_length=1000) or ""
        proofs.append(NewProof(name=checks.text(item.name, here + ("name",), max_length=255) or "",
                               content_type=content_type, size=item.size, checksum=item.checksum,
                               storage_ref=storage_ref))
    return tuple(proofs)


async def submit_claim(ctx: RequestContext, item: Any) -> Outcome[FundClaimRecord]:
    async def work() -> str:
        checks = Checks()
        at = ("claim",)
        new = NewFundClaim(
            id=checks.key(item.key, "fc", at + ("key",)),
            request_id=checks.node_id(item.request, "FundRequest", at + ("request",)) or "",
            amount=checks.amount(item.amount, at + ("amount",), positive=True) or 0,
            proofs=_proofs(checks, item.proofs, at + ("proofs",)))
        checks.done()
        return await desk(ctx).submit_claim(new)

    return await run(ctx, Action.REQUEST_FUNDS, work, partial(claim, ctx))


async def decide_claim(ctx: RequestContext, claim_gid: str, decision: str,
                       reason: str | None) -> Outcome[FundClaimRecord]:
    async def work() -> str:
        _approver_only(ctx)
        checks = Checks()
        claim_id = checks.node_id(claim_gid, "FundClaim", ("claim",)) or ""
        why = checks.text(reason, ("reason",), required=decision == "REJECTED", max_length=2000, long=True)
        checks.done()
        return await desk(ctx).move_claim(claim_id, decision, reason=why)

    return await run(ctx, Action.APPROVE_FUNDS, work, partial(claim, ctx))


async def pay_claim(ctx: RequestContext, claim_gid: str, payment_reference: str) -> Outcome[FundClaimRecord]:
    async def work() -> str:
        checks = Checks()
        claim_id = checks.node_id(claim_gid, "FundClaim", ("claim",)) or ""
        reference = checks.text(payment_reference, ("paymentReference",), max_length=200)
        checks.done()
        return await desk(ctx).move_claim(claim_id, "PAID", payment_reference=reference)

    return await run(ctx, Action.PAY_FUND_CLAIMS, work, partial(claim, ctx))
