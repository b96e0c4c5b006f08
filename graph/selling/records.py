"""Plain records the repositories return; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass

# Programs and partnerships (setup steps 2 and 3). Neo4j temporals become Python dates and datetimes.
from datetime import date, datetime  # noqa: E402
from typing import Any

from graph.shared.records import Record, _native


# Selling: deal registrations and their lineage into opportunities, quotes and orders.
# Amounts are integer minor units with an ISO 4217 currency.
@dataclass(frozen=True, slots=True)
class ProductRecord(Record):
    id: str
    name: str
    sku: str
    list_price: int
    currency: str

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> ProductRecord:
        return cls(data["id"], data["name"], data["sku"], data["listPrice"], data["currency"])


@dataclass(frozen=True, slots=True)
class LineItemRecord(Record):
    id: str
    product_id: str
    quantity: int
    unit_price: int | None

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> LineItemRecord:
        return cls(data["id"], data["productId"], data["quantity"], data.get("unitPrice"))


@dataclass(frozen=True, slots=True)
class CommentRecord(Record):
    id: str
    body: str
    visibility: str  # PARTNER or INTERNAL (a work note)
    at: datetime
    author_id: str

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> CommentRecord:
        return cls(data["id"], data["body"], data["visibility"], _native(data["at"]), data["authorId"])


@dataclass(frozen=True, slots=True)
class ConflictRecord(Record):
    detected_at: datetime
    reason: str
    other_id: str | None  # None when the competing registration is out of the viewer's scope

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> ConflictRecord:
        return cls(_native(data["detectedAt"]), data["reason"], data.get("otherId"))


@dataclass(frozen=True, slots=True)
class DealRegistrationRecord(Record):
    id: str
    name: str
    status: str
    estimated_amount: int
    currency: str
    partner_id: str
    account_id: str
    program_id: str
    submitted_by_id: str
    owner_id: str | None = None
    expected_close_date: date | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    submitted_at: datetime | None = None
    review_deadline: datetime | None = None
    decided_at: datetime | None = None
    decided_by: str | None = None
    decision_reason: str | None = None
    protected_until: datetime | None = None
    closure_code: str | None = None
    closed_at: datetime | None = None
    lineage_changed_at: datetime | None = None

    @classmethod
    def from_map(cls, d: dict[str, Any]) -> DealRegistrationRecord:
        return cls(d["id"], d["name"], d["status"], d["estimatedAmount"], d["currency"], d["partnerId"],
                   d["accountId"], d["programId"], d["submittedById"], d.get("ownerId"),
                   _native(d.get("expectedCloseDate")), _native(d.get("createdAt")), _native(d.get("updatedAt")),
                   _native(d.get("submittedAt")), _native(d.get("reviewDeadline")), _native(d.get("decidedAt")),
                   d.get("decidedBy"), d.get("decisionReason"), _native(d.get("protectedUntil")),
                   d.get("closureCode"), _native(d.get("closedAt")), _native(d.get("lineageChangedAt")))


@dataclass(frozen=True, slots=True)
class OpportunityRecord(Record):
    id: str
    name: str
    stage: str
    amount: int
    currency: str
    registration_id: str
    partner_id: str
    created_at: datetime | None = None
    updated_at: datetime | None = None
    closed_at: datetime | None = None

    @classmethod
    def from_map(cls, d: dict[str, Any]) -> OpportunityRecord:
        return cls(d["id"], d["name"], d["stage"], d["amount"], d["currency"], d["registrationId"], d["partnerId"],
                   _native(d.get("createdAt")), _native(d.get("updatedAt")), _native(d.get("closedAt")))


@dataclass(frozen=True, slots=True)
class QuoteRecord(Record):
    id: str
    name: str
    version: int
    status: str
    currency: str
    discount_percent: float
    subtotal: int
    total: int
    opportunity_id: str
    registration_id: str
    partner_id: str
    revises_id: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def from_map(cls, d: dict[str, Any]) -> QuoteRecord:
        return cls(d["id"], d["name"], d["version"], d["status"], d["currency"], d["discountPercent"], d["subtotal"],
                   d["total"], d["opportunityId"], d["registrationId"], d["partnerId"], d.get("revisesId"),
                   _native(d.get("createdAt")), _native(d.get("updatedAt")))


@dataclass(frozen=True, slots=True)
class OrderRecord(Record):
    id: str
    name: str
    status: str
    total: int
    currency: str
    quote_id: str
    registration_id: str
    partner_id: str
    placed_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def from_map(cls, d: dict[str, Any]) -> OrderRecord:
        return cls(d["id"], d["name"], d["status"], d["total"], d["currency"], d["quoteId"], d["registrationId"],
                   d["partnerId"], _native(d.get("placedAt")), _native(d.get("updatedAt")))
