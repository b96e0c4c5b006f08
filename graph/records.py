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
    program_ids: tuple[str, ...] | None = None
    segment_ids: tuple[str, ...] | None = None

    def as_param(self) -> dict[str, Any]:
        listed = {"types": self.types, "statuses": self.statuses, "countries": self.countries,
                  "programIds": self.program_ids, "segmentIds": self.segment_ids}
        return {"nameContains": self.name_contains,
                **{key: list(values) if values is not None else None for key, values in listed.items()}}



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
    """Keyset position of a row: the value of its sort field (name unless asked otherwise), then id."""

    value: Any
    id: str

    def as_param(self) -> dict[str, Any]:
        return {"value": self.value, "id": self.id}


def cursor_param(after: SortKey | None) -> dict[str, Any] | None:
    """The `$after` of a keyset query (see cypher/fragments/after_cursor.cypher)."""
    return after.as_param() if after else None


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    has_next: bool
    keys: list[SortKey] | None = None  # when the order is not by name: each item's position

    @classmethod
    def empty(cls) -> Page[T]:
        return cls([], False)

    @classmethod
    def from_rows(cls, rows: list[T], first: int, keys: list[SortKey] | None = None) -> Page[T]:
        """Queries fetch `first + 1` rows; the extra one only says whether a next page exists."""
        return cls(rows[:first], len(rows) > first, keys[:first] if keys is not None else None)


# Programs and partnerships (setup steps 2 and 3). Neo4j temporals become Python dates and datetimes.
from datetime import date, datetime  # noqa: E402


def _native(value: Any) -> Any:
    return value.to_native() if hasattr(value, "to_native") else value


@dataclass(frozen=True, slots=True)
class ProgramRecord(Record):
    id: str
    name: str
    kind: str
    status: str
    start_date: date
    end_date: date | None = None
    internal_org_id: str | None = None

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> ProgramRecord:
        return cls(data["id"], data["name"], data["kind"], data["status"], _native(data["startDate"]),
                   _native(data.get("endDate")), data.get("internalOrgId"))


@dataclass(frozen=True, slots=True)
class SegmentRecord(Record):
    id: str
    name: str
    rank: int
    is_default: bool
    program_id: str

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> SegmentRecord:
        return cls(data["id"], data["name"], data["rank"], bool(data["isDefault"]), data["programId"])


@dataclass(frozen=True, slots=True)
class CriterionRecord(Record):
    id: str
    metric: str
    operator: str
    threshold: float


@dataclass(frozen=True, slots=True)
class PartnershipRecord(Record):
    id: str
    name: str  # "<partner name> in <program name>": the keyset sort key of partnership listings
    status: str
    partner_id: str
    program_id: str
    segment_id: str | None = None
    created_at: datetime | None = None
    onboarded_at: datetime | None = None
    offboarded_at: datetime | None = None

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> PartnershipRecord:
        return cls(data["id"], data["name"], data["status"], data["partnerId"], data["programId"],
                   data.get("segmentId"), _native(data.get("createdAt")), _native(data.get("onboardedAt")),
                   _native(data.get("offboardedAt")))


@dataclass(frozen=True, slots=True)
class SegmentAssignmentRecord(Record):
    """One entry of a partnership's segment history; `until` is None for the current one."""

    id: str
    segment_id: str
    start: datetime
    until: datetime | None
    reason: str | None
    assigned_by: str | None

    @classmethod
    def from_map(cls, data: dict[str, Any]) -> SegmentAssignmentRecord:
        return cls(data["id"], data["segmentId"], _native(data["from"]), _native(data.get("until")),
                   data.get("reason"), data.get("assignedBy"))


@dataclass(frozen=True, slots=True)
class AccountRecord(Record):
    """An end customer of the enterprise, served by one or more partners."""

    id: str
    name: str
    country: str | None = None
    industry: str | None = None
