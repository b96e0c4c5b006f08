"""Segment evaluation: recommendations of a program's partnerships, and applying one (enterprise
admin) through the segment change of graph/partnership_setup.py, re-checked inside its write transaction."""

from __future__ import annotations

from auth.permissions import Action
from graph.errors import ErrorCode, Rejected, UserError
from graph.insights_segments import EvaluatedSegmentChange, SegmentEvaluation, evaluation_reason
from graph.records import Page, PartnershipRecord, SegmentEvaluationRecord
from resolvers.checks import Checks
from resolvers.context import RequestContext
from resolvers.global_ids import key_of
from resolvers.mutations import Outcome, run
from resolvers.pagination import decode_cursor, page_size


def _evaluation(ctx: RequestContext) -> SegmentEvaluation:
    return SegmentEvaluation(ctx.graph, ctx.viewer.scope, ctx.viewer.is_enterprise)


async def recommendations(ctx: RequestContext, program: str, first: int | None,
                          after: str | None) -> Page[SegmentEvaluationRecord]:
    """The program's partnerships (visible, not terminated) that qualify for the next segment up or miss a
    criterion of their own, evaluated over the 365 days before the request's now; one round trip."""
    program_id = key_of(program, "Program")
    return await _evaluation(ctx).recommendations(program_id, ctx.now, page_size(first, ctx.page_limits),
                                                  decode_cursor(after))


async def apply_recommendation(ctx: RequestContext, partnership: str, segment: str) -> Outcome[PartnershipRecord]:
    async def work() -> PartnershipRecord:
        checks = Checks()
        partnership_id = checks.node_id(partnership, "Partnership", ("partnership",))
        segment_id = checks.node_id(segment, "Segment", ("segment",))
        checks.done()
        now = ctx.now
        evaluation = _evaluation(ctx)
        record = await evaluation.of_partnership(None, None, partnership_id, now)
        if record is None:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "partnership not found", ("partnership",))])
        if record.change is None or record.target_segment_id != segment_id:
            raise Rejected([UserError(ErrorCode.CONFLICT, "the segment evaluation does not recommend moving the "
                                      "partnership to that segment", ("segment",))])
        target = await ctx.loaders.segment.load(segment_id)
        reason = evaluation_reason(record, target.name if target else segment_id)
        viewer = ctx.viewer
        setup = EvaluatedSegmentChange(ctx.graph, viewer.scope, viewer.is_enterprise, viewer.person_id, evaluation,
                                       now, segment_id)
        return await setup.change_segment(partnership_id, segment_id, reason, field=())

    return await run(ctx, Action.APPLY_SEGMENT_RECOMMENDATIONS, work)
