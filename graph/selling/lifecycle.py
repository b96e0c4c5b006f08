"""The selling state machines: deal registration, opportunity stage, quote and order (checked by
graph.shared.lifecycle.check_transition in the write transaction)."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

# Selling. A registration closes with a closure code: CONVERTED (through conversion),
# REJECTED, DUPLICATE, INCOMPLETE or EXPIRED.
DEAL_REGISTRATION_STATUS: Machine = {
    "DRAFT": frozenset({"SUBMITTED", "CANCELLED"}),
    "SUBMITTED": frozenset({"UNDER_REVIEW", "CANCELLED", "CLOSED"}),
    "UNDER_REVIEW": frozenset({"APPROVED", "REJECTED", "CANCELLED", "CLOSED"}),
    "APPROVED": frozenset({"CLOSED"}),
    "REJECTED": frozenset({"CLOSED"}),
    "CLOSED": frozenset(),
    "CANCELLED": frozenset(),
}


_OPEN_STAGES = ("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION")
OPPORTUNITY_STAGE: Machine = {
    stage: frozenset(_OPEN_STAGES[n + 1:]) | {"CLOSED_WON", "CLOSED_LOST"} for n, stage in enumerate(_OPEN_STAGES)
} | {"CLOSED_WON": frozenset(), "CLOSED_LOST": frozenset()}


QUOTE_STATUS: Machine = {
    "DRAFT": frozenset({"SUBMITTED"}),
    "SUBMITTED": frozenset({"APPROVED", "REJECTED"}),
    "APPROVED": frozenset({"ACCEPTED"}),
    "REJECTED": frozenset(),
    "ACCEPTED": frozenset(),
}


ORDER_STATUS: Machine = {
    "PLACED": frozenset({"FULFILLED", "CANCELLED"}),
    "FULFILLED": frozenset(),
    "CANCELLED": frozenset(),
}
