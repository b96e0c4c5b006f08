"""Enums and the money scalar of the selling domain."""

from __future__ import annotations

from enum import Enum
from typing import Any, NewType

import strawberry


def _parse_minor_units(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("MinorUnits must be an integer number of minor units")
    return value


MinorUnits = NewType("MinorUnits", int)

# Registered in the schema's scalar_map (schema/__init__.py).
MINOR_UNITS_SCALAR = strawberry.scalar(
    name="MinorUnits",
    description="An amount of money in minor units (cents for USD and EUR), as a JSON integer; unlike Int "
    "it is not limited to 32 bits. Never a float.",
    serialize=int,
    parse_value=_parse_minor_units,
)


@strawberry.enum(description="A deal registration's lifecycle: DRAFT → SUBMITTED → UNDER_REVIEW → APPROVED or "
                 "REJECTED → CLOSED (with a closure code); DRAFT, SUBMITTED and UNDER_REVIEW may be CANCELLED.")
class DealRegistrationStatus(Enum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    UNDER_REVIEW = "UNDER_REVIEW"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    CLOSED = "CLOSED"
    CANCELLED = "CANCELLED"


@strawberry.enum(description="Why a deal registration closed.")
class ClosureCode(Enum):
    CONVERTED = "CONVERTED"
    REJECTED = "REJECTED"
    DUPLICATE = "DUPLICATE"
    INCOMPLETE = "INCOMPLETE"
    EXPIRED = "EXPIRED"


@strawberry.enum(description="Who may read a comment: PARTNER (everyone who sees the deal) or INTERNAL (a work "
                 "note, enterprise staff only).")
class CommentVisibility(Enum):
    PARTNER = "PARTNER"
    INTERNAL = "INTERNAL"


@strawberry.enum(description="An opportunity's stage: open stages go forward only; any open stage may close as "
                 "CLOSED_WON or CLOSED_LOST.")
class OpportunityStage(Enum):
    PROSPECTING = "PROSPECTING"
    QUALIFICATION = "QUALIFICATION"
    PROPOSAL = "PROPOSAL"
    NEGOTIATION = "NEGOTIATION"
    CLOSED_WON = "CLOSED_WON"
    CLOSED_LOST = "CLOSED_LOST"


@strawberry.enum(description="OPEN: not closed (won or lost); CLOSED: won or lost.")
class OpportunityStatus(Enum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


@strawberry.enum(description="A quote's lifecycle: DRAFT → SUBMITTED → APPROVED or REJECTED; APPROVED → ACCEPTED "
                 "(which places its order).")
class QuoteStatus(Enum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    ACCEPTED = "ACCEPTED"


@strawberry.enum(description="An order's lifecycle: PLACED → FULFILLED or CANCELLED.")
class OrderStatus(Enum):
    PLACED = "PLACED"
    FULFILLED = "FULFILLED"
    CANCELLED = "CANCELLED"


@strawberry.enum(description="A move of a deal registration: SUBMIT (partner), START_REVIEW, APPROVE, REJECT and "
                 "CLOSE (enterprise: relationship manager of the partner or admin), CANCEL.")
class DealMove(Enum):
    SUBMIT = "SUBMIT"
    START_REVIEW = "START_REVIEW"
    APPROVE = "APPROVE"
    REJECT = "REJECT"
    CANCEL = "CANCEL"
    CLOSE = "CLOSE"
