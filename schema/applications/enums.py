"""Enums of the applications domain: where an application is, the review's decision, and the status the
approved partner starts in."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="Where a partner application is: SUBMITTED → APPROVED | REJECTED, decided once.")
class ApplicationStatus(Enum):
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"


@strawberry.enum(description="A review's decision on a partner application.")
class ApplicationDecision(Enum):
    APPROVE = "APPROVED"
    REJECT = "REJECTED"


@strawberry.enum(description="The status the partner an approval creates starts in.")
class ApprovedPartnerStatus(Enum):
    PROSPECT = "PROSPECT"
    ACTIVE = "ACTIVE"
