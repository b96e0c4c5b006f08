"""Enums of the market development funds domain: the statuses of fund requests and claims, activity types, the
decisions an approver makes."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Where a fund request is: SUBMITTED (waiting for a decision), APPROVED (its approved "
                 "amount is committed against its allocation), REJECTED, CANCELLED (what it committed is released).")
class FundRequestStatus(Enum):
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    CANCELLED = "CANCELLED"


@strawberry.enum(description="Where a fund claim is: SUBMITTED, APPROVED, REJECTED (the partner may claim again), "
                 "PAID (with a payment reference).")
class FundClaimStatus(Enum):
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    PAID = "PAID"


@strawberry.enum(description="What kind of marketing activity a fund request pays for.")
class MarketingActivityType(Enum):
    EVENT = "EVENT"
    TRADE_SHOW = "TRADE_SHOW"
    WEBINAR = "WEBINAR"
    DIGITAL_ADVERTISING = "DIGITAL_ADVERTISING"
    CONTENT = "CONTENT"
    EMAIL_CAMPAIGN = "EMAIL_CAMPAIGN"
    DIRECT_MAIL = "DIRECT_MAIL"
    TRAINING = "TRAINING"
    OTHER = "OTHER"


@strawberry.enum(description="An approver's decision on a fund request or a fund claim.")
class FundDecision(Enum):
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
