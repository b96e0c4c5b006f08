"""The seven personas of DESIGN.md's visibility table and how a person's graph roles map to them."""

from __future__ import annotations

from enum import StrEnum


class Persona(StrEnum):
    ENTERPRISE_ADMIN = "enterprise-admin"
    ENTERPRISE_EXECUTIVE = "enterprise-executive"
    RELATIONSHIP_MANAGER = "relationship-manager"
    PARTNER_AGENT = "partner-agent"
    PARTNER_ADMIN = "partner-admin"
    PARTNER_MANAGER = "partner-manager"
    PARTNER_ASSOCIATE = "partner-associate"
    # A request without a bearer token: it may run only the schema's public fields (docs/APPLICATIONS.md).
    ANONYMOUS = "anonymous"

    @property
    def is_enterprise(self) -> bool:
        return self in ENTERPRISE_PERSONAS


ENTERPRISE_PERSONAS = frozenset(
    {Persona.ENTERPRISE_ADMIN, Persona.ENTERPRISE_EXECUTIVE, Persona.RELATIONSHIP_MANAGER, Persona.PARTNER_AGENT}
)

# Role names as stored on the graph's EMPLOYED_BY / MEMBER_OF relationships.
ENTERPRISE_ROLES = {
    "ADMIN": Persona.ENTERPRISE_ADMIN,
    "EXECUTIVE": Persona.ENTERPRISE_EXECUTIVE,
    "RELATIONSHIP_MANAGER": Persona.RELATIONSHIP_MANAGER,
    "PARTNER_AGENT": Persona.PARTNER_AGENT,
}
PARTNER_ROLES = {
    "ADMIN": Persona.PARTNER_ADMIN,
    "MANAGER": Persona.PARTNER_MANAGER,
    "ASSOCIATE": Persona.PARTNER_ASSOCIATE,
}

DEMO_PERSONAS: tuple[str, ...] = tuple(p.value for p in Persona if p is not Persona.ANONYMOUS)
