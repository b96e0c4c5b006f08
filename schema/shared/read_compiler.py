"""The read compiler: a validated query operation becomes one Cypher statement, built from the fields' graph
declarations (schema/shared/graph_mapping.py), that returns the response tree nearly shaped, and the plan of the
small post-pass (schema/shared/read_plan.py) that finishes it: Relay global IDs, cursors and connections,
temporals formatted as the resolvers format them, `__typename`.

Fields are collected as graphql-core executes them (fragments, type conditions, `@include`/`@skip`), so the
plan depends on the document, the operation and the Boolean variables only; argument values are parameters,
bound per request. A field the declarations cannot answer (`NotCompilable`) below a node of a type loaded by
key (schema/shared/nodes.LoadedNode) is left to the resolvers: the statement reads the node's record (or key)
there, and the post-pass leaves a `Pending` for schema/shared/resolved_fields.py. Anywhere else it fails its root
field, which the resolvers answer beside the statement (`compile_operation`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    OperationDefinitionNode,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.collect_fields import FieldDetails, collect_fields, collect_subfields
from strawberry import relay

from graph.shared import cypher_files
from schema.shared.graph_mapping import GRAPH, Reach, Shape, Value
from schema.shared.nodes import LoadedNode
from schema.shared.read_plan import Binder, Kind, ObjectPlan, Out, PagePlan, ResolvedField, enum_name, shaper
from schema.shared.selections import fragments_of

SHARED_PARAMETERS = frozenset({"scope", "now"})  # the request's, the same for every field
PASSED_SCALARS = frozenset({"String", "ID", "Boolean"})  # the driver's value is already the JSON value
TEMPORALS = {"DateTime": datetime, "Date": date}
CURSOR_MARK = "/*cursor*/"  # between a reach's text and its cursor while both are renamed as one


class NotCompilable(Exception):
    """The operation cannot run as one statement; the message names the field and why."""


@dataclass(frozen=True)
class CompiledRead:
    cypher: str
    root: ObjectPlan
    binders: tuple[Binder, ...]
    shape: Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]  # the post-pass (read_plan.shaper)
    # When only some root fields compile: the document of the others, for the resolvers, and every root key in order.
    rest: DocumentNode | None = None
    keys: tuple[str, ...] = ()
    resolved: tuple[str, ...] = ()  # why the fields below compiled nodes that the resolvers answer do not compile


def compile_operation(schema: GraphQLSchema, fragments: Mapping[str, Any], variables: Any,
                      operation: OperationDefinitionNode, document: DocumentNode) -> CompiledRead:
    """The whole operation as one statement; else its root fields that compile, with the document of the others
    (`rest`) for the resolvers: a portal page whose one panel has no graph mapping still reads the rest at once."""
    try:
        return compile_read(schema, fragments, variables, operation)
    except NotCompilable as whole:
        selections = operation.selection_set.selections
        if not all(isinstance(node, FieldNode) for node in selections):  # root fragments: all or nothing
            raise
        keys = [(node.alias or node.name).value for node in selections]  # type: ignore[attr-defined]
        compiled = [key for key in dict.fromkeys(keys) if _compiles(schema, fragments, variables, operation, key)]
        if not compiled:
            raise whole from None
    others = tuple(node for node, key in zip(selections, keys, strict=True) if key not in compiled)
    # The same operation (name, variables, directives) with only the other root fields.
    kept = {name: getattr(operation, name) for name in operation.keys if name != "loc"}
    rest = DocumentNode(definitions=(
        OperationDefinitionNode(**{**kept, "selection_set": SelectionSetNode(selections=others)}),
        *fragments_of(document).values()))
    part = compile_read(schema, fragments, variables, operation, set(compiled))
    return CompiledRead(part.cypher, part.root, part.binders, part.shape, rest, tuple(dict.fromkeys(keys)),
                        part.resolved)


def _compiles(schema: GraphQLSchema, fragments: Mapping[str, Any], variables: Any,
              operation: OperationDefinitionNode, key: str) -> bool:
    try:
        compile_read(schema, fragments, variables, operation, {key})
    except NotCompilable:
        return False
    return True


def compile_read(schema: GraphQLSchema, fragments: Mapping[str, Any], variables: Any,
                 operation: OperationDefinitionNode, keys: Collection[str] | None = None) -> CompiledRead:
    """The operation's statement and plan; of the root fields with response keys `keys` only, when given."""
    compiler = _Compiler(schema, fragments, variables, operation)
    query_type = schema.query_type
    assert query_type is not None
    grouped = collect_fields(schema, dict(fragments), variables, query_type, operation).grouped_field_set
    if keys is not None:
        grouped = {key: details for key, details in grouped.items() if key in keys}
    entries, root = compiler.object(query_type, grouped, None)
    cypher = "RETURN {" + ", ".join(entries) + "} AS data"
    return CompiledRead(cypher, root, tuple(compiler.binders), shaper(root), resolved=tuple(compiler.resolved))


