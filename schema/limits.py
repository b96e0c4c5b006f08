"""Query cost and page-size limits, checked before any resolver (and so any Cypher) runs.

The estimated cost counts every field once per object it is resolved on: a connection's `first`
multiplies the cost of everything below it, so nested pages multiply down the nesting.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension


class QueryCostLimiter(SchemaExtension):
    def __init__(self, *, max_cost: int, max_page_size: int, default_page_size: int):
        self.max_cost = max_cost
        self.max_page_size = max_page_size
        self.default_page_size = default_page_size

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        document = ctx.graphql_document
        if document is not None:
            operation = _operation(document.definitions, ctx.operation_name)
            if operation is not None:
                fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
                schema = ctx.schema._schema
                root = schema.get_root_type(operation.operation)
                cost = self._cost(operation.selection_set, root, schema, fragments, ctx.variables or {}, set())
                if cost > self.max_cost:
                    raise GraphQLError(
                        f"query cost {cost} exceeds the limit of {self.max_cost}; ask for smaller pages or fewer nested fields",
                        extensions={"code": "QUERY_TOO_COSTLY", "cost": cost, "maxCost": self.max_cost},
                    )
        yield

    def _cost(self, selection_set: SelectionSetNode | None, parent: Any, schema: GraphQLSchema,
              fragments: dict[str, FragmentDefinitionNode], variables: dict[str, Any], seen: frozenset[str]) -> int:
        if selection_set is None:
            return 0
        total = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                definition = getattr(parent, "fields", {}).get(selection.name.value)
                if definition is None:  # __typename, introspection, or a field of an abstract type
                    total += 1
                    continue
                child = get_named_type(definition.type)
                below = self._cost(selection.selection_set, child, schema, fragments, variables, seen)
                total += 1 + self._page_size(selection, definition, variables) * below
            elif isinstance(selection, InlineFragmentNode):
                narrowed = schema.get_type(selection.type_condition.name.value) if selection.type_condition else parent
                total += self._cost(selection.selection_set, narrowed, schema, fragments, variables, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in fragments and name not in seen:  # validation rejects fragment cycles anyway
                    fragment = fragments[name]
                    narrowed = schema.get_type(fragment.type_condition.name.value)
                    total += self._cost(fragment.selection_set, narrowed, schema, fragments, variables, seen | {name})
        return total

    def _page_size(self, node: FieldNode, definition: GraphQLField, variables: dict[str, Any]) -> int:
        """How many objects the field's selection is resolved on: `first` for a connection, else one."""
        if "first" not in definition.args:
            return 1
        value = None
        for argument in node.arguments or ():
            if argument.name.value == "first":
                value = variables.get(argument.value.name.value) if isinstance(argument.value, VariableNode) \
                    else value_from_ast_untyped(argument.value)
        if value is None:
            return self.default_page_size
        if not isinstance(value, int) or value < 0 or value > self.max_page_size:
            raise GraphQLError(
                f"`first` on {node.name.value} must be between 0 and {self.max_page_size}",
                extensions={"code": "PAGE_TOO_LARGE", "maxPageSize": self.max_page_size},
            )
        return value


def _operation(definitions: Any, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)
