"""The resolvers' path of a field that declares its reach (schema/shared/graph_mapping.py): a DataLoader that runs
the declaration's own Cypher for every parent node of a batch in one statement. The read compiler and this loader
read a reach through the same `read_compiler.reach_body`, so the mapping is written once and both paths find the
same nodes, in the same order, with the same cursors.

The node type's class (schema/shared/nodes.LoadedNode) says how its records are read: `record`, the Cypher map of
a node at `{node}` (the map its by-id query returns, from the same fragment), `record_type`, the graph record
that reads the map, and `companions`, records read along with it to prime other loaders (a deal registration's
opportunity and account, which a portal's deal list shows beside it).
"""

from __future__ import annotations

import asyncio
import itertools
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

import orjson
from aiodataloader import DataLoader
from strawberry.types import Info

from graph.shared import cypher_files
from graph.shared.records import Page, SortKey
from resolvers.shared.loaders import prime
from schema.shared.graph_mapping import GRAPH, Reach, Shape
from schema.shared.pagination import to_connection
from schema.shared.read_compiler import declared_cypher, reach_body
from schema.shared.read_plan import reach_parameters


@dataclass(frozen=True)
class ReachRead:
    cypher: str
    parameters: frozenset[str]  # every parameter of `cypher` but `$keys`


@cache
def reach_read(parent_label: str, reach: Reach, node_type: Any) -> ReachRead:
    """The batched statement of a reach from parents labelled `parent_label` (a node type's label is its GraphQL
    name): per key, each node as [its record, its cursor (the [value, id] pair the declaration orders by), each
    companion's [key, record]]."""
    counter = itertools.count(1)
    body, cursor, _ = reach_body(reach, "parent", "node", "", counter)
    values = [declared_cypher(text.replace("{node}", "node"), counter)[0]
              for text in (node_type.record, *(f"[{c.key}, {c.value}]" for c in node_type.companions))]
    cypher = (f"UNWIND $keys AS key MATCH (parent:{parent_label} {{id: key}}) "
              f"RETURN key, COLLECT {{ {body} RETURN [{', '.join([values[0], cursor, *values[1:]])}] }} AS found")
    return ReachRead(cypher, cypher_files.used_parameters(cypher) - {"keys"})


async def reached(info: Info, node_type: Any, parent_key: str, **arguments: Any) -> Any:
    """What the field being resolved reaches from its parent node `parent_key`, by its declaration: a Relay
    connection of `node_type` for a PAGE, a list for a LIST (a ONE reach's resolver follows the key on its
    parent's record instead). `arguments` are the field's (by Python name); an argument the declaration refuses
    raises its PublicError."""
    parent = info.path.typename
    assert parent is not None
    reach = info.schema.get_type_by_name(parent).get_field(info.python_name).metadata[GRAPH]  # type: ignore
    context = info.context
    own = reach_parameters(reach, arguments, context)
    read = reach_read(parent, reach, node_type)
    loader = context.loaders.made((parent, info.python_name),
                                  lambda: _loader(read, f"reach {parent}.{info.python_name}", context))
    found = await loader.load((parent_key, orjson.dumps(own, option=orjson.OPT_SORT_KEYS), own))
    records = [node_type.record_type.from_map(row[0]) for row in found]
    for n, companion in enumerate(node_type.companions, start=2):
        prime(getattr(context.loaders, companion.loader), {
            key: None if value is None else companion.record_type.from_map(value)
            for key, value in (row[n] for row in found) if key is not None})
    if reach.shape is Shape.PAGE:
        keys = [SortKey(*row[1]) for row in found]
        return to_connection(Page.from_rows(records, own["limit"] - 1, keys), node_type.from_record)
    return [node_type.from_record(record) for record in records]


def _loader(read: ReachRead, label: str, context: Any) -> DataLoader:
    """One statement per distinct set of arguments, for all the parents asked for with it in the same tick (traced
    under `label`, the reach's type and field)."""
    shared = {"scope": context.viewer.scope, "now": context.now}

    async def batch(keys: list[tuple[str, bytes, dict[str, Any]]]) -> list[list[Any]]:
        groups: dict[bytes, list[str]] = defaultdict(list)
        arguments: dict[bytes, dict[str, Any]] = {}
        for parent_key, text, own in keys:
            groups[text].append(parent_key)
            arguments[text] = own

        async def run(text: bytes) -> list[Any]:
            params = {name: value for name, value in {**shared, **arguments[text]}.items() if name in read.parameters}
            ids = list(dict.fromkeys(groups[text]))
            return await context.graph.read_transaction(lambda tx: tx.statement(label, read.cypher, keys=ids, **params))

        texts = list(groups)
        found = {(text, row["key"]): row["found"]
                 for text, rows in zip(texts, await asyncio.gather(*map(run, texts)), strict=True) for row in rows}
        return [found.get((text, parent_key), []) for parent_key, text, _ in keys]

    return DataLoader(batch, get_cache_key=lambda key: (key[0], key[1]))
