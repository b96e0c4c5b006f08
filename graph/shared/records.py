"""Plain records the repositories return, and the one way they are read from Cypher maps.

A record is a frozen, slotted dataclass deriving from `Record`; `SomeRecord.from_map(map)` builds it from the
map a query returns. Keys are the camelCase of the fields' names (`partner_id` reads `partnerId`);
`field(metadata=cypher_key("from"))` names another. Values convert by the field's annotation: temporals from
driver values or ISO text (queries that return many send text, see cypher/fragments/registration_fields.cypher),
nested records and `tuple[...]` from lists; a missing required key or a key the record does not hold raises
`RecordMapError` naming the record and the key. Fields with a default may be left out of the map. Maps that
project a node's every property (`n {.*}`) also carry what the node stores for writes (lock counters, audit
times); a record names those in `UNMAPPED_KEYS` rather than holding them.

cattrs does the reading: per record class it generates and caches one structuring function (the conversion
plan), which costs a few microseconds a record (a page of 500 lineages builds thousands), and it structures
the dataclasses the schema uses as they are, hashable where they are DataLoader keys. msgspec renames keys
and forbids unknown ones only for its own Struct types, which would replace those dataclasses; a hand-written
reader would redo what cattrs generates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Generic, Self, TypeVar

from cattrs import Converter, transform_error
from cattrs.errors import ForbiddenExtraKeysError
from cattrs.gen import make_dict_structure_fn, override
from neo4j.time import Date, DateTime

T = TypeVar("T")


def cypher_key(name: str) -> dict[str, str]:
    """Field metadata naming the Cypher key of a field when it is not the camelCase of the field's name."""
    return {"key": name}


class RecordMapError(ValueError):
    """A Cypher map that does not fit its record: a missing required key, an unknown key, a wrong value."""


class Record:
    """Base of the records read from Cypher maps (see the module docstring)."""

    __slots__ = ()
    UNMAPPED_KEYS: frozenset[str] = frozenset()  # keys of the map the record leaves out (see the module docstring)

    @classmethod
    def from_map(cls, data: Mapping[str, Any]) -> Self:
        try:
            return _reader(cls)(data, cls)
        except Exception as error:
            raise RecordMapError(f"{cls.__name__} from a Cypher map: {_problems(cls, data)}") from error


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def _temporal(value: Any, annotation: type[date]) -> Any:
    """A datetime or date field's value: driver temporals as Python's, ISO text parsed by the annotation."""
    if isinstance(value, str):
        return annotation.fromisoformat(value)
    return value.to_native() if isinstance(value, DateTime | Date) else value


def _temporal_or_none(value: Any, annotation: Any) -> Any:
    return None if value is None else _temporal(value, annotation.__args__[0])


def _as_is(value: Any, _: Any) -> Any:
    return value


def _converter(detailed: bool) -> Converter:
    # Text is taken as it comes (`str(None)` would hide a null as "None"); numbers and booleans go through
    # their type, which costs least in the generated code and turns a null into an error. Nullable text,
    # numbers and temporals get one hook each rather than cattrs' generic union handling (a call less a field).
    converter = Converter(detailed_validation=detailed)  # `read` below checks the keys
    converter.register_structure_hook(str, _as_is)
    for nullable in (str | None, int | None, float | None, bool | None):
        converter.register_structure_hook(nullable, _as_is)
    for temporal in (datetime, date):
        converter.register_structure_hook(temporal, _temporal)
        converter.register_structure_hook(temporal | None, _temporal_or_none)

    def plan(cls: type[Record]) -> Any:
        keys = {f.name: override(rename=f.metadata.get("key", _camel(f.name))) for f in fields(cls)}
        build = make_dict_structure_fn(cls, converter, **keys)
        known = frozenset(o.rename for o in keys.values()) | cls.UNMAPPED_KEYS

        def read(data: Mapping[str, Any], _: Any) -> Any:
            if unknown := data.keys() - known:
                raise ForbiddenExtraKeysError("", cls, unknown)
            return build(data, cls)

        return read

    converter.register_structure_hook_factory(lambda t: isinstance(t, type) and issubclass(t, Record), plan)
    return converter


_FAST, _DETAILED = _converter(detailed=False), _converter(detailed=True)


@cache
def _reader(cls: type) -> Any:
    if not is_dataclass(cls):
        raise TypeError(f"{cls.__name__} is not a dataclass record")
    return _FAST.get_structure_hook(cls)


def _problems(cls: type, data: Any) -> str:
    """What is wrong with `data`, key by key: the fast reader stops at the first problem without naming it."""
    try:
        _DETAILED.structure(data, cls)
    except Exception as error:  # cattrs raises an exception group, or a plain error for a non-map
        return "; ".join(transform_error(error))
    return "not a record map"


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

