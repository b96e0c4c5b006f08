"""The operation limits, all checked before any input is coerced or any resolver (and so any Cypher) runs.

- parse: at most `max_tokens` lexical tokens (graphql-core's parser stops counting there);
- before validation, from one linear analysis of the document cached per document text: the fields after
  expanding every fragment spread (`max_fields`), the deepest selection (`max_depth`), the aliases
  (`max_aliases`); graphql-core's own rules then run on a document known to be small;
- before execution: the raw variables (no list longer than `max_list_length`, nothing nested deeper than
  admission.MAX_INPUT_DEPTH), mutations the viewer's persona may not call at all when the input is refused
  anyway, page sizes, the declared argument checks, and the estimated cost: each field counts once per object
  it is resolved on; a connection's `first` (its default page size when omitted) and a plain list (counted as
  one default page) multiply everything below them.

Each refusal is a request error whose `extensions.code` names the limit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    GraphQLSyntaxError,
    InlineFragmentNode,
    OperationDefinitionNode,
    Undefined,
    VariableNode,
    coerce_input_value,
    get_named_type,
    value_from_ast_untyped,
)
from strawberry import relay
from strawberry.extensions import SchemaExtension

from resolvers.shared.errors import PublicError
from resolvers.shared.mutations import forbidden
from schema.shared.admission import ARGUMENT_CHECKS, forbidden_action, input_problem, metadata
from schema.shared.caches import DocumentCache
from schema.shared.selections import SelectionFold, fragment_order, fragments_of, operation_named


@dataclass(frozen=True)
class SchemaLimits:
    """The operation limits; defaults and documentation live with the settings."""

    max_depth: int
    max_aliases: int
    max_tokens: int
    max_fields: int
    max_cost: int
    max_page_size: int
    default_page_size: int
    max_list_length: int
    introspection: bool


def refusal(code: str, message: str, **extensions: Any) -> GraphQLError:
    return GraphQLError(message, extensions={"code": code, **extensions})


Figures = tuple[int, int, int]  # fields after expanding spreads, aliases, depth


class _ShapeFold(SelectionFold[Figures]):
    zero = (0, 0, 0)

    def add(self, total: Figures, part: Figures) -> Figures:
        return total[0] + part[0], total[1] + part[1], max(total[2], part[2])

    def leaf(self, node: FieldNode, scope: Any) -> Figures:
        return 1, int(node.alias is not None), 0

    def field(self, node: FieldNode, scope: Any, below: Figures) -> Figures:
        # Introspection is not nested data: its depth does not count (as Strawberry's depth limiter did).
        depth = 0 if node.name.value.startswith("__") else 1 + below[2]
        return 1 + below[0], int(node.alias is not None) + below[1], depth


@dataclass(frozen=True)
class DocumentShape:
    operations: dict[str, Figures]  # by operation name ("anonymous" for an unnamed one)
    fragment_order: list[str]

    @classmethod
    def of(cls, document: DocumentNode) -> DocumentShape:
        fragments = fragments_of(document)
        order = fragment_order(fragments)
        fold = _ShapeFold()
        fold.fold_fragments(order, fragments)
        operations = {(d.name.value if d.name else "anonymous"): fold.run(d.selection_set, None)
                      for d in document.definitions if isinstance(d, OperationDefinitionNode)}
        return cls(operations, order)

    def check(self, limits: SchemaLimits) -> None:
        for name, (fields, _, depth) in self.operations.items():
            if fields > limits.max_fields:
                raise refusal("TOO_MANY_FIELDS", f"'{name}' expands to {fields} fields (fragment spreads counted "
                              f"each time); at most {limits.max_fields}", fields=fields, maxFields=limits.max_fields)
            if depth > limits.max_depth:
                raise refusal("QUERY_TOO_DEEP", f"'{name}' exceeds maximum operation depth of {limits.max_depth}")
        aliases = sum(figures[1] for figures in self.operations.values())
        if aliases > limits.max_aliases:
            raise refusal("TOO_MANY_ALIASES", f"{aliases} aliases found. Allowed: {limits.max_aliases}")


class DocumentShapes:
    """A bounded LRU of document shapes by query text, beside the parser and validation caches."""

    def __init__(self, maxsize: int):
        self._shapes: DocumentCache[str, DocumentShape] = DocumentCache(maxsize)

    def of(self, query: str | None, document: DocumentNode) -> DocumentShape:
        if query is None:
            return DocumentShape.of(document)
        return self._shapes.get(query, lambda: DocumentShape.of(document))


class ArgumentValues:
    """A field's argument values before execution: literals, the request's raw variables, the variables'
    defaults in the operation, then the field's own defaults."""

    def __init__(self, operation: OperationDefinitionNode, variables: Mapping[str, Any] | None):
        defaults = {d.variable.name.value: value_from_ast_untyped(d.default_value)
                    for d in operation.variable_definitions or () if d.default_value is not None}
        self.variables = {**defaults, **(variables or {})}

    def raw(self, node: FieldNode, name: str) -> Any:
        """As sent (JSON-like); Undefined when neither the request nor the operation gives a value."""
        argument = next((a for a in node.arguments or () if a.name.value == name), None)
        if argument is None:
            return Undefined
        if isinstance(argument.value, VariableNode):
            return self.variables.get(argument.value.name.value, Undefined)
        return value_from_ast_untyped(argument.value, self.variables)

    def coerced(self, node: FieldNode, definition: GraphQLField) -> dict[str, Any] | None:
        """Every argument as graphql-core coerces it, defaults applied; None when one does not coerce
        (execution reports that)."""
        values = {}
        for name, argument in definition.args.items():
            raw = self.raw(node, name)
            try:
                value = argument.default_value if raw is Undefined else coerce_input_value(raw, argument.type)
            except GraphQLError:
                return None
            if value is not Undefined:
                values[name] = value
        return values


