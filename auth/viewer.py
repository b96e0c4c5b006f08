"""Who is asking, and the visibility scope handed to every Cypher query that reads partner data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from auth.personas import ENTERPRISE_ROLES, PARTNER_ROLES, Persona


class UnknownViewer(Exception):
    """The token is valid but names no person with a role in the graph."""


@dataclass(frozen=True)
class Viewer:
    person_id: str
    name: str
    persona: Persona
    organization_id: str
    managed_partner_ids: tuple[str, ...] = field(default=())
    # The language this viewer reads in, for this request (or subscription socket): chosen by the gateway from
    # the request and the viewer's preferences (docs/LANGUAGES.md); None reads the graph's own names.
    locale: str | None = None

    @classmethod
    def from_roles(cls, *, person_id: str, name: str, partner_id: str | None, partner_role: str | None,
                   internal_org_id: str | None, enterprise_role: str | None,
                   managed_partner_ids: tuple[str, ...]) -> Viewer:
        """The viewer from the roles the graph gives a token's subject now."""
        if partner_id and partner_role in PARTNER_ROLES:
            persona, org = PARTNER_ROLES[partner_role], partner_id
        elif internal_org_id and enterprise_role in ENTERPRISE_ROLES:
            persona, org = ENTERPRISE_ROLES[enterprise_role], internal_org_id
        else:
            raise UnknownViewer(person_id)
        return cls(person_id, name, persona, org, managed_partner_ids)

    @property
    def is_enterprise(self) -> bool:
        return self.persona.is_enterprise

    @property
    def partner_id(self) -> str | None:
        return None if self.is_enterprise else self.organization_id

    @property
    def scope(self) -> dict[str, Any]:
        """The `$scope` map every scoped query takes (see cypher/fragments/partner_visible.cypher).

        all:        every partner is visible
        roots:      these partners and their whole subtrees are visible
        orgs:       exactly these partners are visible
        nameOf:     the ancestors of these partners are visible by name only
        person:     the viewer's person id (for "records they submitted or own")
        persona:    the viewer's persona, e.g. "partner-agent"
        enterprise: the viewer is enterprise staff (may read enterprise-only work notes)
        ownOnly:    of a partner's records, only those the viewer submitted or owns (partner associate)
        locale:     the language names and descriptions are read in (localized_name, localized_description);
                    null: the graph's own
        """
        p = self.persona
        if p is Persona.ANONYMOUS:
            partners = {"all": False, "roots": [], "orgs": [], "nameOf": []}
        elif p in (Persona.ENTERPRISE_ADMIN, Persona.ENTERPRISE_EXECUTIVE, Persona.PARTNER_AGENT):
            partners = {"all": True, "roots": [], "orgs": [], "nameOf": []}
        elif p is Persona.RELATIONSHIP_MANAGER:
            partners = {"all": False, "roots": list(self.managed_partner_ids), "orgs": [], "nameOf": []}
        elif p in (Persona.PARTNER_ADMIN, Persona.PARTNER_MANAGER):
            partners = {"all": False, "roots": [self.organization_id], "orgs": [], "nameOf": [self.organization_id]}
        else:
            partners = {"all": False, "roots": [], "orgs": [self.organization_id], "nameOf": []}
        return {**partners, "person": self.person_id, "persona": p.value, "enterprise": self.is_enterprise,
                "ownOnly": p is Persona.PARTNER_ASSOCIATE, "locale": self.locale}


# The viewer of a request without a bearer token (gateway/http.py lets it run only the public fields): nobody, in
# no organization, with a scope that reaches nothing.
ANONYMOUS = Viewer(person_id="", name="anonymous", persona=Persona.ANONYMOUS, organization_id="")
