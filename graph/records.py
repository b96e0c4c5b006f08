"""Plain records the repositories return; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Generic, Self, TypeVar

T = TypeVar("T")


class Record:
    @classmethod
    def from_map(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{key: value for key, value in data.items() if key in names})


@dataclass(frozen=True, slots=True)
class PartnerRecord(Record):
    id: str
    name: str
    type: str
    status: str
    country: str | None = None
    currency: str | None = None


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

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> PersonRecord:
        return cls(data["id"], data["name"], data.get("email"), data.get("partnerRole"))


@dataclass(frozen=True, slots=True)
class PartnerFilter:
    """Optional filters on partner listings; hashable so it can be part of a DataLoader key."""

    types: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    countries: tuple[str, ...] | None = None
    name_contains: str | None = None

    def as_param(self) -> dict[str, Any]:
        return {
            "types": list(self.types) if self.types is not None else None,
            "statuses": list(self.statuses) if self.statuses is not None else None,
            "countries": list(self.countries) if self.countries is not None else None,
            "nameContains": self.name_contains,
        }



@dataclass(frozen=True, slots=True)
class IdentityRecord:
    """A token subject's roles as the graph has them now."""

    person_id: str
    name: str
    partner_id: str | None
    partner_role: str | None
    internal_org_id: str | None
    enterprise_role: str | None
    managed_partner_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SortKey:
    """Keyset position of a row in a list ordered by (name, id)."""

    name: str
    id: str

    def as_param(self) -> dict[str, str]:
        return {"name": self.name, "id": self.id}


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    has_next: bool

    @classmethod
    def empty(cls) -> Page[T]:
        return cls([], False)

    @classmethod
    def from_rows(cls, rows: list[T], first: int) -> Page[T]:
        """Queries fetch `first + 1` rows; the extra one only says whether a next page exists."""
        return cls(rows[:first], len(rows) > first)
