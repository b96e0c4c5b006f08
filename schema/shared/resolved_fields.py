"""The fields below a compiled read's nodes that have no graph mapping (schema/shared/read_plan.ResolvedField),
answered by the resolvers inside the same request: each node is built from the record the statement read when
its type declares one (schema/shared/nodes.LoadedNode.record), else loaded by its key through its DataLoader (one
batched round trip per node type, whatever the number of nodes), and graphql-core executes the field on it at
its path in the response, so the field's errors carry exactly the path and the masking the resolvers give, and
its DataLoaders batch across every node it is asked on."""

from __future__ import annotations

import asyncio
from typing import Any

from graphql import GraphQLError
from graphql.execution import Executor
from graphql.pyutils import Path, gather_with_cancel, is_awaitable
from strawberry.types.execution import ExecutionContext

from resolvers.shared.loaders import prime
from schema.shared.read_plan import Fallback, Pending


async def resolve_pending(ctx: ExecutionContext, context: Any, data: dict[str, Any],
                          pending: list[Pending]) -> list[GraphQLError]:
    """Replace each Pending in `data` by the resolvers' answer; the errors of the nullable fields that failed.
    A failure that would null a non-null parent, or a node its DataLoader no longer finds (written meanwhile),
    raises `Fallback`: the resolvers answer the whole request, as they alone would."""
    places = _places(data, [], {})
    sources = await _sources(context, pending)
    executor = Executor.build(ctx.schema._schema, ctx.graphql_document, ctx.root_value, context,
                              ctx.variables, ctx.operation_name)
    if isinstance(executor, list):  # the request's variables: the limits and the compiler admitted them
        raise Fallback(f"graphql-core refused the request: {executor[0].message}")
    try:
        values = [executor.execute_field(item.field.parent_type, source, item.field.details, places[id(item)][2], None)
                  for item, source in zip(pending, sources, strict=True)]
        awaited = [i for i, value in enumerate(values) if is_awaitable(value)]
        for i, value in zip(awaited, await gather_with_cancel(*(values[i] for i in awaited)), strict=True):
            values[i] = value
    except GraphQLError as failure:  # a non-null field failed: its parent's null propagates up the compiled tree
        raise Fallback(f"a resolved field that may not be null failed: {failure.message}") from failure
    for item, value in zip(pending, values, strict=True):
        container, key, _ = places[id(item)]
        container[key] = value
    return executor.collected_errors.errors


async def _sources(context: Any, pending: list[Pending]) -> list[Any]:
    """Each Pending's node as its resolvers get it (the type's instance): built from the record the statement
    read, or loaded by its key (all keys of one type in one batch)."""
    keys: dict[Any, list[str]] = {}
    for item in pending:
        if isinstance(item.node, str):
            keys.setdefault(item.field.parent_type, []).append(item.node)
    types = list(keys)
    found = await asyncio.gather(*(_origin(type_).load_records(context, list(dict.fromkeys(keys[type_])))
                                   for type_ in types))
    loaded: dict[tuple[str, str], Any] = {}
    for type_, records in zip(types, found, strict=True):
        for key, record in zip(dict.fromkeys(keys[type_]), records, strict=True):
            if record is None:
                raise Fallback(f"a {type_.name} of the compiled read is not found by its key")
            loaded[type_.name, key] = record
    sources = []
    for item in pending:
        origin = _origin(item.field.parent_type)
        try:
            if isinstance(item.node, str):
                record = loaded[item.field.parent_type.name, item.node]
            else:  # read under the same visibility as its by-id loader's: the resolvers need not read it again
                record = origin.record_type.from_map(item.node)
                prime(getattr(context.loaders, origin.loader), {record.id: record})
            sources.append(origin.from_record(record))
        except Exception as broken:  # noqa: BLE001 - a record the schema cannot represent: the resolvers report it
            raise Fallback(f"a {item.field.parent_type.name} the resolvers cannot build: {broken!r}") from broken
    return sources


def _origin(type_: Any) -> Any:
    return type_.extensions["strawberry-definition"].origin


def _places(value: Any, path: list[str | int], found: dict[int, tuple[Any, Any, Path]]) -> dict:
    """Where each Pending sits in the shaped data: its container, its key there, and its response path."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(item, Pending):
            prev = None
            for part in (*path, key):
                prev = Path(prev, part, None)
            found[id(item)] = (value, key, prev)
        elif isinstance(item, dict | list):
            _places(item, [*path, key], found)
    return found
