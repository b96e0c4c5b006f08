"""The partner application state machine (checked by graph.shared.lifecycle.check_transition in the review's
write transaction)."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

# A review decides once: an approval creates the partner, its admin and the partnership (graph/applications/writes.py).
APPLICATION_STATUS: Machine = {
    "SUBMITTED": frozenset({"APPROVED", "REJECTED"}),
    "APPROVED": frozenset(),
    "REJECTED": frozenset(),
}
