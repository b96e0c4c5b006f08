"""The state machines of the partner model. Writes lock the node, read its state and check the move
here, all inside one write transaction, so concurrent writers cannot both pass the check."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

# Partner cases (graph/case_setup.py). RESOLVED → IN_PROGRESS is a reopen, allowed only within the
# reopen window after resolution (PARTNERGRAPH_CASE_REOPEN_DAYS); CLOSED and CANCELLED are final.
CASE_STATUS: Machine = {
    "NEW": frozenset({"IN_PROGRESS", "CANCELLED"}),
    "IN_PROGRESS": frozenset({"AWAITING_PARTNER", "RESOLVED", "CANCELLED"}),
    "AWAITING_PARTNER": frozenset({"IN_PROGRESS", "RESOLVED", "CANCELLED"}),
    "RESOLVED": frozenset({"IN_PROGRESS", "CLOSED"}),
    "CLOSED": frozenset(),
    "CANCELLED": frozenset(),
}
