"""The partner status machine (checked by graph.shared.lifecycle.check_transition in the write transaction)."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

PARTNER_STATUS: Machine = {
    "PROSPECT": frozenset({"ACTIVE", "TERMINATED"}),
    "ACTIVE": frozenset({"SUSPENDED", "TERMINATED"}),
    "SUSPENDED": frozenset({"ACTIVE", "TERMINATED"}),
    "TERMINATED": frozenset(),
}
