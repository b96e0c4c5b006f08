"""Segment evaluation: the criteria of a program's segments evaluated against each partnership's
Partner 360 metrics over a trailing year, computed and filtered in the database
(`cypher/queries/insights/segment_evaluation.cypher`, one round trip per page), and applying a
recommendation: the segment change of graph/partnership_setup.py, with the evaluation re-run inside its
write transaction after the partnership is locked. See docs/INSIGHTS.md, "Segment evaluation"."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from graph.client import CountingTransaction, GraphSession
from graph.errors import ErrorCode, Rejected, UserError
from graph.partnership_setup import PartnershipSetup
from graph.records import CriterionEvaluationRecord, Page, SegmentEvaluationRecord, SortKey, cursor_param

EVALUATION_DAYS = 365
METRIC_CURRENCY = "USD"  # money criteria (REVENUE, OPEN_PIPELINE) are thresholds in USD major units
# The metrics a criterion may name are schema/criterion_metrics.py's CriterionMetric, each a Partner 360
# figure of the partner alone over the trailing year (segment_evaluation.cypher computes them).


def evaluation_period(now: datetime) -> tuple[datetime, datetime]:
    """The trailing year [now − 365 days, now) the criteria are evaluated over."""
    return now - timedelta(days=EVALUATION_DAYS), now


def _criteria(items: list[dict[str, Any]]) -> tuple[CriterionEvaluationRecord, ...]:
    return tuple(CriterionEvaluationRecord(c["id"], c["metric"], c["operator"], c["threshold"], c["value"], c["met"])
                 for c in sorted(items, key=lambda c: (c["metric"], c["id"])))


def _record(row: dict[str, Any], start: datetime, end: datetime) -> SegmentEvaluationRecord:
    return SegmentEvaluationRecord(
        partnership_id=row["partnershipId"], partner_id=row["partnerId"], partner_name=row["partnerName"],
        segment_id=row["segmentId"], change=row["change"], target_segment_id=row["targetSegmentId"],
        next_segment_id=row["nextSegmentId"], criteria=_criteria(row["criteria"]),
        next_criteria=_criteria(row["nextCriteria"]), start=start, end=end)


class SegmentEvaluation:
    def __init__(self, session: GraphSession, scope: dict[str, Any], enterprise: bool):
        self.session = session
        self.scope = scope
        self.enterprise = enterprise

    def _params(self, now: datetime, program_id: str | None, partnership_id: str | None, first: int,
                after: SortKey | None, only_changes: bool) -> dict[str, Any]:
        start, end = evaluation_period(now)
        return {"programId": program_id, "partnershipId": partnership_id, "start": start, "end": end, "now": now,
                "scope": self.scope, "enterprise": self.enterprise, "limit": first + 1, "after": cursor_param(after),
                "onlyChanges": only_changes, "currency": METRIC_CURRENCY}

    async def recommendations(self, program_id: str, now: datetime, first: int,
                              after: SortKey | None) -> Page[SegmentEvaluationRecord]:
        """One page of the program's partnerships with a recommendation, by partner name then partnership id."""
        start, end = evaluation_period(now)
        rows = await self.session.read("insights/segment_evaluation",
                                       **self._params(now, program_id, None, first, after, True))
        records = [_record(r, start, end) for r in rows]
        return Page.from_rows(records, first, [SortKey(r.partner_name, r.partnership_id) for r in records])

    async def of_partnership(self, tx: CountingTransaction | None, program_id: str | None, partnership_id: str,
                             now: datetime) -> SegmentEvaluationRecord | None:
        """The evaluation of one partnership (None when not visible or terminated), in `tx` when given."""
        start, end = evaluation_period(now)
        params = self._params(now, program_id, partnership_id, 1, None, False)
        if tx is None:
            rows = await self.session.read("insights/segment_evaluation", **params)
        else:
            rows = await tx.query("insights/segment_evaluation", **params)
        return _record(rows[0], start, end) if rows else None


def evaluation_reason(record: SegmentEvaluationRecord, segment_name: str) -> str:
    """The segment history's reason for an applied recommendation: names the evaluation and its figures."""
    def show(c: CriterionEvaluationRecord) -> str:
        value = "no value" if c.value is None else f"{c.value:g}"
        outcome = {True: "met", False: "missed", None: "not evaluable"}[c.met]
        return f"{c.metric} {value} {c.operator} {c.threshold:g} {outcome}"

    if record.change == "UPGRADE":
        what, shown = f"qualifies for {segment_name}", record.next_criteria
    else:
        what, shown = f"no longer meets its segment; moved to {segment_name}", record.criteria
    figures = "; ".join(show(c) for c in shown) or "no criteria"
    return (f"segment evaluation {record.change} over [{record.start:%Y-%m-%d}, {record.end:%Y-%m-%d}) "
            f"({EVALUATION_DAYS} days): {what} ({figures})")[:500]


class EvaluatedSegmentChange(PartnershipSetup):
    """PartnershipSetup.change_segment, unchanged, with one addition inside its write transaction: right
    after the partnership is locked, the evaluation runs again and the change is rejected unless it still
    recommends moving the partnership to `expected_segment_id`."""

    def __init__(self, session: GraphSession, scope: dict[str, Any], enterprise: bool, viewer_id: str,
                 evaluation: SegmentEvaluation, now: datetime, expected_segment_id: str):
        super().__init__(session, scope, enterprise, viewer_id)
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
