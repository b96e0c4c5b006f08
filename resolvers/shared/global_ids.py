"""The one reader of global IDs, for every argument and input that takes one.

One behaviour everywhere: an ID this API could not have issued for the argument (malformed, of another type, or
naming no type of ours) is refused as VALIDATION; a well-formed ID of the right type that names nothing the
viewer may see reads as not found (null, or NOT_FOUND in a mutation payload)."""

from __future__ import annotations

from collections.abc import Collection

from strawberry import relay

from resolvers.shared.errors import PublicError

MALFORMED = "not a global ID this API issued"


class GlobalIdRefused(ValueError):
    """Why a value is not a global ID of an expected type; the message is safe to show."""


def decode_any(value: str) -> tuple[str, str]:
    """(type name, key) inside a global ID, whatever the type."""
    try:
        global_id = relay.GlobalID.from_id(value)
    except relay.GlobalIDValueError as exc:
        raise GlobalIdRefused(MALFORMED) from exc
    return global_id.type_name, global_id.node_id


def decode(value: str, types: Collection[str]) -> tuple[str, str]:
    """(type name, key) of a global ID of one of `types`."""
    type_name, key = decode_any(value)
    if type_name not in types:
        raise GlobalIdRefused(f"expected the ID of a {' or '.join(sorted(types))}, got a {type_name}")
    return type_name, key


def typed_key(value: str | None, types: Collection[str], argument: str) -> tuple[str, str] | None:
    """(type name, key) of the global ID given as `argument` of a read; None when none was given."""
    if value is None:
        return None
    try:
        return decode(value, types)
    except GlobalIdRefused as exc:
        raise PublicError(f"`{argument}`: {exc}", "VALIDATION") from exc


def key_of(value: str | None, type_name: str, argument: str) -> str | None:
    """The key of the global ID of a `type_name` given as `argument` of a read; None when none was given."""
    found = typed_key(value, (type_name,), argument)
    return found[1] if found else None


def keys_of(values: list[str] | None, type_name: str, argument: str) -> tuple[str, ...] | None:
    """The keys of a list of global IDs of `type_name`s; None when no list was given."""
    if values is None:
        return None
    return tuple(key_of(value, type_name, argument) for value in values)
