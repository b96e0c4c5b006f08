"""Person reads."""

from __future__ import annotations

from graph.records import PersonRecord
from resolvers.context import RequestContext


async def person(ctx: RequestContext, person_id: str) -> PersonRecord | None:
    return await ctx.loaders.person.load(person_id)
