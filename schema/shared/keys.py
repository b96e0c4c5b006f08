"""The `key` field every node type shares."""

from __future__ import annotations

import strawberry

from schema.shared.graph_mapping import value


@strawberry.type
class KeyedNode:
    """A base of node types whose graph id is exposed as `key` next to the global ID."""

    # A plain field set from the id, not a resolver method: Strawberry runs a resolver through its whole
    # machinery (an Info object, argument and extension handling) for every node, a plain field is a
    # getattr, and a page of 500 lineages reads thousands of keys.
    key: str = strawberry.field(default="", description="The stable key inside the global ID (what inputs may set as "
                                                        "`key`).", metadata=value("{node}.id"))

    def __post_init__(self) -> None:
        self.key = self.id  # type: ignore[attr-defined]  # the node's relay.NodeID
