"""A compiled read's plan (schema/shared/read_compiler.py builds it): how each request's arguments become the
statement's parameters, and the post-pass that turns the statement's one row into the response.

The statement gives every object as a map with one entry per response key (`k0`, `k1` … in selection order);
the post-pass renames them to the response keys and finishes what Cypher cannot produce: Relay global IDs and
connections (edges, cursors, `pageInfo` from the one row read past the page), temporals formatted as the
resolvers format them, `__typename`, enum values whose GraphQL name differs from what the graph stores.
A null where the schema promises a value raises `Fallback`, as does an argument the resolvers would refuse:
the resolvers then answer, with their errors. A field the resolvers answer below a compiled node is left as a
`Pending` (in `params[PENDING]`), which schema/shared/resolved_fields.py replaces."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from graphql import FieldNode, GraphQLField
from graphql.execution.values import get_argument_values
from strawberry.types.arguments import convert_arguments

from graph.shared.records import SortKey, cursor_param
from resolvers.shared.errors import PublicError
from resolvers.shared.pagination import decode_cursor, encode_cursor, page_size
from schema.shared.graph_mapping import Reach, ResolverPath, Shape

PENDING = "__pending"  # the post-pass's list of Pending fields, in the request's parameters once the statement ran


class Fallback(Exception):
    """This request's answer needs the resolvers (an argument they refuse, a null they report as an error)."""


class Kind(Enum):
    PASS = "pass"  # the statement's value as it is
    CONVERT = "convert"  # `convert(value)`
    CONSTANT = "constant"  # `convert` itself (`__typename`)
    OBJECT = "object"  # a map, shaped by `sub`
    OBJECTS = "objects"  # a list of maps
    PAGE = "page"  # one row past a page of maps, shaped as a Relay connection by `page`
    RESOLVE = "resolve"  # the node's record or key: the resolvers answer this field (`convert`, a ResolvedField)


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
    cursors: str  # which cursors are asked for: "" none, "ends" (`startCursor`, `endCursor`), "every" (edges')


@dataclass(frozen=True)
class ResolvedField:
    """A field below a compiled node that the resolvers answer (its subtree has no graph mapping): the node's
    type, and the field as graphql-core collected it."""

    parent_type: Any  # the GraphQLObjectType whose Python class (a LoadedNode) loads the node by its key
    details: list[Any]  # graphql-core's FieldDetails of the field


@dataclass(frozen=True)
class Pending:
    """Where the post-pass left a ResolvedField (replaced by the resolvers' answer): `node` is the node's record
    map when its type declares `record` (schema/shared/nodes.LoadedNode), else its key."""

    field: ResolvedField
    node: str | dict[str, Any]


@dataclass(frozen=True)
class Binder:
    """One compiled field with arguments or a page: how a request's arguments become its parameters."""

    prefix: str
    definition: GraphQLField
    node: FieldNode
    strawberry_field: Any
    reach: Reach
    parameters: frozenset[str]  # the reach's own parameters, without the prefix
    types: frozenset[str] = frozenset()  # of `node(id:)`: the types looked up; another type's ID takes the resolvers


def bind(binders: tuple[Binder, ...], variables: Any, context: Any, converter: Any, config: Any) -> dict[str, Any]:
    """The statement's parameters for this request: `$scope`, `$now`, and each field's own."""
    params: dict[str, Any] = {"scope": context.viewer.scope, "now": context.now}
    for binder in binders:
        raw = get_argument_values(binder.definition, binder.node, variables)
        arguments = convert_arguments(raw, binder.strawberry_field.arguments, scalar_registry=converter,
                                      config=config)
        try:
            own = reach_parameters(binder.reach, arguments, context)
        except (PublicError, ResolverPath) as refused:
            raise Fallback(str(refused)) from refused
        if binder.types and own.get("type") not in binder.types:
            raise Fallback(f"node(id:) of a {own.get('type')}")
        if missing := binder.parameters - own.keys():
            raise RuntimeError(f"{binder.definition.ast_node}: no value for {sorted(missing)}")
        for name in binder.parameters:
            params[binder.prefix + name] = own[name]
    return params


