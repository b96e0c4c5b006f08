"""Selling records: deal registrations and their lineage into opportunities, quotes and orders, with the
catalog's products, line items, comments and conflicts; nothing here knows about GraphQL. Amounts are
integer minor units with an ISO 4217 currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from graph.shared.records import Record


@dataclass(frozen=True, slots=True)
class ProductRecord(Record):
    id: str
    name: str
    sku: str
    list_price: int
    currency: str
    description: str | None = None  # in the request's language, as `name` (docs/LANGUAGES.md)


@dataclass(frozen=True, slots=True)
class LineItemRecord(Record):
    id: str
    product_id: str
    quantity: int
    unit_price: int | None


@dataclass(frozen=True, slots=True)
class CommentRecord(Record):
    id: str
    body: str
    visibility: str  # PARTNER or INTERNAL (a work note)
    at: datetime
    author_id: str


@dataclass(frozen=True, slots=True)
class ConflictRecord(Record):
    detected_at: datetime
    reason: str
    other_id: str | None  # None when the competing registration is out of the viewer's scope


@dataclass(frozen=True, slots=True)
class DealRegistrationRecord(Record):
    UNMAPPED_KEYS = frozenset({"version"})  # the lock counter
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
    lead_id: str | None = None  # the lead it was converted from (leads domain)
    fund_request_id: str | None = None  # the fund request (campaign, mdf domain) that generated it
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


@dataclass(frozen=True, slots=True)
class OpportunityRecord(Record):
    UNMAPPED_KEYS = frozenset({"version"})  # the lock counter
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


@dataclass(frozen=True, slots=True)
class QuoteRecord(Record):
    UNMAPPED_KEYS = frozenset({"lock"})  # the lock counter (`version` is the quote's revision)
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


@dataclass(frozen=True, slots=True)
class OrderRecord(Record):
    UNMAPPED_KEYS = frozenset({"version"})  # the lock counter
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
