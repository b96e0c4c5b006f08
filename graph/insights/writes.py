"""Writes of the insights domain: applying a segment recommendation, the segment change of
graph/programs/writes.py with the evaluation re-run inside its write transaction after the partnership is
locked. See docs/INSIGHTS.md, "Segment evaluation"."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph.insights.reads import (
    SegmentEvaluation,
)
from graph.programs.writes import PartnershipSetup
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError


class EvaluatedSegmentChange(PartnershipSetup):
    """PartnershipSetup.change_segment, unchanged, with one addition inside its write transaction: right
    after the partnership is locked, the evaluation runs again and the change is rejected unless it still
    recommends moving the partnership to `expected_segment_id`."""

    def __init__(self, session: GraphSession, scope: dict[str, Any], viewer_id: str,
                 evaluation: SegmentEvaluation, now: datetime, expected_segment_id: str):
        super().__init__(session, scope, viewer_id)
        self.evaluation = evaluation
        self.now = now
        self.expected_segment_id = expected_segment_id

    async def _lock(self, tx: CountingTransaction, partnership_id: str, segment_id: str | None,
                    field: tuple[str, ...]) -> dict[str, Any]:
        facts = await super()._lock(tx, partnership_id, segment_id, field)
        record = await self.evaluation.of_partnership(tx, facts["programId"], partnership_id, self.now)
        if record is None or record.change is None or record.target_segment_id != self.expected_segment_id:
            raise Rejected([UserError(ErrorCode.CONFLICT, "the segment evaluation no longer recommends moving the "
                                      "partnership to that segment", field + ("segment",))])
        return facts
