"""Organizations: the enterprise's internal units and the channel partners share this interface."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import relay

from graph.records import InternalOrgRecord


@strawberry.interface(description="An organization: a channel partner or one of the enterprise's own units.")
class Organization:
    name: str = strawberry.field(description="The organization's display name.")


@strawberry.type(description="An internal business organization: a unit of the enterprise that runs partner programs.")
class InternalOrg(relay.Node, Organization):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The unit's display name.")

    @classmethod
    def from_record(cls, record: InternalOrgRecord) -> InternalOrg:
        return cls(id=record.id, name=record.name)

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Iterable[str], required: bool = False) -> list[InternalOrg | None]:
        records = await info.context.loaders.internal_org.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]
