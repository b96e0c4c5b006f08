"""The program and partnership status machines (checked by graph.shared.lifecycle.check_transition in the
write transaction)."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

PROGRAM_STATUS: Machine = {
    "DRAFT": frozenset({"APPROVED", "RETIRED"}),
    "APPROVED": frozenset({"RETIRED"}),
    "RETIRED": frozenset(),
}


PARTNERSHIP_STATUS: Machine = {
    "PENDING": frozenset({"ACTIVE", "TERMINATED"}),
    "ACTIVE": frozenset({"SUSPENDED", "TERMINATED"}),
    "SUSPENDED": frozenset({"ACTIVE", "TERMINATED"}),
    "TERMINATED": frozenset(),
}
