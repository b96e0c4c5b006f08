"""A compiled read's plan (schema/shared/read_compiler.py builds it): how each request's arguments become the
statement's parameters, and the post-pass that turns the statement's one row into the response.

The statement gives every object as a map with one entry per response key (`k0`, `k1` … in selection order);
the post-pass renames them to the response keys and finishes what Cypher cannot produce: Relay global IDs and
connections (edges, cursors, `pageInfo` from the one row read past the page), temporals formatted as the
resolvers format them, `__typename`, enum values whose GraphQL name differs from what the graph stores.
A null where the schema promises a value raises `Fallback`, as does an argument the resolvers would refuse:
the resolvers then answer, with their errors."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from graphql import FieldNode, GraphQLField
from graphql.execution.values import get_argument_values
from strawberry.types.arguments import convert_arguments

from graph.shared.records import SortKey, cursor_param
from resolvers.shared.errors import PublicError
from resolvers.shared.pagination import decode_cursor, encode_cursor, page_size
from schema.shared.graph_mapping import Reach, Shape


class Fallback(Exception):
    """This request's answer needs the resolvers (an argument they refuse, a null they report as an error)."""

class Kind(Enum):
    PASS = "pass"  # the statement's value as it is
    CONVERT = "convert"  # `convert(value)`
    CONSTANT = "constant"  # `convert` itself (`__typename`)
    OBJECT = "object"  # a map, shaped by `sub`
    OBJECTS = "objects"  # a list of maps
    PAGE = "page"  # one row past a page of maps, shaped as a Relay connection by `page`

@dataclass(frozen=True)
class Out:
    key: str  # the response key
    source: str  # the key in the statement's map
    kind: Kind
    non_null: bool
    convert: Any = None
    sub: ObjectPlan | None = None
    page: PagePlan | None = None

@dataclass(frozen=True)
class ObjectPlan:
    outs: tuple[Out, ...]
    by_type: dict[str, ObjectPlan] | None = None  # of an interface or union: the plan of each concrete type

@dataclass(frozen=True)
class PagePlan:
    # (response key, `edges` | `pageInfo` | `__typename`, the type's name, the edge's or pageInfo's selections)
    outs: tuple[tuple[str, str, str, tuple | None], ...]
    node: ObjectPlan
    limit: str  # the parameter holding the page size + 1

@dataclass(frozen=True)
class Binder:
    """One compiled field with arguments or a page: how a request's arguments become its parameters."""

    prefix: str
    definition: GraphQLField
    node: FieldNode
    strawberry_field: Any
    reach: Reach
    parameters: frozenset[str]  # the reach's own parameters, without the prefix

def bind(binders: tuple[Binder, ...], variables: Any, context: Any, converter: Any, config: Any) -> dict[str, Any]:
    """The statement's parameters for this request: `$scope`, `$now`, and each field's own."""
    params: dict[str, Any] = {"scope": context.viewer.scope, "now": context.now}
    for binder in binders:
        raw = get_argument_values(binder.definition, binder.node, variables)
        arguments = convert_arguments(raw, binder.strawberry_field.arguments, scalar_registry=converter,
                                      config=config)
        try:
            own = binder.reach.arguments(arguments, context)
            if binder.reach.shape is Shape.PAGE:
                own = {"limit": page_size(arguments.get("first"), context.page_limits) + 1,
                       "after": cursor_param(decode_cursor(arguments.get("after"))), **own}
        except PublicError as refused:
            raise Fallback(str(refused)) from refused
        if missing := binder.parameters - own.keys():
            raise RuntimeError(f"{binder.definition.ast_node}: no value for {sorted(missing)}")
        for name in binder.parameters:
            params[binder.prefix + name] = own[name]
    return params

def enum_name(names: dict[str, str], stored: str) -> str:
    try:
        return names[stored]
    except KeyError:
        raise Fallback(f"{stored!r} is not a value of its enum") from None


def shape(plan: ObjectPlan, row: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    """The response object of one map of the statement."""
    if plan.by_type is not None:
        plan = plan.by_type[row["__type"]]
    out: dict[str, Any] = {}
    for o in plan.outs:
        kind = o.kind
        if kind is Kind.CONSTANT:
            out[o.key] = o.convert
            continue
        value = row[o.source]
        if value is None:
            if o.non_null:
                raise Fallback(f"null at non-null {o.key}")
            out[o.key] = None
        elif kind is Kind.PASS:
            out[o.key] = value
        elif kind is Kind.CONVERT:
            out[o.key] = o.convert(value)
        elif kind is Kind.OBJECT:
            out[o.key] = shape(o.sub, value, params)  # type: ignore[arg-type]
        elif kind is Kind.OBJECTS:
            sub = o.sub
            out[o.key] = [shape(sub, item, params) for item in value]  # type: ignore[arg-type]
        else:
            out[o.key] = _connection(o.page, value, params)  # type: ignore[arg-type]
    return out

def _connection(plan: PagePlan, rows: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
    size = params[plan.limit] - 1
    has_next = len(rows) > size
    rows = rows[:size]
    cursors = [encode_cursor(SortKey(*row["__cursor"])) for row in rows]
    out: dict[str, Any] = {}
    for key, piece, type_name, selections in plan.outs:
        if piece == "__typename":
            out[key] = type_name
        elif piece == "edges":
            out[key] = [_edge(selections, type_name, plan.node, row, cursor, params)  # type: ignore[arg-type]
                        for row, cursor in zip(rows, cursors, strict=True)]
        else:
            info = {"hasNextPage": has_next, "hasPreviousPage": False,
                    "startCursor": cursors[0] if cursors else None, "endCursor": cursors[-1] if cursors else None,
                    "__typename": type_name}
            out[key] = {k: info[name] for k, name in selections}  # type: ignore[union-attr]
    return out

def _edge(selections: tuple[tuple[str, str], ...], type_name: str, node: ObjectPlan, row: dict[str, Any],
          cursor: str, params: dict[str, Any]) -> dict[str, Any]:
    edge: dict[str, Any] = {}
    for key, name in selections:
        edge[key] = shape(node, row, params) if name == "node" else cursor if name == "cursor" else type_name
    return edge

