"""Reads of the programs domain: programs, segments, criteria, partnerships; every call goes through the
request's DataLoaders (visibility in Cypher)."""

from __future__ import annotations

from graph.partners.records import PartnerRecord
from graph.programs.records import (
    ApplicationQuestionRecord,
    CriterionRecord,
    PartnershipRecord,
    ProgramRecord,
    SegmentAssignmentRecord,
    SegmentRecord,
)
from graph.shared.records import Page
from resolvers.shared.context import RequestContext
from resolvers.shared.pagination import decode_cursor, page_size


async def program(ctx: RequestContext, program_id: str) -> ProgramRecord | None:
    return await ctx.loaders.program.load(program_id)


async def programs(ctx: RequestContext, status: str | None, first: int | None,
                   after: str | None) -> Page[ProgramRecord]:
    return await ctx.loaders.programs.page(status, page_size(first, ctx.page_limits), decode_cursor(after))


async def application_questions(ctx: RequestContext, program_id: str) -> list[ApplicationQuestionRecord]:
    return await ctx.loaders.application_questions.load(program_id) or []


async def segment(ctx: RequestContext, segment_id: str) -> SegmentRecord | None:
    return await ctx.loaders.segment.load(segment_id)


async def criteria(ctx: RequestContext, segment_id: str) -> list[CriterionRecord]:
    return await ctx.loaders.criteria.load(segment_id) or []


async def segment_partners(ctx: RequestContext, segment_id: str, first: int | None,
                           after: str | None) -> Page[PartnerRecord]:
    key = (segment_id, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.segment_partners.load(key)


async def partnership(ctx: RequestContext, partnership_id: str) -> PartnershipRecord | None:
    return await ctx.loaders.partnership.load(partnership_id)


async def partnerships_of_program(ctx: RequestContext, program_id: str, status: str | None, first: int | None,
                     after: str | None) -> Page[PartnershipRecord]:
    key = (program_id, status, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.program_partnerships.load(key)


async def partnerships_of_partner(ctx: RequestContext, partner_id: str, status: str | None, first: int | None,
                     after: str | None) -> Page[PartnershipRecord]:
    key = (partner_id, status, page_size(first, ctx.page_limits), decode_cursor(after))
    return await ctx.loaders.partner_partnerships.load(key)


async def segment_history(ctx: RequestContext, partnership_id: str) -> list[SegmentAssignmentRecord]:
    return await ctx.loaders.segment_history.load(partnership_id) or []
