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
    OPEN_CASES = "open cases"
    COMMENT_ON_CASES = "comment on cases"
    MOVE_CASES = "change the status of cases"
    WORK_CASES = "work cases (assign them, write work notes)"
    SET_SLA_POLICIES = "set the SLA targets of cases"
    REGISTER_DEALS = "register and submit deal registrations"
    DECIDE_DEALS = "review, approve or reject deal registrations"
    SELL = "work deals: convert, quote, comment, cancel"
    ASSIGN_DEALS = "assign owners to deal registrations"
    FULFIL_ORDERS = "fulfil or cancel orders"
    APPLY_SEGMENT_RECOMMENDATIONS = "apply segment recommendations"
    MANAGE_WEBHOOKS = "register and manage webhooks"
    MANAGE_LEADS = "enter, route and disqualify leads and set the routing rules"
    WORK_LEADS = "accept, reject, convert or disqualify leads routed to their organization"
    HAND_OFF_LEADS = "hand leads down to partners below their organization"
    ASSIGN_LEADS = "assign leads to partner staff"
    DECLARE_SPECIALIZATIONS = "declare the products a partner specializes in"
    APPLY_TO_PROGRAMS = "apply to join a partner program"
    REVIEW_APPLICATIONS = "review partner applications"
    MANAGE_MDF_BUDGETS = "set up market development fund budgets"
    ALLOCATE_FUNDS = "allocate market development funds"
    REQUEST_FUNDS = "request market development funds and claim them"
    CANCEL_FUND_REQUESTS = "cancel fund requests"
    APPROVE_FUNDS = "approve or reject fund requests and fund claims"
    PAY_FUND_CLAIMS = "mark fund claims paid"
    MANAGE_TRANSLATIONS = "translate the names and descriptions of programs, segments, products and case categories"
    SET_PARTNER_LANGUAGE = "set a partner's preferred language"
    SET_ENTERPRISE_LANGUAGE = "set the enterprise's preferred language"