def _is_connection(parent: Any) -> bool:
    origin = getattr(parent.extensions.get("strawberry-definition"), "origin", None)
    return isinstance(origin, type) and issubclass(origin, relay.Connection)


class _CostFold(SelectionFold[int]):
    """The estimated cost of a selection set; checks page sizes and declared arguments on the way."""

    zero = 0

    def __init__(self, schema: GraphQLSchema, limits: SchemaLimits, values: ArgumentValues, context: Any):
        super().__init__()
        self.schema, self.limits, self.values, self.context = schema, limits, values, context

    def add(self, total: int, part: int) -> int:
        return total + part

    def _definition(self, node: FieldNode, parent: Any) -> GraphQLField | None:
        fields = getattr(parent, "fields", None)  # None for a union or unknown type
        definition = fields.get(node.name.value) if fields else None
        if definition is not None:
            self._check_arguments(node, definition)
        return definition

    def leaf(self, node: FieldNode, parent: Any) -> int:
        self._definition(node, parent)
        return 1

    def enter(self, node: FieldNode | InlineFragmentNode, parent: Any) -> Any:
        if isinstance(node, InlineFragmentNode):
            return self.schema.get_type(node.type_condition.name.value) if node.type_condition else parent
        fields = getattr(parent, "fields", None)
        definition = fields.get(node.name.value) if fields else None
        # Below introspection, an unknown field or an abstract type's field, every field counts once.
        return get_named_type(definition.type) if definition is not None else None

    def field(self, node: FieldNode, parent: Any, below: int) -> int:
        definition = self._definition(node, parent)
        return 1 + (self._objects(node, definition, parent) * below if definition is not None else below)

    def _objects(self, node: FieldNode, definition: GraphQLField, parent: Any) -> int:
        """How many objects the field's selection is resolved on."""
        if "first" in definition.args:
            return self._page_size(node)
        returned = definition.type.of_type if isinstance(definition.type, GraphQLNonNull) else definition.type
        if isinstance(returned, GraphQLList) and not _is_connection(parent):  # a connection's edges: `first`
            return self.limits.default_page_size
        return 1

    def _page_size(self, node: FieldNode) -> int:
        value = self.values.raw(node, "first")
        if value is Undefined or value is None:
            return self.limits.default_page_size
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= self.limits.max_page_size:
            raise refusal("PAGE_TOO_LARGE", f"`first` on {node.name.value} must be between 0 and "
                          f"{self.limits.max_page_size}", maxPageSize=self.limits.max_page_size)
        return value

    def _check_arguments(self, node: FieldNode, definition: GraphQLField) -> None:
        checks = metadata(definition, ARGUMENT_CHECKS)
        if not checks:
            return
        arguments = self.values.coerced(node, definition)
        if arguments is None:
            return
        try:
            for check in checks:
                check(arguments, self.context)
        except PublicError as error:
            raise refusal(error.code, str(error)) from None


