"""Plain records the repositories return, and the one way they are read from Cypher maps.

A record is a frozen, slotted dataclass deriving from `Record`; `SomeRecord.from_map(map)` builds it from the
map a query returns. Keys are the camelCase of the fields' names (`partner_id` reads `partnerId`);
`field(metadata=cypher_key("from"))` names another. Values convert by the field's annotation: temporals from
driver values or ISO text (queries that return many send text, see cypher/fragments/registration_record.cypher),
nested records and `tuple[...]` from lists; other values pass as the driver gives them. A missing required key
or a key the record does not hold raises `RecordMapError` naming the record and the key path. Fields with a
default may be left out of the map. Maps that project a node's every property (`n {.*}`) also carry what the
node stores for writes (lock counters, audit times); a record names those in `UNMAPPED_KEYS` rather than
holding them.

The reader is a small one over the dataclass fields: per record class it generates one function (cached) that
checks the keys with one set comparison and calls the constructor with each value read and converted inline.
cattrs was tried first and reads the same way, but through a hook call per field and a keyword dict per record:
5.2 µs against 3.3 µs for a deal registration (22 fields), which a page of 500 deal lineages (thousands of
records) showed as 10 to 20 % more latency in the benchmark's Q1 and Q3. msgspec renames keys and refuses unknown
ones only for its own Struct types, which would replace the dataclasses the code and the DataLoader keys use.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from dataclasses import MISSING, dataclass, fields, is_dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, Generic, Self, TypeVar, Union, get_args, get_origin, get_type_hints

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
            return _reader(cls)(data)
        except Exception as error:
            raise RecordMapError(f"{cls.__name__} from a Cypher map: {_problem(cls, data, '$', error)}") from error


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def _key(field: Any) -> str:
    return field.metadata.get("key", _camel(field.name))


def _temporal(value: Any, annotation: type[date]) -> Any:
    """A datetime or date field's value: driver temporals as Python's, ISO text parsed by the annotation."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        return annotation.fromisoformat(value)
    if isinstance(value, DateTime | Date):
        return value.to_native()
    raise TypeError(f"expected a {annotation.__name__}, got {type(value).__name__}")


def _nested(value: Any, record: type[Record]) -> Any:
    return None if value is None else record.from_map(value)


def _unwrap(annotation: Any) -> Any:
    """The annotation without `| None`."""
    if get_origin(annotation) in (Union, types.UnionType):
        kept = [a for a in get_args(annotation) if a is not type(None)]
        return kept[0] if len(kept) == 1 else annotation
    return annotation


def _is_record(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Record)


def _conversion(annotation: Any, expression: str, env: dict[str, Any]) -> str:
    """Python source converting `expression` (the map's value) to the field's annotation."""
    base = _unwrap(annotation)
    name = f"_t{len(env)}"
    if base in (datetime, date):
        env[name] = base
        return f"_temporal({expression}, {name})"
    if _is_record(base):
        env[name] = base
        return f"_nested({expression}, {name})"
    if get_origin(base) is tuple:
        item = get_args(base)[0]
        if _is_record(item) or item in (datetime, date):
            return f"tuple({_conversion(item, '_v', env)} for _v in {expression})"
        return f"tuple({expression})"
    return expression  # text, numbers, booleans and maps pass as the driver gives them


@cache
def _reader(cls: type) -> Callable[[Mapping[str, Any]], Any]:
    if not (is_dataclass(cls) and issubclass(cls, Record)):
        raise TypeError(f"{cls.__name__} is not a dataclass record")
    hints = get_type_hints(cls)
    env: dict[str, Any] = {"_cls": cls, "_temporal": _temporal, "_nested": _nested}
    arguments = []
    for field in fields(cls):
        if field.default is not MISSING:
            env[f"_default_{field.name}"] = field.default
            value = f"o.get({_key(field)!r}, _default_{field.name})"
        else:
            value = f"o[{_key(field)!r}]"
        arguments.append(_conversion(hints[field.name], value, env))
    env["_known"] = frozenset(_key(f) for f in fields(cls)) | cls.UNMAPPED_KEYS
    source = ("def read(o):\n"
              "    if not o.keys() <= _known:\n"
              "        raise KeyError('unknown keys')\n"
              f"    return _cls({', '.join(arguments)})\n")
    exec(compile(source, f"<record reader {cls.__name__}>", "exec"), env)
    return env["read"]


def _problem(cls: type, data: Any, path: str, error: BaseException) -> str:
    """What is wrong with `data` for `cls`, found again slowly (the reader stops at the first problem unnamed)."""
    if not isinstance(data, Mapping):
        return f"expected a map, got {type(data).__name__} @ {path}"
    hints = get_type_hints(cls)
    required = [_key(f) for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING]
    known = {_key(f) for f in fields(cls)} | cls.UNMAPPED_KEYS
    problems = [f"required field missing @ {path}.{key}" for key in required if key not in data]
    if unknown := sorted(data.keys() - known):
        problems.append(f"extra fields found ({', '.join(unknown)})" + (f" @ {path}" if path != "$" else ""))
    if problems:
        return "; ".join(problems)
    for field in fields(cls):
        base, value = _unwrap(hints[field.name]), data.get(_key(field))
        if _is_record(base) and value is not None:
            nested = [(f"{path}.{_key(field)}", base, value)]
        elif get_origin(base) is tuple and _is_record(get_args(base)[0]):
            nested = [(f"{path}.{_key(field)}[{n}]", get_args(base)[0], item) for n, item in enumerate(value or ())]
        else:
            continue
        for where, record, item in nested:
            try:
                record.from_map(item)
            except RecordMapError as inner:
                return _problem(record, item, where, inner.__cause__ or inner)
    return f"{type(error).__name__}: {error}"


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

    @classmethod
    def of_parents(cls, rows: list[dict[str, Any]], record: type[Record], first: int) -> dict[str, Page[Any]]:
        """Each parent's page, by name, from a page query's rows of `parentId` and `page` (record maps)."""
        return {row["parentId"]: cls.from_rows([record.from_map(item) for item in row["page"]], first) for row in rows}

