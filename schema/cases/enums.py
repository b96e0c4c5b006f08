"""Enums of the cases domain: case status, priority, comment visibility."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A case's lifecycle: NEW → IN_PROGRESS ⇄ AWAITING_PARTNER; IN_PROGRESS or "
                 "AWAITING_PARTNER → RESOLVED → CLOSED; RESOLVED → IN_PROGRESS (reopen, within the reopen "
                 "window); NEW, IN_PROGRESS or AWAITING_PARTNER → CANCELLED. CLOSED and CANCELLED are final.")
class CaseStatus(Enum):
    NEW = "NEW"
    IN_PROGRESS = "IN_PROGRESS"
    AWAITING_PARTNER = "AWAITING_PARTNER"
    RESOLVED = "RESOLVED"
    CLOSED = "CLOSED"
    CANCELLED = "CANCELLED"


@strawberry.enum(description="Case priority, P1 (most urgent) to P4; sets the SLA targets.")
class CasePriority(Enum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


@strawberry.enum(description="Who may read a comment: PARTNER (everyone who sees the case) or INTERNAL "
                 "(an enterprise work note, never shown to partner staff).")
class CaseCommentVisibility(Enum):
    PARTNER = "PARTNER"
    INTERNAL = "INTERNAL"
