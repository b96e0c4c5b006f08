"""People: partner staff and enterprise staff."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import strawberry
from strawberry import relay

from graph.records import PersonRecord


@strawberry.type(description="A person: partner staff or enterprise staff.")
class Person(relay.Node):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Full name.")
    email: str | None = strawberry.field(description="Work e-mail address.")

    @classmethod
    def from_record(cls, record: PersonRecord) -> Person:
        return cls(id=record.id, name=record.name, email=record.email)

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Iterable[str], required: bool = False) -> list[Person | None]:
        records = await info.context.loaders.person.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]
