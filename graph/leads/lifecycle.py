"""The lead state machine (checked by graph.shared.lifecycle.check_transition in the write transaction).

A NEW lead is ROUTED to a partner by the routing rules; the partner ACCEPTS it or REJECTS it (with a reason), or
lets its deadline pass; a rejected or timed-out lead is routed on to the next matching partner in the same
transaction (a timed-out lead stays ROUTED, to its next partner), and EXPIRES when none is left. An accepted lead
is CONVERTED to a deal registration or DISQUALIFIED; the enterprise may also disqualify a NEW lead."""

from __future__ import annotations

from graph.shared.lifecycle import Machine

LEAD_STATUS: Machine = {
    "NEW": frozenset({"ROUTED", "DISQUALIFIED"}),
    "ROUTED": frozenset({"ACCEPTED", "REJECTED", "EXPIRED"}),
    "REJECTED": frozenset({"ROUTED", "EXPIRED"}),
    "ACCEPTED": frozenset({"CONVERTED", "DISQUALIFIED"}),
    "EXPIRED": frozenset(),
    "CONVERTED": frozenset(),
    "DISQUALIFIED": frozenset(),
}

# Leads a partner holds and works: what a routing rule's capacity counts (the Cypher fragment lead_open).
OPEN_LEAD_STATUSES = ("ROUTED", "ACCEPTED")
