"""How a schema field maps to the graph, declared next to the field; the read compiler
(schema/shared/read_compiler.py) turns a whole query into one Cypher statement from these declarations.

Cypher in a declaration names the field's parent node `{parent}` and its own node `{node}`; it may use the
fragments of cypher/fragments (`{{partner_visible({node})}}`), the request's `$scope` and `$now`,
and parameters of its own (`$limit`, `$after`, and what `arguments` returns), which the compiler renames apart per
field. Variables it binds besides `{node}` are `_` and letters (`_deal`), renamed apart per use like a fragment's
internal names.

- A plain field (no resolver) of a node type reads the property of its name, `{node}.<name>`, unless it declares
  another `value(...)`. Temporals come as ISO text and are formatted as the resolvers format them.
- A resolver field compiles only when it declares `reach(...)` or `value(...)`: the Cypher alone must give its
  whole answer, with the same visibility as its resolver. A field without a declaration, below a node the
  statement reached, is answered by its resolver (and the DataLoaders) for its subtree, in the same request
  (schema/shared/resolved_fields.py); a root field without one runs through the resolvers beside the statement.
- The resolver of a field that declares a reach reads the same declaration (schema/shared/declared_reads.py
  `reached`): its DataLoader runs the declared Cypher for every parent of a batch, so the mapping is written once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

GRAPH = "graph"  # the strawberry.field metadata key of a declaration


class Shape(Enum):
    ONE = "one"  # a nullable or non-null object: the first row, or null
    LIST = "list"  # every row
    PAGE = "page"  # a Relay connection: `first` rows after `after`, one more read to tell `hasNextPage`


def no_arguments(arguments: Mapping[str, Any], context: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Reach:
    """A field whose value is the node(s) `match` reaches from `{parent}` (None: the parent's node itself).

    `arguments` turns the field's arguments (as its resolver receives them, by Python name) and the request's
    context into the Cypher parameters `match` uses; it raises to refuse (the resolvers then answer the error).
    `order` sorts the rows; a PAGE's `cursor` is the [value, id] pair its keyset cursor encodes, compared by
    the `after_cursor` fragment or the match's own condition on `$after`."""

    match: str | None
    shape: Shape = Shape.ONE
    order: str = ""
    cursor: str = "[{node}.name, {node}.id]"
    arguments: Callable[[Mapping[str, Any], Any], dict[str, Any]] = no_arguments
    types: tuple[str, ...] = ()  # of an interface or union field: the concrete types reached, each a node label
    by_id: bool = False  # `node(id:)`: each node type's own `lookup`, by the type and key `arguments` give


@dataclass(frozen=True)
class Value:
    """A field computed by a Cypher expression over `{node}`: a scalar, a list of scalars, or a map for an object
    type (`Money`), whose keys are that type's field names."""

    expression: str


class ResolverPath(Exception):
    """Raised by a declaration's `arguments` when the resolvers must answer this request (say, a global ID of a
    type the compiler does not look up)."""


def reach(match: str | None, shape: Shape = Shape.ONE, order: str = "", cursor: str = "[{node}.name, {node}.id]",
          arguments: Callable[[Mapping[str, Any], Any], dict[str, Any]] = no_arguments,
          types: tuple[str, ...] = ()) -> dict[str, Any]:
    """strawberry.field metadata: the field reaches nodes (see `Reach`)."""
    return {GRAPH: Reach(match, shape, order, cursor, arguments, types)}


def node_lookup(arguments: Callable[[Mapping[str, Any], Any], dict[str, Any]]) -> dict[str, Any]:
    """strawberry.field metadata of `node(id:)`: `arguments` gives `$type` and `$key`; each node type whose class
    declares `lookup` (the condition of its by-id read over `{node}`, see schema/shared/nodes.LoadedNode) is
    looked up by its label."""
    return {GRAPH: Reach(None, arguments=arguments, by_id=True)}


def oldest_first(match: str, at: str = "createdAt") -> dict[str, Any]:
    """strawberry.field metadata: a connection (Shape.PAGE) of the nodes `match` reaches (a MATCH ... WHERE),
    oldest first by the temporal property `at`, then id: the keyset cursor, compared in epoch milliseconds (ISO text
    would not sort: Neo4j leaves zero seconds out)."""
    moment = f"{{node}}.{at}.epochMillis"
    return reach(f"{match} AND ($after IS NULL OR {moment} > $after.value "
                 f"OR ({moment} = $after.value AND {{node}}.id > $after.id))",
                 Shape.PAGE, order=f"{{node}}.{at}, {{node}}.id", cursor=f"[{moment}, {{node}}.id]")


def value(expression: str) -> dict[str, Any]:
    """strawberry.field metadata: the field is a Cypher expression over `{node}` (see `Value`)."""
    return {GRAPH: Value(expression)}


def money_from(amount: str, currency: str = "currency") -> dict[str, Any]:
    """strawberry.field metadata: a `Money` read from two properties of `{node}`."""
    return value(f"CASE WHEN {{node}}.{amount} IS NULL THEN null "
                 f"ELSE {{amount: {{node}}.{amount}, currency: {{node}}.{currency}}} END")
