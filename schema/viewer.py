"""The viewer: who is asking, as the graph knows them now."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from auth.personas import Persona as PersonaValue
from graph.records import InternalOrgRecord
from resolvers import viewer as viewer_resolvers
from schema.organizations import InternalOrg, Organization
from schema.partners import Partner
from schema.people import Person

PersonaEnum = strawberry.enum(
    PersonaValue,
    name="Persona",
    description="The viewer's persona, which decides what they see and may change.",
)


@strawberry.type(description="The person the bearer token names, with the persona and organization the graph gives them.")
class Viewer:
    persona: PersonaEnum = strawberry.field(description="The persona the graph gives the viewer now.")

    @strawberry.field(description="The viewer as a person.")
    async def person(self, info: Info) -> Person | None:
        record = await viewer_resolvers.person(info.context)
        return Person.from_record(record) if record else None

    @strawberry.field(description="The viewer's organization: their partner, or their enterprise unit.")
    async def organization(self, info: Info) -> Organization | None:
        record = await viewer_resolvers.organization(info.context)
        if record is None:
            return None
        return InternalOrg.from_record(record) if isinstance(record, InternalOrgRecord) else Partner.from_record(record)
