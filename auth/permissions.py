"""Who may change what (DESIGN.md's visibility table, "may change" column).

Persona-level rules live here; whether the target is inside the viewer's reach is checked in the
Cypher of the write, with the same `$scope` the reads use.
"""

from __future__ import annotations

from enum import StrEnum

from auth.personas import Persona
from auth.viewer import Viewer


class Action(StrEnum):
    SETUP_PARTNERS = "set up channel partners and the hierarchy"
    ASSIGN_RELATIONSHIP_MANAGERS = "assign relationship managers"
    SETUP_PROGRAMS = "set up programs, segments and criteria"
    ONBOARD_PARTNERSHIPS = "onboard and manage partnerships"
    MANAGE_STAFF = "manage partner staff"
    MANAGE_ACCOUNTS = "manage end-customer accounts"


_ALLOWED: dict[Action, frozenset[Persona]] = {
    Action.SETUP_PARTNERS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.ASSIGN_RELATIONSHIP_MANAGERS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.SETUP_PROGRAMS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.ONBOARD_PARTNERSHIPS: frozenset({Persona.ENTERPRISE_ADMIN}),
    # A partner admin manages their own organization's staff (checked against the target in Cypher).
    Action.MANAGE_STAFF: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN}),
    Action.MANAGE_ACCOUNTS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER}),
}


def allowed(viewer: Viewer, action: Action) -> bool:
    return viewer.persona in _ALLOWED[action]


def own_org_only(viewer: Viewer, action: Action) -> str | None:
    """The one partner a partner persona may change for `action`; None when not so limited."""
    if action is Action.MANAGE_STAFF and viewer.persona is Persona.PARTNER_ADMIN:
        return viewer.organization_id
    return None
