"""How the state machines of the partner model are checked. Writes lock the node, read its state and check the
move here, all inside one write transaction, so concurrent writers cannot both pass the check. Each domain's
machines are in its graph/<domain>/lifecycle.py."""

from __future__ import annotations

from graph.shared.errors import ErrorCode, Rejected, UserError

Machine = dict[str, frozenset[str]]


def check_transition(machine: Machine, what: str, current: str, target: str, field: tuple[str, ...]) -> None:
    if target not in machine.get(current, frozenset()):
        allowed = ", ".join(sorted(machine.get(current, ()))) or "none (final state)"
        raise Rejected([UserError(ErrorCode.INVALID_TRANSITION,
                                  f"{what} cannot go from {current} to {target}; allowed: {allowed}", field)])
