"""The case status machine (checked by graph.shared.lifecycle.check_transition in the write transaction)."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

# Partner cases (graph/cases/writes.py). RESOLVED → IN_PROGRESS is a reopen, allowed only within the
# reopen window after resolution (PARTNERGRAPH_CASE_REOPEN_DAYS); CLOSED and CANCELLED are final.
CASE_STATUS: Machine = {
    "NEW": frozenset({"IN_PROGRESS", "CANCELLED"}),
    "IN_PROGRESS": frozenset({"AWAITING_PARTNER", "RESOLVED", "CANCELLED"}),
    "AWAITING_PARTNER": frozenset({"IN_PROGRESS", "RESOLVED", "CANCELLED"}),
    "RESOLVED": frozenset({"IN_PROGRESS", "CLOSED"}),
    "CLOSED": frozenset(),
    "CANCELLED": frozenset(),
}
# A case is open until it is resolved or reaches a final state (cypher/fragments/case_open.cypher lists the same).
OPEN_CASE_STATUSES: tuple[str, ...] = tuple(s for s, moves in CASE_STATUS.items() if moves and s != "RESOLVED")
# Nothing follows a final status: no change of any kind to the case.
FINAL_CASE_STATUSES = frozenset(s for s, moves in CASE_STATUS.items() if not moves)
