"""The state machines of the partner model. Writes lock the node, read its state and check the move
here, all inside one write transaction, so concurrent writers cannot both pass the check."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

PARTNER_STATUS: Machine = {
    "PROSPECT": frozenset({"ACTIVE", "TERMINATED"}),
    "ACTIVE": frozenset({"SUSPENDED", "TERMINATED"}),
    "SUSPENDED": frozenset({"ACTIVE", "TERMINATED"}),
    "TERMINATED": frozenset(),
}
