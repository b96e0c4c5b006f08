"""Market development funds records: budgets, the allocations drawn from them (and from one another down a partner
hierarchy), fund requests against allocations, and the claims against requests. Amounts are integer minor units in
the budget's currency; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from graph.shared.records import Record


@dataclass(frozen=True, slots=True)
class MdfBudgetRecord(Record):
    UNMAPPED_KEYS = frozenset({"version"})
    id: str
    name: str
    fiscal_period: str
    start_date: date
    end_date: date
    currency: str
    amount: int
    allocated: int  # the sum of the allocations drawn from it
    claim_days: int
    program_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def available(self) -> int:
        return self.amount - self.allocated


@dataclass(frozen=True, slots=True)
class FundAllocationRecord(Record):
    UNMAPPED_KEYS = frozenset({"version"})
    id: str
    amount: int
    currency: str
    passed_down: int  # the sum of the sub-allocations drawn from it
    committed: int  # the approved amounts of its APPROVED fund requests
    partner_id: str | None = None
    parent_id: str | None = None  # the allocation it was drawn from; None when drawn from a budget
    budget_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def available(self) -> int:
        return self.amount - self.passed_down - self.committed


@dataclass(frozen=True, slots=True)
class FundRequestRecord(Record):
    UNMAPPED_KEYS = frozenset({"version"})
    id: str
    name: str
    activity_type: str
    description: str
    start_date: date
    end_date: date
    requested_amount: int
    currency: str
    status: str
    claim_by: date | None = None  # the last day a claim may be submitted
    approved_amount: int | None = None
    allocation_id: str | None = None
    partner_id: str | None = None
    submitted_by_id: str | None = None
    decided_by: str | None = None
    decision_reason: str | None = None
    cancel_reason: str | None = None
    submitted_at: datetime | None = None
    updated_at: datetime | None = None
    decided_at: datetime | None = None
    cancelled_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ProofOfPerformanceRecord(Record):
    """A file that proves the activity took place, as metadata: the bytes stay in the storage `storage_ref` names."""

    name: str
    content_type: str
    size: int
    checksum: str
    storage_ref: str


@dataclass(frozen=True, slots=True)
class FundClaimRecord(Record):
    UNMAPPED_KEYS = frozenset({"version"})
    id: str
    amount: int
    currency: str
    status: str
    proofs: tuple[ProofOfPerformanceRecord, ...]
    request_id: str | None = None
    submitted_by_id: str | None = None
    decided_by: str | None = None
    decision_reason: str | None = None
    payment_reference: str | None = None
    submitted_at: datetime | None = None
    updated_at: datetime | None = None
    decided_at: datetime | None = None
    paid_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FundReturnsRecord(Record):
    """What a fund request's campaign returned, in a reporting currency (minor units): the deal registrations it
    influenced that the viewer may see, their open pipeline and their revenue, and what was paid for it. A money
    figure is None when an amount in it has no exchange rate."""

    registrations: int
    paid_claims: int
    pipeline: int | None
    revenue: int | None
    spend: int | None

    @property
    def roi(self) -> float | None:
        """(revenue − spend) / spend; None when nothing is paid, or a figure has no rate."""
        if not self.paid_claims or not self.spend or self.revenue is None:
            return None
        return (self.revenue - self.spend) / self.spend
