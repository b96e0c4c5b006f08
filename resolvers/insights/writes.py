"""Writes of the insights domain: applying a segment recommendation (enterprise admin) through the
partnership segment change of graph/programs/writes.py, re-checked inside its write transaction."""

from __future__ import annotations

from auth.permissions import Action
from graph.insights.reads import evaluation_reason
from graph.insights.writes import EvaluatedSegmentChange
from graph.programs.records import PartnershipRecord
from graph.shared.errors import ErrorCode, Rejected, UserError
from resolvers.insights.reads import segment_evaluation
from resolvers.shared.checks import Checks
from resolvers.shared.context import RequestContext
from resolvers.shared.mutations import Outcome, run


async def apply_recommendation(ctx: RequestContext, partnership: str, segment: str) -> Outcome[PartnershipRecord]:
    async def work() -> PartnershipRecord:
        checks = Checks()
        partnership_id = checks.node_id(partnership, "Partnership", ("partnership",))
        segment_id = checks.node_id(segment, "Segment", ("segment",))
        checks.done()
        now = ctx.now
        evaluation = segment_evaluation(ctx)
        record = await evaluation.of_partnership(None, None, partnership_id, now)
        if record is None:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "partnership not found", ("partnership",))])
        if record.change is None or record.target_segment_id != segment_id:
            raise Rejected([UserError(ErrorCode.CONFLICT, "the segment evaluation does not recommend moving the "
                                      "partnership to that segment", ("segment",))])
        target = await ctx.loaders.segment.load(segment_id)
        reason = evaluation_reason(record, target.name if target else segment_id)
        viewer = ctx.viewer
        setup = EvaluatedSegmentChange(ctx.graph, viewer.scope, viewer.person_id, evaluation, now, segment_id)
        return await setup.change_segment(partnership_id, segment_id, reason, field=())

    return await run(ctx, Action.APPLY_SEGMENT_RECOMMENDATIONS, work)