class OperationLimits(SchemaExtension):
    def __init__(self, limits: SchemaLimits, shapes: DocumentShapes):
        self.limits = limits
        self.shapes = shapes

    def on_operation(self) -> Iterator[None]:
        self.execution_context.parse_options["max_tokens"] = self.limits.max_tokens
        # graphql-core's parser reports the token limit as a syntax error: give it its code. The parser
        # cache parses inside its own hook, so the error may come as an exception or as the result.
        try:
            yield
        except GraphQLSyntaxError as error:
            self._token_limit_code(error)
            raise
        for error in self.execution_context.pre_execution_errors or ():
            self._token_limit_code(error)

    def _token_limit_code(self, error: GraphQLError) -> None:
        if isinstance(error, GraphQLSyntaxError) and "tokens. Parsing aborted" in error.message:
            error.extensions = {"code": "TOO_MANY_TOKENS", "maxTokens": self.limits.max_tokens}

    def on_validate(self) -> Iterator[None]:
        # Before graphql-core's rules (this extension comes before the validation cache): they and every
        # later pass only see documents whose expansion is known to be small.
        ctx = self.execution_context
        if ctx.graphql_document is not None:
            self.shapes.of(ctx.query, ctx.graphql_document).check(self.limits)
        yield

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        operation = operation_named(document, ctx.operation_name) if document is not None else None
        if operation is not None:
            schema = ctx.schema._schema
            root = schema.get_root_type(operation.operation)
            self._admit_input(operation, root, ctx.variables, ctx.context)
            fold = _CostFold(schema, self.limits, ArgumentValues(operation, ctx.variables), ctx.context)
            fragments = fragments_of(document)
            fold.fold_fragments(self.shapes.of(ctx.query, document).fragment_order, fragments,
                                lambda fragment: schema.get_type(fragment.type_condition.name.value))
            cost = fold.run(operation.selection_set, root)
            if cost > self.limits.max_cost:
                raise refusal("QUERY_TOO_COSTLY", f"query cost {cost} exceeds the limit of {self.limits.max_cost}; "
                              "ask for smaller pages or fewer nested fields", cost=cost, maxCost=self.limits.max_cost)
        yield

    def _admit_input(self, operation: OperationDefinitionNode, root: Any, variables: Any, context: Any) -> None:
        """Raw variables too large to coerce are refused; FORBIDDEN first when the viewer may not call a
        mutation of the operation at all. Input of an acceptable size goes on to execution, where such a
        mutation answers its payload with FORBIDDEN before its input is converted (admission.refuse_forbidden_first)."""
        problem = input_problem(variables, self.limits.max_list_length)
        if problem is None:
            return
        viewer = getattr(context, "viewer", None)
        if viewer is not None and root is not None:
            for node in _root_fields(operation, self.execution_context.graphql_document):
                definition = root.fields.get(node.name.value)
                action = forbidden_action(viewer, definition) if definition is not None else None
                if action is not None:
                    raise refusal("FORBIDDEN", forbidden(viewer, action).message)
        code, message = problem
        raise refusal(code, message,
                      **({"maxListLength": self.limits.max_list_length} if code == "LIST_TOO_LONG" else {}))


def _root_fields(operation: OperationDefinitionNode, document: DocumentNode) -> Iterator[FieldNode]:
    """The root fields of an operation, through fragments at the root (each fragment once)."""
    fragments = fragments_of(document)
    seen: set[str] = set()
    stack = [operation.selection_set]
    while stack:
        for node in stack.pop().selections:
            if isinstance(node, FieldNode):
                yield node
            elif isinstance(node, InlineFragmentNode):
                stack.append(node.selection_set)
            elif node.name.value in fragments and node.name.value not in seen:
                seen.add(node.name.value)
                stack.append(fragments[node.name.value].selection_set)
