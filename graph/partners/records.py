"""Partner records: partner organizations, the people on their staff, the enterprise's internal
organizations, end-customer accounts, and a token subject's identity; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.shared.records import Record, cypher_key


@dataclass(frozen=True, slots=True)
class PartnerRecord(Record):
    UNMAPPED_KEYS = frozenset({"createdAt", "updatedAt", "version"})  # audit times and the lock counter
    id: str
    name: str
    type: str
    status: str
    country: str | None = None
    currency: str | None = None
    preferred_language: str | None = None  # setPartnerLanguage (docs/LANGUAGES.md)


@dataclass(frozen=True, slots=True)
class PartnerNameRecord(Record):
    """An ancestor seen by name only."""

    name: str


@dataclass(frozen=True, slots=True)
class InternalOrgRecord(Record):
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class PersonRecord(Record):
    id: str
    name: str
    email: str | None = None
    partner_role: str | None = None  # ADMIN, MANAGER or ASSOCIATE when listed as a partner's staff


@dataclass(frozen=True, slots=True)
class PartnerFilter:
    """Optional filters on partner listings; hashable so it can be part of a DataLoader key."""

    types: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    countries: tuple[str, ...] | None = None
    name_contains: str | None = None
    program_ids: tuple[str, ...] | None = None
    segment_ids: tuple[str, ...] | None = None

    def as_param(self) -> dict[str, Any]:
        listed = {"types": self.types, "statuses": self.statuses, "countries": self.countries,
                  "programIds": self.program_ids, "segmentIds": self.segment_ids}
        return {"nameContains": self.name_contains,
                **{key: list(values) if values is not None else None for key, values in listed.items()}}


@dataclass(frozen=True, slots=True)
class IdentityRecord(Record):
    """A token subject's roles as the graph has them now."""

    person_id: str
    name: str
    partner_id: str | None
    partner_role: str | None
    internal_org_id: str | None
    enterprise_role: str | None
    managed_partner_ids: tuple[str, ...]
    # The person and their organization as the loaders read them (people/by_ids, partners/by_ids,
    # organizations/internal_by_ids), to prime the request's loaders.
    person: PersonRecord | None = None
    partner: PartnerRecord | None = None
    internal_org: InternalOrgRecord | None = field(default=None, metadata=cypher_key("unit"))
    # The languages the person reads in when a request asks for none it supports, first first: their partner's,
    # then the enterprise's (docs/LANGUAGES.md).
    preferred_languages: tuple[str, ...] = ()

    def roles(self) -> dict[str, Any]:
        """What `auth.viewer.Viewer.from_roles` takes."""
        return {"person_id": self.person_id, "name": self.name, "partner_id": self.partner_id,
                "partner_role": self.partner_role, "internal_org_id": self.internal_org_id,
                "enterprise_role": self.enterprise_role, "managed_partner_ids": self.managed_partner_ids}


@dataclass(frozen=True, slots=True)
class AccountRecord(Record):
    """An end customer of the enterprise, served by one or more partners."""

    UNMAPPED_KEYS = frozenset({"createdAt"})

    id: str
    name: str
    country: str | None = None
    industry: str | None = None
