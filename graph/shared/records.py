"""Plain records the repositories return; nothing here knows about GraphQL."""

from __future__ import annotations

from dataclasses import dataclass, fields

# Programs and partnerships (setup steps 2 and 3). Neo4j temporals become Python dates and datetimes.
from datetime import date, datetime  # noqa: E402
from typing import Any, Generic, Self, TypeVar

T = TypeVar("T")


class Record:
    @classmethod
    def from_map(cls, data: dict[str, Any]) -> Self:
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{key: value for key, value in data.items() if key in names})


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


def _native(value: Any) -> Any:
    """A stored date or datetime as Python's: queries that read many send them as ISO text (see
    cypher/fragments/registration_fields.cypher), others as driver temporals."""
    if isinstance(value, str):
        return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return value.to_native() if hasattr(value, "to_native") else value
