"""The `key` field every node type shares."""

from __future__ import annotations

import strawberry


@strawberry.type
class KeyedNode:
    """A base of node types whose graph id is exposed as `key` next to the global ID."""

    @strawberry.field(description="The stable key inside the global ID (what inputs may set as `key`).")
    def key(self) -> str:
        return self.id  # type: ignore[attr-defined]  # the node's relay.NodeID
