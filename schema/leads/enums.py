"""Enums of the leads domain: a lead's status and source, the moves on a lead, how a routing offer ended."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Where a lead is: NEW (not routed; `unroutedReason` says why when routing found no "
                 "partner), ROUTED (offered to a partner, who must accept before `acceptBy`), ACCEPTED, REJECTED (a "
                 "moment between a rejection and routing on), EXPIRED (no matching partner left), CONVERTED (to a deal "
                 "registration), DISQUALIFIED.")
class LeadStatus(Enum):
    NEW = "NEW"
    ROUTED = "ROUTED"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    EXPIRED = "EXPIRED"
    CONVERTED = "CONVERTED"
    DISQUALIFIED = "DISQUALIFIED"


@strawberry.enum(description="Where the enterprise found the lead.")
class LeadSource(Enum):
    WEBSITE = "WEBSITE"
    EVENT = "EVENT"
    CAMPAIGN = "CAMPAIGN"
    REFERRAL = "REFERRAL"
    OTHER = "OTHER"


@strawberry.enum(description="A move on a lead: ACCEPT and REJECT (with a reason; routes it on at once) by the partner "
                 "holding a ROUTED lead; DISQUALIFY (with a reason) an ACCEPTED lead by that partner, or a NEW or "
                 "ACCEPTED one by an enterprise admin.")
class LeadMove(Enum):
    ACCEPT = "ACCEPT"
    REJECT = "REJECT"
    DISQUALIFY = "DISQUALIFY"


@strawberry.enum(description="How an offer of a lead to a partner ended: PENDING (the partner may still accept), "
                 "ACCEPTED, REJECTED, TIMED_OUT (not accepted by its deadline), HANDED_OFF (passed down to a partner "
                 "below).")
class LeadOfferOutcome(Enum):
    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"
    TIMED_OUT = "TIMED_OUT"
    HANDED_OFF = "HANDED_OFF"
