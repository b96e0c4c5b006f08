"""The market development funds state machines (checked by graph.shared.lifecycle.check_transition in the write
transaction that moves a fund request or a claim)."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

# A request is decided once; an APPROVED one commits its approved amount against its allocation until it is
# CANCELLED (which releases it). Claims go against APPROVED requests only.
FUND_REQUEST_STATUS: Machine = {
    "SUBMITTED": frozenset({"APPROVED", "REJECTED", "CANCELLED"}),
    "APPROVED": frozenset({"CANCELLED"}),
    "REJECTED": frozenset(),
    "CANCELLED": frozenset(),
}

FUND_CLAIM_STATUS: Machine = {
    "SUBMITTED": frozenset({"APPROVED", "REJECTED"}),
    "APPROVED": frozenset({"PAID"}),
    "REJECTED": frozenset(),
    "PAID": frozenset(),
}

# Claims that count against a request's approved amount, and that keep it from being cancelled.
LIVE_CLAIM_STATUSES = ("SUBMITTED", "APPROVED", "PAID")
