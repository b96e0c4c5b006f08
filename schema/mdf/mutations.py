"""Mutations of the market development funds domain: budgets, allocations, fund requests, fund claims."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.mdf import writes as mdf_writes
from schema.mdf.enums import FundDecision
from schema.mdf.inputs import AllocateFundsInput, CreateMdfBudgetInput, SubmitFundClaimInput, SubmitFundRequestInput
from schema.mdf.types import FundAllocation, FundClaim, FundRequest, MdfBudget
from schema.selling.enums import MinorUnits
from schema.shared.admission import requires
from schema.shared.payloads import NOTHING_CREATED, Result, payload

RequestArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the fund request.")]
ClaimArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the fund claim.")]
ReasonArg = Annotated[str | None, strawberry.argument(description="Why; required to reject.")]

MdfBudgetPayload = payload("MdfBudgetPayload", "Result of a mutation on an MDF budget.",
                           Result("budget", MdfBudget, "The budget as it is now"))
CreateMdfBudgetPayload = payload("CreateMdfBudgetPayload", "Result of createMdfBudget.",
                                 Result("budget", MdfBudget, "The budget created"), errors=NOTHING_CREATED)
AllocateFundsPayload = payload("AllocateFundsPayload", "Result of allocateFunds.",
                               Result("allocation", FundAllocation, "The allocation made"), errors=NOTHING_CREATED)
SubmitFundRequestPayload = payload("SubmitFundRequestPayload", "Result of submitFundRequest.",
                                   Result("request", FundRequest, "The fund request, SUBMITTED"),
                                   errors=NOTHING_CREATED)
FundRequestPayload = payload("FundRequestPayload", "Result of a mutation on a fund request.",
                             Result("request", FundRequest, "The fund request as it is now"))
SubmitFundClaimPayload = payload("SubmitFundClaimPayload", "Result of submitFundClaim.",
                                 Result("claim", FundClaim, "The fund claim, SUBMITTED"), errors=NOTHING_CREATED)
FundClaimPayload = payload("FundClaimPayload", "Result of a mutation on a fund claim.",
                           Result("claim", FundClaim, "The fund claim as it is now"))


@strawberry.type
class MdfMutations:
    @strawberry.mutation(description="Create a market development funds budget for a program and fiscal period "
                         "(enterprise admin).", metadata=requires(Action.MANAGE_MDF_BUDGETS))
    async def create_mdf_budget(
        self, info: Info, budget: Annotated[CreateMdfBudgetInput, strawberry.argument(description="The budget.")],
    ) -> CreateMdfBudgetPayload:
        return CreateMdfBudgetPayload.from_outcome(await mdf_writes.create_budget(info.context, budget))

    @strawberry.mutation(description="Change a budget's amount (never below what is allocated from it) or name "
                         "(enterprise admin); what is left out stays.", metadata=requires(Action.MANAGE_MDF_BUDGETS))
    async def update_mdf_budget(
        self, info: Info,
        budget: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the budget.")],
        amount: Annotated[MinorUnits | None, strawberry.argument(description="The new amount.")] = None,
        name: Annotated[str | None, strawberry.argument(description="The new name.")] = None,
    ) -> MdfBudgetPayload:
        return MdfBudgetPayload.from_outcome(await mdf_writes.update_budget(info.context, budget, amount, name))

    @strawberry.mutation(description="Allocate funds to a partner from a budget (enterprise admin), or pass part of an "
                         "allocation down to a partner below the one holding it (enterprise admin, or that partner's "
                         "admin). Never more than is left of the source, whatever else is allocated at the same "
                         "moment.", metadata=requires(Action.ALLOCATE_FUNDS))
    async def allocate_funds(
        self, info: Info, allocation: Annotated[AllocateFundsInput, strawberry.argument(
            description="The allocation.")],
    ) -> AllocateFundsPayload:
        return AllocateFundsPayload.from_outcome(await mdf_writes.allocate(info.context, allocation))

    @strawberry.mutation(description="Request funds for a marketing activity from the viewer's organization's "
                         "allocation (partner staff).", metadata=requires(Action.REQUEST_FUNDS))
    async def submit_fund_request(
        self, info: Info, request: Annotated[SubmitFundRequestInput, strawberry.argument(
            description="The fund request.")],
    ) -> SubmitFundRequestPayload:
        return SubmitFundRequestPayload.from_outcome(await mdf_writes.submit_request(info.context, request))

    @strawberry.mutation(description="Approve a SUBMITTED fund request, for its amount or less, committing it against "
                         "its allocation (refused when the allocation has not that much left), or reject it with a "
                         "reason. Enterprise admins; relationship managers for their partners when "
                         "PARTNERGRAPH_RELATIONSHIP_MANAGERS_APPROVE_FUNDS is on.",
                         metadata=requires(Action.APPROVE_FUNDS))
    async def decide_fund_request(
        self, info: Info, request: RequestArg,
        decision: Annotated[FundDecision, strawberry.argument(description="The decision.")],
        approved_amount: Annotated[MinorUnits | None, strawberry.argument(
            description="To approve for less than requested; the requested amount when left out.")] = None,
        reason: ReasonArg = None,
    ) -> FundRequestPayload:
        return FundRequestPayload.from_outcome(
            await mdf_writes.decide_request(info.context, request, decision.value, approved_amount, reason))

    @strawberry.mutation(description="Cancel a SUBMITTED or APPROVED fund request, releasing what it committed, while "
                         "no claim against it is live (submitted, approved or paid). Its organization's staff (an "
                         "associate: their own), or an enterprise admin.",
                         metadata=requires(Action.CANCEL_FUND_REQUESTS))
    async def cancel_fund_request(
        self, info: Info, request: RequestArg,
        reason: Annotated[str | None, strawberry.argument(description="Why.")] = None,
    ) -> FundRequestPayload:
        return FundRequestPayload.from_outcome(await mdf_writes.cancel_request(info.context, request, reason))

    @strawberry.mutation(description="Claim what an APPROVED fund request's activity spent, with proofs of performance "
                         "(partner staff of its organization): on or after the activity's end date and no later than "
                         "its `claimBy`, up to the approved amount less what other live claims claim.",
                         metadata=requires(Action.REQUEST_FUNDS))
    async def submit_fund_claim(
        self, info: Info, claim: Annotated[SubmitFundClaimInput, strawberry.argument(description="The claim.")],
    ) -> SubmitFundClaimPayload:
        return SubmitFundClaimPayload.from_outcome(await mdf_writes.submit_claim(info.context, claim))

    @strawberry.mutation(description="Approve or reject (with a reason) a SUBMITTED fund claim; the same approvers as "
                         "fund requests.", metadata=requires(Action.APPROVE_FUNDS))
    async def decide_fund_claim(
        self, info: Info, claim: ClaimArg,
        decision: Annotated[FundDecision, strawberry.argument(description="The decision.")],
        reason: ReasonArg = None,
    ) -> FundClaimPayload:
        return FundClaimPayload.from_outcome(await mdf_writes.decide_claim(info.context, claim, decision.value, reason))

    @strawberry.mutation(description="Mark an APPROVED fund claim PAID with the payment's reference (enterprise "
                         "admin).", metadata=requires(Action.PAY_FUND_CLAIMS))
    async def pay_fund_claim(
        self, info: Info, claim: ClaimArg,
        payment_reference: Annotated[str, strawberry.argument(description="The payment's reference.")],
    ) -> FundClaimPayload:
        return FundClaimPayload.from_outcome(await mdf_writes.pay_claim(info.context, claim, payment_reference))