class _Compiler:
    def __init__(self, schema: GraphQLSchema, fragments: Mapping[str, Any], variables: Any,
                 operation: OperationDefinitionNode):
        self.schema = schema
        self.fragments = dict(fragments)
        self.variables = variables
        self.operation = operation
        self.counter = itertools.count(1)  # fragments' internal names, apart across the whole statement
        self.fields = itertools.count(1)  # the compiled fields' node variables and parameter prefixes
        self.binders: list[Binder] = []
        self.resolved: list[str] = []  # why the fields the resolvers answer do not compile

    def object(self, type_: GraphQLObjectType, grouped: Mapping[str, list[FieldDetails]],
               node: str | None) -> tuple[list[str], ObjectPlan]:
        """The map entries of an object at Cypher variable `node` (None: not a node), and its plan."""
        entries: list[str] = []
        outs: list[Out] = []
        for index, (key, details) in enumerate(grouped.items()):
            name = details[0].node.name.value
            if name == "__typename":
                outs.append(Out(key, "", Kind.CONSTANT, False, type_.name))
                continue
            source = f"k{index}"
            definition = type_.fields.get(name)
            if definition is None:  # introspection (`__schema`, `__type`)
                raise NotCompilable(f"{type_.name}.{name} is not a field of the graph")
            binders = len(self.binders)
            try:
                expression, out = self.field(type_, name, definition, details, node, key, source)
            except NotCompilable as reason:
                if node is None or not _loaded(type_):
                    raise
                # The resolvers answer this field's subtree, on the node's record when its type declares one,
                # else on the node its DataLoader loads by the key.
                del self.binders[binders:]
                self.resolved.append(str(reason))
                record = type_.extensions["strawberry-definition"].origin.record
                expression = self.expression(record, node) if record else f"{node}.id"
                out = Out(key, source, Kind.RESOLVE, False, ResolvedField(type_, details))
            entries.append(f"{source}: {expression}")
            outs.append(out)
        return entries, ObjectPlan(tuple(outs))

    def field(self, parent: GraphQLObjectType, name: str, definition: GraphQLField, details: list[FieldDetails],
              node: str | None, key: str, source: str) -> tuple[str, Out]:
        strawberry_field = definition.extensions.get("strawberry-definition")
        declared = strawberry_field.metadata.get(GRAPH) if strawberry_field is not None else None
        non_null = isinstance(definition.type, GraphQLNonNull)
        where = f"{parent.name}.{name}"
        if isinstance(declared, Reach):
            return self.reach(declared, definition, details, strawberry_field, node, key, source, where)
        if definition.args and not isinstance(declared, Value):
            raise NotCompilable(f"{where} takes arguments and declares no reach")
        if node is None and declared is None:
            raise NotCompilable(f"{where} is not on a node and declares no value")
        if name == "id" and declared is None and _is_node(parent):
            return f"{node}.id", Out(key, source, Kind.CONVERT, non_null,
                                     lambda value, type_name=parent.name: str(relay.GlobalID(type_name, value)))
        if declared is None:
            if strawberry_field is not None and strawberry_field.base_resolver is not None:
                raise NotCompilable(f"{where} has a resolver and declares no graph mapping")
            return self.leaf(definition, f"{node}.{name}", key, source, non_null, where)
        expression = self.expression(declared.expression, node)
        named = get_named_type(definition.type)
        if isinstance(named, GraphQLObjectType):
            # A map whose keys are the object type's field names: plain fields only.
            sub = self.value_object(named, details, where)
            return expression, Out(key, source, Kind.OBJECT, non_null, sub=sub)
        return self.leaf(definition, expression, key, source, non_null, where)

    def leaf(self, definition: GraphQLField, expression: str, key: str, source: str, non_null: bool,
             where: str) -> tuple[str, Out]:
        type_ = definition.type.of_type if isinstance(definition.type, GraphQLNonNull) else definition.type
        if isinstance(type_, GraphQLList):
            item = get_named_type(type_)
            if not (isinstance(item, GraphQLScalarType) and item.name in PASSED_SCALARS):
                raise NotCompilable(f"{where}: only lists of strings compile")
            return expression, Out(key, source, Kind.PASS, non_null)
        if isinstance(type_, GraphQLEnumType):
            # The GraphQL name of the stored value; a value the enum does not hold falls back to the resolvers,
            # which report it as they report any record the schema cannot represent.
            names = {value.value: name for name, value in type_.values.items()}
            return expression, Out(key, source, Kind.CONVERT, non_null, partial(enum_name, names))
        assert isinstance(type_, GraphQLScalarType), where
        if type_.name in TEMPORALS:
            parse = TEMPORALS[type_.name].fromisoformat
            # ISO text from the statement, parsed and formatted as the records and Strawberry do; a driver
            # temporal inside a value map (a case's SLA figures) as the driver gives it.
            return f"toString({expression})", Out(key, source, Kind.CONVERT, non_null, lambda found: (
                parse(found) if isinstance(found, str) else found.to_native()).isoformat())
        if type_.name in PASSED_SCALARS:
            return expression, Out(key, source, Kind.PASS, non_null)
        return expression, Out(key, source, Kind.CONVERT, non_null, type_.serialize)

    def value_object(self, type_: GraphQLObjectType, details: list[FieldDetails], where: str) -> ObjectPlan:
        grouped = self.subfields(type_, details)
        outs = []
        for key, sub in grouped.items():
            name = sub[0].node.name.value
            if name == "__typename":
                outs.append(Out(key, "", Kind.CONSTANT, False, type_.name))
                continue
            definition = type_.fields[name]
            strawberry_field = definition.extensions.get("strawberry-definition")
            if definition.args or strawberry_field is None or strawberry_field.base_resolver is not None:
                raise NotCompilable(f"{where}.{name} is not a plain field of the value")
            _, out = self.leaf(definition, "", key, name, isinstance(definition.type, GraphQLNonNull), where)
            outs.append(out)
        return ObjectPlan(tuple(outs))

    def reach(self, reach: Reach, definition: GraphQLField, details: list[FieldDetails], strawberry_field: Any,
              parent: str | None, key: str, source: str, where: str) -> tuple[str, Out]:
        if reach.by_id:
            reach = self.lookups(get_named_type(definition.type), reach)
        number = next(self.fields)
        node = f"n{number}" if reach.match is not None else parent
        non_null = isinstance(definition.type, GraphQLNonNull)
        named = get_named_type(definition.type)
        if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType):
            raise NotCompilable(f"{where}: only fields of object types reach nodes")
        pieces = None
        if reach.shape is Shape.PAGE:
            assert isinstance(named, GraphQLObjectType)
            pieces = self.connection(named, details, where)
            node_type, node_details = pieces.node_type, pieces.node_details
        else:
            node_type, node_details = named, details
        if reach.match is None:
            if reach.shape is not Shape.ONE:
                raise NotCompilable(f"{where}: only one object is its parent's node")
            projection, plan = self.projection(node_type, node_details, node, reach, None, where)
            return projection, Out(key, source, Kind.OBJECT, non_null, sub=plan)
        assert node is not None
        if pieces is not None and not reach.order:
            raise NotCompilable(f"{where}: a page needs an order")
        prefix = f"f{number}_"
        body, cursor, parameters = reach_body(reach, parent, node, prefix, self.counter)
        projection, plan = self.projection(node_type, node_details, node, reach,
                                           f"__cursor: {cursor}" if pieces is not None else None, where)
        self.binders.append(Binder(prefix, definition, details[0].node, strawberry_field, reach,
                                   frozenset(parameters), frozenset(reach.types) if reach.by_id else frozenset()))
        expression = f"COLLECT {{ {body} RETURN {projection} }}"
        if reach.shape is Shape.ONE:
            return f"head({expression})", Out(key, source, Kind.OBJECT, non_null, sub=plan)
        if pieces is None:
            return expression, Out(key, source, Kind.OBJECTS, non_null, sub=plan)
        asked = {name for *_, selections in pieces.outs for _, name in selections or ()}
        cursors = "every" if "cursor" in asked else "ends" if asked & {"startCursor", "endCursor"} else ""
        page = PagePlan(tuple(pieces.outs), plan, f"{prefix}limit", cursors)
        return expression, Out(key, source, Kind.PAGE, non_null, page=page)

    def projection(self, type_: Any, details: list[FieldDetails], node: str | None, reach: Reach,
                   cursor: str | None, where: str) -> tuple[str, ObjectPlan]:
        """The map of an object at `node`, and its plan; of an interface or union, one map per concrete type the
        reach declares (each a label of the node), told apart by the `__type` entry."""
        if isinstance(type_, GraphQLObjectType):
            entries, plan = self.object(type_, self.subfields(type_, details), node)
            return "{" + ", ".join(entries + ([cursor] if cursor else [])) + "}", plan
        possible = {t.name: t for t in self.schema.get_possible_types(type_)}
        if not reach.types or not set(reach.types) <= possible.keys() or node is None:
            raise NotCompilable(f"{where}: an abstract type needs the concrete types its reach declares")
        branches, plans = [], {}
        for name in reach.types:
            entries, plans[name] = self.object(possible[name], self.subfields(possible[name], details), node)
            entries = [f"__type: '{name}'", *entries, *([cursor] if cursor else [])]
            branches.append(f"WHEN {node}:{name} THEN {{{', '.join(entries)}}}")
        return f"CASE {' '.join(branches)} END", ObjectPlan((), plans)

    def lookups(self, type_: Any, reach: Reach) -> Reach:
        """`node(id:)` as one reach: a union of each looked-up type's seek by its label and key."""
        types = [t.name for t in self.schema.get_possible_types(type_)
                 if getattr(t.extensions.get("strawberry-definition").origin, "lookup", "")]
        branches = [f"MATCH (_found:{name} {{id: $key}}) WHERE $type = '{name}' AND ("
                    + self.schema.get_type(name).extensions["strawberry-definition"].origin.lookup
                    .replace("{node}", "_found") + ") RETURN _found" for name in types]
        match = "CALL () { " + " UNION ".join(branches) + " } WITH _found AS {node}"
        return Reach(match, arguments=reach.arguments, types=tuple(types), by_id=True)

    def subfields(self, type_: GraphQLObjectType, details: list[FieldDetails]) -> Any:
        return collect_subfields(self.schema, self.fragments, self.variables, self.operation, type_,
                                 details).grouped_field_set

    def expression(self, text: str, node: str | None) -> str:
        if node is None and "{node}" in text:
            raise NotCompilable("a value names {node} outside a node")
        expanded, needed = declared_cypher(text.replace("{node}", node or ""), self.counter)
        if needed - SHARED_PARAMETERS:
            raise NotCompilable(f"a value may only use the request's parameters: {sorted(needed)}")
        return expanded

    def connection(self, type_: GraphQLObjectType, details: list[FieldDetails], where: str) -> _ConnectionPieces:
        """The Relay connection's selections: which of edges, cursors and pageInfo the post-pass builds."""
        edges_type = get_named_type(type_.fields["edges"].type)
        assert isinstance(edges_type, GraphQLObjectType)
        pieces = _ConnectionPieces(get_named_type(edges_type.fields["node"].type))
        grouped = self.subfields(type_, details)
        for key, sub in grouped.items():
            name = sub[0].node.name.value
            if name == "__typename":
                pieces.outs.append((key, "__typename", type_.name, None))
            elif name == "edges":
                edge = self.subfields(edges_type, sub)
                edge_outs = []
                for edge_key, edge_sub in edge.items():
                    edge_name = edge_sub[0].node.name.value
                    if edge_name == "node":
                        pieces.node_details.extend(edge_sub)
                    elif edge_name not in ("cursor", "__typename"):
                        raise NotCompilable(f"{where}: edges.{edge_name} does not compile")
                    edge_outs.append((edge_key, edge_name))
                pieces.outs.append((key, "edges", edges_type.name, tuple(edge_outs)))
            elif name == "pageInfo":
                info_type = get_named_type(type_.fields["pageInfo"].type)
                info = self.subfields(info_type, sub)
                pieces.outs.append((key, "pageInfo", info_type.name,
                                    tuple((k, s[0].node.name.value) for k, s in info.items())))
            else:
                raise NotCompilable(f"{where}: {type_.name}.{name} does not compile")
        return pieces