_ALLOWED: dict[Action, frozenset[Persona]] = {
    Action.SETUP_PARTNERS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.ASSIGN_RELATIONSHIP_MANAGERS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.SETUP_PROGRAMS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.ONBOARD_PARTNERSHIPS: frozenset({Persona.ENTERPRISE_ADMIN}),
    # A partner admin manages their own organization's staff (checked against the target in Cypher).
    Action.MANAGE_STAFF: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN}),
    Action.MANAGE_ACCOUNTS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER}),
    # Cases: partner staff open and follow up their cases; the enterprise admin and partner agents work
    # them. Relationship managers and executives read cases only. Which status moves each side may
    # make is checked in the write transaction (graph/cases/writes.py).
    Action.OPEN_CASES: frozenset({Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER, Persona.PARTNER_ASSOCIATE}),
    Action.COMMENT_ON_CASES: frozenset({Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER, Persona.PARTNER_ASSOCIATE,
                                        Persona.ENTERPRISE_ADMIN, Persona.PARTNER_AGENT}),
    Action.MOVE_CASES: frozenset({Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER, Persona.PARTNER_ASSOCIATE,
                                  Persona.ENTERPRISE_ADMIN, Persona.PARTNER_AGENT}),
    Action.WORK_CASES: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_AGENT}),
    Action.SET_SLA_POLICIES: frozenset({Persona.ENTERPRISE_ADMIN}),
    # Selling: partners register for their scope (an associate for their own organization, checked in the
    # write); only the enterprise decides: a relationship manager for the partners they manage (the scope
    # of the write), an enterprise admin for all.
    Action.REGISTER_DEALS: frozenset({Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER, Persona.PARTNER_ASSOCIATE}),
    Action.DECIDE_DEALS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.RELATIONSHIP_MANAGER}),
    Action.SELL: frozenset({Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER, Persona.PARTNER_ASSOCIATE,
                            Persona.ENTERPRISE_ADMIN, Persona.RELATIONSHIP_MANAGER}),
    # Naming a registration's owner: partner admins and managers for deals in their scope (the scope of the
    # write), an enterprise admin for all; never an associate (ownership is what widens their view).
    Action.ASSIGN_DEALS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER}),
    Action.FULFIL_ORDERS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.APPLY_SEGMENT_RECOMMENDATIONS: frozenset({Persona.ENTERPRISE_ADMIN}),
    # Webhooks: an enterprise admin for any partner subtree or none (everything); a partner admin for their own
    # organization and below (the subtree's visibility, checked in the write). The worker checks the registrant
    # again before every batch it reads for them.
    Action.MANAGE_WEBHOOKS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN}),
    # Leads: the enterprise admin enters and routes them and owns the rules; the partner holding a lead works it
    # (its own staff only, checked in the write), an associate the leads assigned to them; a distributor's admins
    # and managers hand leads down. A partner admin declares their own organization's specializations.
    Action.MANAGE_LEADS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.WORK_LEADS: frozenset({Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER, Persona.PARTNER_ASSOCIATE}),
    Action.HAND_OFF_LEADS: frozenset({Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER}),
    Action.ASSIGN_LEADS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER}),
    Action.DECLARE_SPECIALIZATIONS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN}),
    # Partner applications (docs/APPLICATIONS.md): anyone applies, a request without a token too; enterprise
    # admins review, and relationship managers when PARTNERGRAPH_RELATIONSHIP_MANAGERS_REVIEW_APPLICATIONS is on
    # (`decides`).
    Action.APPLY_TO_PROGRAMS: frozenset(Persona),
    Action.REVIEW_APPLICATIONS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.RELATIONSHIP_MANAGER}),
    # Market development funds (docs/MDF.md): the enterprise admin sets budgets and allocates from them; a partner
    # admin passes their own organization's allocations down (checked in the write). Partner staff request funds
    # from their own organization's allocations and claim them; an enterprise admin or the partner's staff cancel a
    # request. Enterprise admins approve, and relationship managers for their partners when
    # PARTNERGRAPH_RELATIONSHIP_MANAGERS_APPROVE_FUNDS is on (`decides`); enterprise admins pay.
    Action.MANAGE_MDF_BUDGETS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.ALLOCATE_FUNDS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN}),
    Action.REQUEST_FUNDS: frozenset({Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER, Persona.PARTNER_ASSOCIATE}),
    Action.CANCEL_FUND_REQUESTS: frozenset({Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER,
                                            Persona.PARTNER_ASSOCIATE, Persona.ENTERPRISE_ADMIN}),
    Action.APPROVE_FUNDS: frozenset({Persona.ENTERPRISE_ADMIN, Persona.RELATIONSHIP_MANAGER}),
    Action.PAY_FUND_CLAIMS: frozenset({Persona.ENTERPRISE_ADMIN}),
    # Languages (docs/LANGUAGES.md): the enterprise admin translates names and descriptions and sets the enterprise's
    # language, and any partner's; a partner admin sets their own organization's (own_org_only).
    Action.MANAGE_TRANSLATIONS: frozenset({Persona.ENTERPRISE_ADMIN}),
    Action.SET_PARTNER_LANGUAGE: frozenset({Persona.ENTERPRISE_ADMIN, Persona.PARTNER_ADMIN}),
    Action.SET_ENTERPRISE_LANGUAGE: frozenset({Persona.ENTERPRISE_ADMIN}),
}


def allowed(viewer: Viewer, action: Action) -> bool:
    return viewer.persona in _ALLOWED[action]


def own_org_only(viewer: Viewer, action: Action) -> str | None:
    """The one partner a partner persona may change for `action`; None when not so limited."""
    if action in (Action.MANAGE_STAFF, Action.DECLARE_SPECIALIZATIONS, Action.SET_PARTNER_LANGUAGE) \
            and viewer.persona is Persona.PARTNER_ADMIN:
        return viewer.organization_id
    return None


def decides(viewer: Viewer, action: Action, relationship_managers: bool) -> bool:
    """Whether the viewer makes an enterprise decision its setting may hand to relationship managers (reviewing
    partner applications, approving funds): whoever `action` allows, a relationship manager only when
    `relationship_managers` (the setting) is on."""
    if viewer.persona is Persona.RELATIONSHIP_MANAGER:
        return relationship_managers
    return allowed(viewer, action)
