"""The webhook and delivery status machines (checked by graph.shared.lifecycle.check_transition in the write
transaction). The worker moves deliveries PENDING → SUCCEEDED or FAILED; a person only replays a FAILED one."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

WEBHOOK_STATUS: Machine = {
    "ACTIVE": frozenset({"PAUSED"}),
    "PAUSED": frozenset({"ACTIVE"}),
}

DELIVERY_STATUS: Machine = {
    "PENDING": frozenset({"SUCCEEDED", "FAILED"}),
    "SUCCEEDED": frozenset(),
    "FAILED": frozenset({"PENDING"}),  # a replay
}
