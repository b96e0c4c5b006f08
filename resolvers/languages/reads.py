"""Language reads (docs/LANGUAGES.md)."""

from __future__ import annotations

from graph.languages.records import EnterpriseRecord
from resolvers.shared.context import RequestContext

ENTERPRISE = "enterprise"  # the id of the one (:Enterprise) settings node


async def enterprise(ctx: RequestContext) -> EnterpriseRecord | None:
    return await ctx.loaders.enterprise.load(ENTERPRISE)
