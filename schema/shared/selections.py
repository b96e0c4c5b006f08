"""One linear walk of a GraphQL document's selections.

A fragment spread twice at every level doubles the document's expansion at each level: walking every
spread again is exponential in the number of fragments. Here each fragment is folded once, in dependency
order, and its result reused at every spread. Walks are iterative (no recursion, however deep the
nesting), a spread of an unknown fragment or one closing a cycle adds nothing (validation reports both).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

R = TypeVar("R")


class SelectionFold(Generic[R]):
    """Folds a selection set bottom-up: each field's result from the fold of the selection set below it."""

    zero: R

    def __init__(self) -> None:
        self.fragments: dict[str, R] = {}

    def add(self, total: R, part: R) -> R:
        raise NotImplementedError

    def leaf(self, node: FieldNode, scope: Any) -> R:
        raise NotImplementedError

    def enter(self, node: FieldNode | InlineFragmentNode, scope: Any) -> Any:
        """The scope (for example the parent type) of the selection set below `node`."""
        return scope

    def field(self, node: FieldNode, scope: Any, below: R) -> R:
        raise NotImplementedError

    def spread(self, name: str) -> R:
        """A fragment's folded result; `fold_fragments` fills them in dependency order."""
        return self.fragments.get(name, self.zero)

    def run(self, selection_set: SelectionSetNode, scope: Any) -> R:
        # Each frame: the selections of one selection set, the next index, the running total, its scope.
        stack: list[list[Any]] = [[selection_set.selections, 0, self.zero, scope]]
        while True:
            frame = stack[-1]
            selections, index, total, here = frame
            if index == len(selections):
                stack.pop()
                if not stack:
                    return total
                parent = stack[-1]
                owner = parent[0][parent[1] - 1]
                part = self.field(owner, parent[3], total) if isinstance(owner, FieldNode) else total
                parent[2] = self.add(parent[2], part)
                continue
            frame[1] = index + 1
            node = selections[index]
            if isinstance(node, FragmentSpreadNode):
                frame[2] = self.add(total, self.spread(node.name.value))
            elif node.selection_set is None:
                frame[2] = self.add(total, self.leaf(node, here))
            else:
                stack.append([node.selection_set.selections, 0, self.zero, self.enter(node, here)])

    def fold_fragments(self, order: Iterable[str], fragments: dict[str, FragmentDefinitionNode],
                       scope_of: Any = lambda fragment: None) -> None:
        for name in order:
            fragment = fragments[name]
            self.fragments[name] = self.run(fragment.selection_set, scope_of(fragment))


def operation_named(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    """The operation a request runs: the one named, or the document's only one."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)


def fragments_of(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def fragment_order(fragments: dict[str, FragmentDefinitionNode]) -> list[str]:
    """Every fragment after the fragments it spreads (an iterative depth-first post-order); a spread that
    closes a cycle is skipped, so each fragment appears once."""
    spreads = {name: _spread_names(fragment.selection_set) for name, fragment in fragments.items()}
    order: list[str] = []
    seen: set[str] = set()
    for root in fragments:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(spreads[root]))]
        while stack:
            name, pending = stack[-1]
            following = next((s for s in pending if s in fragments and s not in seen), None)
            if following is None:
                stack.pop()
                order.append(name)
            else:
                seen.add(following)
                stack.append((following, iter(spreads[following])))
    return order


def _spread_names(selection_set: SelectionSetNode) -> list[str]:
    names, stack = [], [selection_set]
    while stack:
        for node in stack.pop().selections:
            if isinstance(node, FragmentSpreadNode):
                names.append(node.name.value)
            elif node.selection_set is not None:
                stack.append(node.selection_set)
    return names
