"""Leads records: end-customer leads, the offers that routed them to partners, and the routing rules; nothing here
knows about GraphQL. Amounts are integer minor units with an ISO 4217 currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from graph.shared.records import Record


@dataclass(frozen=True, slots=True)
class LeadRecord(Record):
    UNMAPPED_KEYS = frozenset({"version", "acceptHours"})  # the lock counter; the deadline's length, for re-routing
    id: str
    name: str
    company: str
    contact_name: str
    contact_email: str
    country: str
    estimated_amount: int
    currency: str
    source: str
    status: str
    product_id: str | None = None
    partner_id: str | None = None  # the partner holding it (ROUTED_TO)
    assignee_id: str | None = None
    registration_id: str | None = None
    unrouted_reason: str | None = None
    disqualify_reason: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    routed_at: datetime | None = None
    accept_by: datetime | None = None
    accepted_at: datetime | None = None
    closed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class LeadOfferRecord(Record):
    id: str
    seq: int
    at: datetime
    outcome: str
    partner_id: str
    accept_by: datetime | None = None
    closed_at: datetime | None = None
    reason: str | None = None
    rule_id: str | None = None
    handed_off_by_id: str | None = None


@dataclass(frozen=True, slots=True)
class LeadRoutingRuleRecord(Record):
    UNMAPPED_KEYS = frozenset({"version"})
    id: str
    name: str
    priority: int
    active: bool
    countries: tuple[str, ...]
    partner_types: tuple[str, ...]
    segment_ids: tuple[str, ...]
    require_specialization: bool
    accept_hours: int
    program_id: str | None = None
    capacity: int | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
