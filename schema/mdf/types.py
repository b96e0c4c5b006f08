"""Types of the market development funds domain: budgets, allocations, fund requests, fund claims."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.mdf.records import (
    FundAllocationRecord,
    FundClaimRecord,
    FundRequestRecord,
    FundReturnsRecord,
    MdfBudgetRecord,
    ProofOfPerformanceRecord,
)
from resolvers.mdf import reads as mdf_reads
from resolvers.programs import reads as programs_reads
from resolvers.shared.checks import check_reporting_currency
from schema.changes.types import Audited
from schema.mdf.enums import FundClaimStatus, FundRequestStatus, MarketingActivityType
from schema.partners import types as partner_types
from schema.programs.types import Program
from schema.selling import types as selling_types
from schema.shared.admission import argument_checks
from schema.shared.declared_reads import reached
from schema.shared.graph_mapping import money_from, oldest_first, reach, value
from schema.shared.keys import KeyedNode
from schema.shared.lineage_references import LazyMoney
from schema.shared.nodes import LoadedNode
from schema.shared.pagination import AfterArg, FirstArg
from schema.shared.partner_references import LazyPartner, LazyPerson


def _money(amount_expression: str) -> dict:
    """strawberry.field metadata: a `Money` of an amount computed over `{node}`, in its currency."""
    return value(f"{{amount: {amount_expression}, currency: {{node}}.currency}}")


@strawberry.type(description="A market development funds budget: what a program may spend on partners' marketing in "
                 "a fiscal period. Allocations draw on it, never beyond its amount. Enterprise admins, executives and "
                 "relationship managers see budgets; partners see what was allocated to them.")
class MdfBudget(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "mdf_budget"
    lookup = "{{budget_visible({node})}}"
    record = "{{budget_record({node})}}"
    record_type = MdfBudgetRecord
    id: relay.NodeID[str]
    name: str = strawberry.field(description="What the budget is.")
    fiscal_period: str = strawberry.field(description="The fiscal period, e.g. FY2027-Q1.")
    start_date: date = strawberry.field(description="The period's first day.")
    end_date: date = strawberry.field(description="The period's last day.")
    claim_days: int = strawberry.field(description="Days after a funded activity's end date its claim may still be "
                                       "submitted.")
    amount: LazyMoney = strawberry.field(description="The budget.", metadata=money_from("amount"))
    allocated: LazyMoney = strawberry.field(description="Allocated from it to partners.",
                                        metadata=_money("{{budget_allocated({node})}}"))
    available: LazyMoney = strawberry.field(description="Left to allocate.",
                                        metadata=_money("{node}.amount - {{budget_allocated({node})}}"))
    created_at: datetime | None = strawberry.field(description="When it was created (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    record: strawberry.Private[MdfBudgetRecord]

    @classmethod
    def from_record(cls, r: MdfBudgetRecord) -> MdfBudget:
        return cls(id=r.id, name=r.name, fiscal_period=r.fiscal_period, start_date=r.start_date, end_date=r.end_date,
                   claim_days=r.claim_days, amount=selling_types.Money(amount=r.amount, currency=r.currency),
                   allocated=selling_types.Money(amount=r.allocated, currency=r.currency),
                   available=selling_types.Money(amount=r.available, currency=r.currency), created_at=r.created_at,
                   updated_at=r.updated_at, record=r)

    @strawberry.field(description="The program it funds.", metadata=reach(
        "MATCH ({parent})<-[:HAS_BUDGET]-({node}:Program) WHERE {{program_visible({node})}}"))
    async def program(self, info: Info) -> Program | None:
        if self.record.program_id is None:
            return None
        record = await programs_reads.program(info.context, self.record.program_id)
        return Program.from_record(record) if record else None

    @strawberry.field(description="The allocations drawn from it, oldest first.", metadata=oldest_first(
        "MATCH ({parent})<-[:DRAWN_FROM]-({node}:FundAllocation) WHERE {{fund_allocation_visible({node})}}"))
    async def allocations(self, info: Info, first: FirstArg = None,
                          after: AfterArg = None) -> relay.Connection[FundAllocation]:
        return await reached(info, FundAllocation, self.id, first=first, after=after)


@strawberry.type(description="Funds allocated to a partner: from a budget, or passed down from the allocation of a "
                 "partner above it. What it passes down and what approved fund requests commit against it never "
                 "exceed its amount. Visible to the partner's staff, the admins and managers of the partners above "
                 "it, its relationship managers, enterprise admins and executives.")
class FundAllocation(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "fund_allocation"
    lookup = "{{fund_allocation_visible({node})}}"
    record = "{{fund_allocation_record({node})}}"
    record_type = FundAllocationRecord
    id: relay.NodeID[str]
    amount: LazyMoney = strawberry.field(description="The allocation.", metadata=money_from("amount"))
    passed_down: LazyMoney = strawberry.field(description="Passed down to partners below.",
                                          metadata=_money("{{allocation_passed_down({node})}}"))
    committed: LazyMoney = strawberry.field(description="Committed by its APPROVED fund requests.",
                                        metadata=_money("{{allocation_committed({node})}}"))
    available: LazyMoney = strawberry.field(description="Left to pass down or commit.", metadata=_money(
        "{node}.amount - {{allocation_passed_down({node})}} - {{allocation_committed({node})}}"))
    created_at: datetime | None = strawberry.field(description="When it was made (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    record: strawberry.Private[FundAllocationRecord]

    @classmethod
    def from_record(cls, r: FundAllocationRecord) -> FundAllocation:
        return cls(id=r.id, amount=selling_types.Money(amount=r.amount, currency=r.currency),
                   passed_down=selling_types.Money(amount=r.passed_down, currency=r.currency),
                   committed=selling_types.Money(amount=r.committed, currency=r.currency),
                   available=selling_types.Money(amount=r.available, currency=r.currency), created_at=r.created_at,
                   updated_at=r.updated_at, record=r)

    @strawberry.field(description="The partner it was allocated to.", metadata=reach(
        "MATCH ({parent})-[:ALLOCATED_TO]->({node}:Partner) WHERE {{partner_visible({node})}}"))
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.partner_id)

    @strawberry.field(description="The budget it draws on (directly or through the allocations above it); null for "
                      "partners, who do not see budgets.", metadata=reach(
        "MATCH ({parent})-[:DRAWN_FROM*1..]->({node}:MdfBudget) WHERE {{budget_visible({node})}}"))
    async def budget(self, info: Info) -> MdfBudget | None:
        if self.record.budget_id is None:
            return None
        record = await mdf_reads.budget(info.context, self.record.budget_id)
        return MdfBudget.from_record(record) if record else None

    @strawberry.field(description="The allocation it was passed down from; null when drawn from a budget, or when the "
                      "viewer may not see it.", metadata=reach(
        "MATCH ({parent})-[:DRAWN_FROM]->({node}:FundAllocation) WHERE {{fund_allocation_visible({node})}}"))
    async def parent(self, info: Info) -> FundAllocation | None:
        if self.record.parent_id is None:
            return None
        record = await mdf_reads.allocation(info.context, self.record.parent_id)
        return FundAllocation.from_record(record) if record else None

    @strawberry.field(description="The allocations passed down from it, oldest first.", metadata=oldest_first(
        "MATCH ({parent})<-[:DRAWN_FROM]-({node}:FundAllocation) WHERE {{fund_allocation_visible({node})}}"))
    async def allocations(self, info: Info, first: FirstArg = None,
                          after: AfterArg = None) -> relay.Connection[FundAllocation]:
        return await reached(info, FundAllocation, self.id, first=first, after=after)

    @strawberry.field(description="The fund requests against it, oldest first (an associate: those they submitted).",
                      metadata=oldest_first(
        "MATCH ({parent})<-[:DRAWS_ON]-({node}:FundRequest) WHERE {{fund_request_visible({node})}}", "submittedAt"))
    async def requests(self, info: Info, first: FirstArg = None,
                       after: AfterArg = None) -> relay.Connection[FundRequest]:
        return await reached(info, FundRequest, self.id, first=first, after=after)


@strawberry.type(description="What a fund request's campaign returned, in a reporting currency: the deal "
                 "registrations it influenced that the viewer may see, their open pipeline and their revenue, against "
                 "what its PAID claims cost. A money figure is null when an amount in it has no exchange rate.")
class FundReturns:
    registrations: int = strawberry.field(description="Deal registrations the campaign generated (INFLUENCED_BY) "
                                          "that the viewer may see.")
    pipeline: LazyMoney | None = strawberry.field(description="The amounts of their open opportunities.")
    revenue: LazyMoney | None = strawberry.field(description="The totals of their orders that are not CANCELLED.")
    spend: LazyMoney | None = strawberry.field(description="The request's PAID claims.")
    roi: float | None = strawberry.field(description="(revenue − spend) / spend; null while nothing is paid.")

    @classmethod
    def from_record(cls, r: FundReturnsRecord, currency: str) -> FundReturns:
        return cls(registrations=r.registrations, pipeline=selling_types.money(r.pipeline, currency),
                   revenue=selling_types.money(r.revenue, currency), spend=selling_types.money(r.spend, currency),
                   roi=r.roi)


def _check_currency(args: Mapping[str, Any], ctx: Any) -> None:
    check_reporting_currency(args.get("currency"))


@strawberry.type(description="A partner's request for funds for a marketing activity, against its organization's "
                 "allocation: SUBMITTED, then APPROVED (possibly for less: the approved amount is committed against "
                 "the allocation) or REJECTED; CANCELLED releases what it committed. Visible as its allocation, and "
                 "to an associate only when they submitted it.")
class FundRequest(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "fund_request"
    lookup = "{{fund_request_visible({node})}}"
    record = "{{fund_request_record({node})}}"
    record_type = FundRequestRecord
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The campaign's name.")
    activity_type: MarketingActivityType = strawberry.field(description="What kind of activity.")
    description: str = strawberry.field(description="What will be done.")
    start_date: date = strawberry.field(description="The activity's first day.")
    end_date: date = strawberry.field(description="The activity's last day.")
    requested_amount: LazyMoney = strawberry.field(description="Requested.", metadata=money_from("requestedAmount"))
    approved_amount: LazyMoney | None = strawberry.field(description="Approved (committed while APPROVED); null "
                                                         "before approval.", metadata=money_from("approvedAmount"))
    status: FundRequestStatus = strawberry.field(description="Lifecycle status.")
    claim_by: date | None = strawberry.field(description="The last day (UTC) a claim may be submitted: the end date "
                                             "plus the budget's claim days.",
                                             metadata=value("toString({{claim_by({node})}})"))
    decision_reason: str | None = strawberry.field(description="The approver's reason.")
    cancel_reason: str | None = strawberry.field(description="Why it was cancelled.")
    submitted_at: datetime | None = strawberry.field(description="When it was submitted (UTC).")
    decided_at: datetime | None = strawberry.field(description="When it was approved or rejected (UTC).")
    cancelled_at: datetime | None = strawberry.field(description="When it was cancelled (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    record: strawberry.Private[FundRequestRecord]

    @classmethod
    def from_record(cls, r: FundRequestRecord) -> FundRequest:
        return cls(id=r.id, name=r.name, activity_type=MarketingActivityType(r.activity_type),
                   description=r.description, start_date=r.start_date, end_date=r.end_date,
                   requested_amount=selling_types.Money(amount=r.requested_amount, currency=r.currency),
                   approved_amount=selling_types.money(r.approved_amount, r.currency),
                   status=FundRequestStatus(r.status), claim_by=r.claim_by, decision_reason=r.decision_reason,
                   cancel_reason=r.cancel_reason, submitted_at=r.submitted_at, decided_at=r.decided_at,
                   cancelled_at=r.cancelled_at, updated_at=r.updated_at, record=r)

    @strawberry.field(description="The partner whose allocation it draws on.", metadata=reach(
        "MATCH ({parent})-[:DRAWS_ON]->(:FundAllocation)-[:ALLOCATED_TO]->({node}:Partner) "
        "WHERE {{partner_visible({node})}}"))
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.partner_id)

    @strawberry.field(description="The allocation it draws on.", metadata=reach(
        "MATCH ({parent})-[:DRAWS_ON]->({node}:FundAllocation) WHERE {{fund_allocation_visible({node})}}"))
    async def allocation(self, info: Info) -> FundAllocation | None:
        if self.record.allocation_id is None:
            return None
        record = await mdf_reads.allocation(info.context, self.record.allocation_id)
        return FundAllocation.from_record(record) if record else None

    @strawberry.field(description="Who submitted it.", metadata=reach(
        "MATCH ({parent})-[:SUBMITTED_BY]->({node}:Person) WHERE {{person_visible({node})}}"))
    async def submitted_by(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.record.submitted_by_id)

    @strawberry.field(description="What the campaign returned: the deals it generated, their pipeline and revenue, "
                      "and the return on what was paid for it.", metadata=argument_checks(_check_currency))
    async def returns(self, info: Info, currency: Annotated[str, strawberry.argument(
            description="ISO 4217 code of the reporting currency.")] = "USD") -> FundReturns | None:
        record = await mdf_reads.returns(info.context, self.id, currency)
        return FundReturns.from_record(record, currency) if record else None

    @strawberry.field(description="Its claims, oldest first.", metadata=oldest_first(
        "MATCH ({parent})<-[:CLAIMS]-({node}:FundClaim) WHERE true", "submittedAt"))
    async def claims(self, info: Info, first: FirstArg = None, after: AfterArg = None) -> relay.Connection[FundClaim]:
        return await reached(info, FundClaim, self.id, first=first, after=after)


@strawberry.type(description="A file that proved the activity took place, as metadata: the bytes stay in the "
                 "storage its reference names.")
class ProofOfPerformance:
    name: str = strawberry.field(description="The file's name.")
    content_type: str = strawberry.field(description="Its media type.")
    size: int = strawberry.field(description="Its size in bytes.")
    checksum: str = strawberry.field(description="sha256: and its SHA-256 in lower-case hexadecimal.")
    storage_ref: str = strawberry.field(description="Where it is stored.")

    @classmethod
    def from_record(cls, r: ProofOfPerformanceRecord) -> ProofOfPerformance:
        return cls(name=r.name, content_type=r.content_type, size=r.size, checksum=r.checksum,
                   storage_ref=r.storage_ref)


@strawberry.type(description="A claim for what an APPROVED fund request's activity spent, with proofs of "
                 "performance: SUBMITTED, then APPROVED or REJECTED, then PAID. Visible as its fund request.")
class FundClaim(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "fund_claim"
    lookup = ("EXISTS { MATCH ({node})-[:CLAIMS]->(_claimed:FundRequest) "
              "WHERE {{fund_request_visible(_claimed)}} }")
    record = "{{fund_claim_record({node})}}"
    record_type = FundClaimRecord
    id: relay.NodeID[str]
    amount: LazyMoney = strawberry.field(description="Claimed.", metadata=money_from("amount"))
    status: FundClaimStatus = strawberry.field(description="Lifecycle status.")
    decision_reason: str | None = strawberry.field(description="The approver's reason.")
    payment_reference: str | None = strawberry.field(description="The payment's reference, once PAID.")
    submitted_at: datetime | None = strawberry.field(description="When it was submitted (UTC).")
    decided_at: datetime | None = strawberry.field(description="When it was approved or rejected (UTC).")
    paid_at: datetime | None = strawberry.field(description="When it was paid (UTC).")
    updated_at: datetime | None = strawberry.field(description="When it last changed (UTC).")
    record: strawberry.Private[FundClaimRecord]

    @classmethod
    def from_record(cls, r: FundClaimRecord) -> FundClaim:
        return cls(id=r.id, amount=selling_types.Money(amount=r.amount, currency=r.currency),
                   status=FundClaimStatus(r.status),
                   decision_reason=r.decision_reason, payment_reference=r.payment_reference,
                   submitted_at=r.submitted_at, decided_at=r.decided_at, paid_at=r.paid_at, updated_at=r.updated_at,
                   record=r)

    @strawberry.field(description="Its proofs of performance, in the order given.")
    def proofs(self) -> list[ProofOfPerformance]:
        return [ProofOfPerformance.from_record(p) for p in self.record.proofs]

    @strawberry.field(description="The fund request it claims against.", metadata=reach(
        "MATCH ({parent})-[:CLAIMS]->({node}:FundRequest) WHERE {{fund_request_visible({node})}}"))
    async def request(self, info: Info) -> FundRequest | None:
        if self.record.request_id is None:
            return None
        record = await mdf_reads.request(info.context, self.record.request_id)
        return FundRequest.from_record(record) if record else None

    @strawberry.field(description="Who submitted it.", metadata=reach(
        "MATCH ({parent})-[:SUBMITTED_BY]->({node}:Person) WHERE {{person_visible({node})}}"))
    async def submitted_by(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.record.submitted_by_id)
