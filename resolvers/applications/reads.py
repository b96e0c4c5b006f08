"""Reads of the applications domain: partner applications, for their reviewers only (anyone else reads none, as if
there were none), and the public application form of an APPROVED program."""

from __future__ import annotations

from auth.permissions import Action, decides
from graph.applications.records import ApplicationFormRecord, PartnerApplicationRecord
from graph.shared.records import Page
from resolvers.shared.context import RequestContext
from resolvers.shared.pagination import decode_cursor, page_size


def reviewer(ctx: RequestContext) -> bool:
    """Whether the viewer reviews (and so sees) partner applications under the request's settings."""
    return decides(ctx.viewer, Action.REVIEW_APPLICATIONS, ctx.rules.relationship_managers_review_applications)


async def applications(ctx: RequestContext, ids: list[str]) -> list[PartnerApplicationRecord | None]:
    if not reviewer(ctx):
        return [None] * len(ids)
    return await ctx.loaders.application.load_many(ids)


async def application(ctx: RequestContext, application_id: str) -> PartnerApplicationRecord | None:
    (found,) = await applications(ctx, [application_id])
    return found


async def page(ctx: RequestContext, status: str | None, first: int | None,
               after: str | None) -> Page[PartnerApplicationRecord]:
    size, cursor = page_size(first, ctx.page_limits), decode_cursor(after)
    if not reviewer(ctx):
        return Page.empty()
    return await ctx.loaders.applications.page(status, size, cursor)


async def form(ctx: RequestContext, program_id: str) -> ApplicationFormRecord | None:
    return await ctx.loaders.application_form.load(program_id)
