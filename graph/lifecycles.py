"""The state machines of the partner model. Writes lock the node, read its state and check the move
here, all inside one write transaction, so concurrent writers cannot both pass the check."""

from __future__ import annotations

from graph.errors import ErrorCode, Rejected, UserError

Machine = dict[str, frozenset[str]]

PARTNER_STATUS: Machine = {
    "PROSPECT": frozenset({"ACTIVE", "TERMINATED"}),
    "ACTIVE": frozenset({"SUSPENDED", "TERMINATED"}),
    "SUSPENDED": frozenset({"ACTIVE", "TERMINATED"}),
    "TERMINATED": frozenset(),
}

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


def check_transition(machine: Machine, what: str, current: str, target: str, field: tuple[str, ...]) -> None:
    if target not in machine.get(current, frozenset()):
        allowed = ", ".join(sorted(machine.get(current, ()))) or "none (final state)"
        raise Rejected([UserError(ErrorCode.INVALID_TRANSITION,
                                  f"{what} cannot go from {current} to {target}; allowed: {allowed}", field)])


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
