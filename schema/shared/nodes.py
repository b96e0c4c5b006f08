"""Nodes by global ID: the one `resolve_nodes` of every node type, and the root fields that read one node.

Global IDs are read by `resolvers.shared.global_ids` with one behaviour on every entry point: an ID this API
could not have issued for the argument is VALIDATION; one that names nothing the viewer may see reads as null."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info
from strawberry.types.base import StrawberryObjectDefinition

from resolvers.shared.errors import PublicError
from resolvers.shared.global_ids import MALFORMED, GlobalIdRefused, decode_any, key_of
from schema.shared.graph_mapping import ResolverPath

GlobalIdArg = Annotated[strawberry.ID, strawberry.argument(description="The object's global ID.")]


@dataclass(frozen=True)
class Companion:
    """A record read along with a node's by a declared reach's DataLoader, to prime another of the request's
    loaders: in loader `loader`, under the key Cypher `key` gives, the record whose map Cypher `value` gives
    (null for none, or for one the viewer may not see: what that loader would answer). Both over `{node}`."""

    loader: str
    key: str
    value: str
    record_type: Any


class LoadedNode:
    """A base (before `relay.Node`) of node types read through one of the request's DataLoaders: `loader` names
    it in `info.context.loaders`, and `from_record` builds the type from what it loads."""

    loader = ""  # a plain class attribute, not a field: the name of the request's DataLoader
    # The condition over `{node}` under which its DataLoader finds it by id, for `node(id:)` in a compiled read
    # (schema/shared/graph_mapping.node_lookup); empty: `node(id:)` of this type takes the resolver path.
    lookup = ""
    # The Cypher map over `{node}` its records are read from, and the record class that reads it, for the
    # DataLoaders of declared reaches (schema/shared/declared_reads.py); empty: no declared reach reaches it.
    record = ""
    record_type: Any = None
    companions: tuple[Companion, ...] = ()

    @classmethod
    def from_record(cls, record: Any) -> Any:
        raise NotImplementedError

    @classmethod
    async def load_records(cls, context: Any, keys: list[str]) -> list[Any]:
        return await getattr(context.loaders, cls.loader).load_many(keys)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Iterable[str], required: bool = False) -> list[Any]:
        records = await cls.load_records(info.context, list(node_ids))
        return [cls.from_record(r) if r is not None else None for r in records]


async def node_by_id(info: Info, value: str, node_type: type[LoadedNode], argument: str = "id") -> Any:
    """The node of `node_type` a root field's global ID names, or None when the viewer may not see it."""
    type_name = node_type.__strawberry_definition__.name  # type: ignore[attr-defined]
    (found,) = await node_type.resolve_nodes(info=info, node_ids=[key_of(value, type_name, argument)])
    return found


def node_key(value: str) -> dict[str, str]:
    """The compiled `node(id:)`'s parameters: the type and key inside the global ID (a malformed one takes the
    resolver path, which refuses it)."""
    try:
        type_name, key = decode_any(value)
    except GlobalIdRefused as refused:
        raise ResolverPath(str(refused)) from refused
    return {"type": type_name, "key": key}


async def any_node_by_id(info: Info, value: str) -> relay.Node | None:
    """`node(id:)`: any node type of the schema, by the type name inside the global ID."""
    try:
        type_name, key = decode_any(value)
    except GlobalIdRefused as refused:
        raise PublicError(f"`id`: {refused}", "VALIDATION") from refused
    # Any Node object type of the schema answers by the type name inside the global ID; any other name (`Node`
    # itself, another interface, a non-node type, no type at all) is not an ID this API issues.
    definition = info.schema.get_type_by_name(type_name)
    node_type = getattr(definition, "origin", None)
    if not (isinstance(definition, StrawberryObjectDefinition) and not definition.is_interface
            and isinstance(node_type, type) and issubclass(node_type, relay.Node)):
        raise PublicError(f"`id`: {MALFORMED}", "VALIDATION")
    (found,) = await node_type.resolve_nodes(info=info, node_ids=[key])
    return found
