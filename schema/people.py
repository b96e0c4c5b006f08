"""People: partner staff and enterprise staff."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from graph.records import PersonRecord
from schema.keys import KeyedNode


@strawberry.enum(description="A partner staff member's role in their organization.")
class PartnerRole(Enum):
    ADMIN = "ADMIN"
    MANAGER = "MANAGER"
    ASSOCIATE = "ASSOCIATE"


@strawberry.type(description="A person: partner staff or enterprise staff.")
class Person(relay.Node, KeyedNode):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Full name.")
    email: str | None = strawberry.field(description="Work e-mail address.")
    partner_role: PartnerRole | None = strawberry.field(
        default=None, description="Role in the partner organization, when listed as a partner's staff.")

    @classmethod
    def from_record(cls, record: PersonRecord) -> Person:
        role = PartnerRole(record.partner_role) if record.partner_role else None
        return cls(id=record.id, name=record.name, email=record.email, partner_role=role)

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Iterable[str], required: bool = False) -> list[Person | None]:
        records = await info.context.loaders.person.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]