def reach_body(reach: Reach, parent: str | None, node: str, prefix: str,
               counter: Iterator[int]) -> tuple[str, str, set[str]]:
    """The reach's Cypher for these variables, ordered and limited, and its cursor expression, which may read
    what the match binds `AS` (the ordering keeps it); its own `_` names and its parameters (`prefix` before
    each) renamed apart. The compiler and the resolvers' DataLoader (schema/shared/declared_reads.py) read a
    reach through this one function."""
    assert reach.match is not None
    text = reach.match
    if reach.order:
        bound = set(re.findall(r"\bAS\s+(\w+)", reach.match, re.IGNORECASE))
        kept = "".join(f", {name}" for name in sorted(bound) if re.search(rf"\b{name}\b", reach.cursor))
        text += f" WITH {{node}}{kept} ORDER BY {reach.order}"
    if reach.shape is Shape.PAGE:
        text += " LIMIT $limit"
    if parent is None and "{parent}" in text:
        raise NotCompilable("a root field's reach names {parent}")
    text = f"{text} {CURSOR_MARK} {reach.cursor}".replace("{node}", node).replace("{parent}", parent or "")
    text, needed = declared_cypher(text, counter)
    own = set(needed) - SHARED_PARAMETERS
    text = cypher_files.rename_parameters(text, {name: prefix + name for name in own})
    body, cursor = text.split(CURSOR_MARK)
    return body.strip(), cursor.strip(), own


def declared_cypher(text: str, counter: Iterator[int]) -> tuple[str, frozenset[str]]:
    """Declared Cypher with its `_` names renamed apart and its fragments expanded; the parameters it needs."""
    n = next(counter)
    text = cypher_files.rename(text, {name: f"{name}_{n}" for name in cypher_files.underscored(text)})
    return cypher_files.expand(text, counter)


class _ConnectionPieces:
    def __init__(self, node_type: Any) -> None:
        self.node_type = node_type
        self.outs: list[tuple[str, str, str, tuple | None]] = []
        self.node_details: list[FieldDetails] = []


def _loaded(type_: GraphQLObjectType) -> bool:
    """Whether the type's class loads its nodes by key (schema/shared/nodes.LoadedNode)."""
    origin = type_.extensions["strawberry-definition"].origin
    return isinstance(origin, type) and issubclass(origin, LoadedNode)


def _is_node(type_: GraphQLObjectType) -> bool:
    return any(interface.name == "Node" for interface in type_.interfaces)