def reach_parameters(reach: Reach, arguments: dict[str, Any], context: Any) -> dict[str, Any]:
    """A reach's own parameters from its field's arguments (by Python name): those `arguments` gives and, of a
    page, `$limit` (the page size + 1) and `$after`. Raises PublicError as the field's resolver refuses."""
    own = reach.arguments(arguments, context)
    if reach.shape is not Shape.PAGE:
        return own
    return {"limit": page_size(arguments.get("first"), context.page_limits) + 1,
            "after": cursor_param(decode_cursor(arguments.get("after"))), **own}


def enum_name(names: dict[str, str], stored: str) -> str:
    try:
        return names[stored]
    except KeyError:
        raise Fallback(f"{stored!r} is not a value of its enum") from None


def shaper(plan: ObjectPlan) -> Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]:
    """The post-pass of `plan` as one generated function per object plan (as graph/shared/records.py reads
    records): a dict display of the response keys, each value read and converted inline, instead of a loop
    that tests each entry's kind (a compiled Q1 shapes a thousand objects)."""
    return _Shapers().of(plan)


class _Shapers:
    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"_nn": _non_null, "_connection": _connection, "_pending": _pending}

    def bound(self, value: Any) -> str:
        name = f"_v{len(self.namespace)}"
        self.namespace[name] = value
        return name

    def of(self, plan: ObjectPlan) -> Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]:
        if plan.by_type is not None:
            by_type = {name: self.of(sub) for name, sub in plan.by_type.items()}
            return lambda row, params: by_type[row["__type"]](row, params)
        entries = ", ".join(f"{o.key!r}: {self.value(o)}" for o in plan.outs)
        source = f"def shape(row, params):\n    return {{{entries}}}\n"
        namespace = dict(self.namespace)
        exec(compile(source, "<read plan>", "exec"), namespace)  # noqa: S102 - our own text, from the schema
        return namespace["shape"]

    def value(self, o: Out) -> str:
        if o.kind is Kind.CONSTANT:
            return repr(o.convert)
        read = f"row[{o.source!r}]"
        if o.non_null:
            read = f"_nn({read})"
        if o.kind is Kind.PASS:
            return read
        if o.kind is Kind.CONVERT:
            done = f"{self.bound(o.convert)}(_x)"
        elif o.kind is Kind.RESOLVE:
            done = f"_pending({self.bound(o.convert)}, _x, params)"
        elif o.kind is Kind.OBJECT:
            done = f"{self.bound(self.of(o.sub))}(_x, params)"  # type: ignore[arg-type]
        elif o.kind is Kind.OBJECTS:
            done = f"[{self.bound(self.of(o.sub))}(_y, params) for _y in _x]"  # type: ignore[arg-type]
        else:
            page = o.page
            assert page is not None
            done = f"_connection({self.bound(page)}, {self.bound(self.of(page.node))}, _x, params)"
        return done.replace("_x", read) if o.non_null else f"(None if (_x := {read}) is None else {done})"


def _non_null(value: Any) -> Any:
    if value is None:
        raise Fallback("null where the schema promises a value")
    return value


def _pending(field: ResolvedField, node: str | dict[str, Any], params: dict[str, Any]) -> Pending:
    pending = Pending(field, node)
    params[PENDING].append(pending)
    return pending


def _connection(plan: PagePlan, node: Callable, rows: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
    size = params[plan.limit] - 1
    has_next = len(rows) > size
    rows = rows[:size]
    cursors: list[str] | None = None
    if plan.cursors == "every":
        cursors = [encode_cursor(SortKey(*row["__cursor"])) for row in rows]
    elif plan.cursors and rows:  # only the page's ends: a page of 500 lineages asks for its endCursor alone
        cursors = [encode_cursor(SortKey(*rows[0]["__cursor"])), encode_cursor(SortKey(*rows[-1]["__cursor"]))]
    out: dict[str, Any] = {}
    for key, piece, type_name, selections in plan.outs:
        if piece == "__typename":
            out[key] = type_name
        elif piece == "edges":
            out[key] = [{k: node(row, params) if name == "node" else cursors[i] if name == "cursor"  # type: ignore
                         else type_name for k, name in selections} for i, row in enumerate(rows)]
        else:
            start = end = None
            if cursors:
                start, end = cursors[0], cursors[-1]
            info = {"hasNextPage": has_next, "hasPreviousPage": False, "startCursor": start, "endCursor": end,
                    "__typename": type_name}
            out[key] = {k: info[name] for k, name in selections}  # type: ignore[union-attr]
    return out
