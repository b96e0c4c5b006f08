"""Global IDs given as arguments of reads: the type and graph key inside, refused unless of an expected type.
(Mutation inputs go through resolvers.checks.Checks.node_id, which collects every problem of an input.)"""

from __future__ import annotations

from strawberry import relay

from resolvers.errors import PublicError


def typed_key(value: str | None, types: tuple[str, ...]) -> tuple[str, str] | None:
    """(type name, key) of a global ID of one of `types`; None when no ID was given."""
    if value is None:
        return None
    try:
        global_id = relay.GlobalID.from_id(value)
    except relay.GlobalIDValueError as exc:
        raise PublicError("not a global ID this API issued", "VALIDATION") from exc
    if global_id.type_name not in types:
        raise PublicError(f"expected the ID of a {' or '.join(types)}", "VALIDATION")
    return global_id.type_name, global_id.node_id


def key_of(value: str | None, type_name: str) -> str | None:
    """The key of a global ID of `type_name`; None when no ID was given."""
    found = typed_key(value, (type_name,))
    return found[1] if found else None
