"""Segment evaluation types: each criterion of a segment against the partner's figure, and a
partnership's recommendation (docs/INSIGHTS.md, "Segment evaluation")."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from graph.records import CriterionEvaluationRecord, SegmentEvaluationRecord
from resolvers import insights as insight_resolvers
from schema.criterion_metrics import METRIC_DESCRIPTION, CriterionMetric, criterion_metric

LazyPartnership = Annotated["Partnership", strawberry.lazy("schema.partnerships")]
LazySegment = Annotated["Segment", strawberry.lazy("schema.programs")]
LazyOperator = Annotated["CriterionOperator", strawberry.lazy("schema.programs")]


@strawberry.enum(description="What the segment evaluation recommends for a partnership.")
class SegmentChange(Enum):
    UPGRADE = strawberry.enum_value("UPGRADE", description="The partner meets every criterion of the next segment "
                                    "up: move it there.")
    DOWNGRADE = strawberry.enum_value("DOWNGRADE", description="The partner misses a criterion of its current "
                                      "segment: move it to the closest lower segment whose criteria it meets (the "
                                      "lowest when none).")


@strawberry.enum(description="How a criterion fares against the partner's figure.")
class CriterionOutcome(Enum):
    MET = strawberry.enum_value("MET", description="The figure satisfies the criterion.")
    MISSED = strawberry.enum_value("MISSED", description="The figure does not satisfy it, or the metric has no "
                                   "value (e.g. a win rate with nothing closed).")
    NOT_EVALUABLE = strawberry.enum_value("NOT_EVALUABLE", description="The criterion was stored with a metric the "
                                          "evaluation does not know (before criteria metrics were a CriterionMetric; "
                                          "its `metric` reads null); it is neither met nor missed, and a segment "
                                          "with such a criterion is never recommended as an upgrade.")


@strawberry.type(description="One criterion of a segment evaluated against the partner's figure.")
class CriterionEvaluation:
    record: strawberry.Private[CriterionEvaluationRecord]

    @strawberry.field(description="The criterion's stable key.")
    def key(self) -> str:
        return self.record.criterion_id

    @strawberry.field(description=METRIC_DESCRIPTION)
    def metric(self) -> CriterionMetric | None:
        return criterion_metric(self.record.metric)

    @strawberry.field(description="How the figure must compare with the threshold.")
    def operator(self) -> LazyOperator:
        from schema.programs import CriterionOperator

        return CriterionOperator(self.record.operator)

    @strawberry.field(description="The criterion's threshold.")
    def threshold(self) -> float:
        return self.record.threshold

    @strawberry.field(description="The partner's figure for the metric (money in USD major units); null when the "
                      "metric is not evaluable or has no value.")
    def value(self) -> float | None:
        return self.record.value

    @strawberry.field(description="Met, missed or not evaluable.")
    def outcome(self) -> CriterionOutcome:
        if self.record.met is None:
            return CriterionOutcome.NOT_EVALUABLE
        return CriterionOutcome.MET if self.record.met else CriterionOutcome.MISSED


@strawberry.type(description="A partnership whose partner qualifies for the next segment up of its program or no "
                 "longer meets its current segment, with every criterion of both segments evaluated over the "
                 "trailing 365 days.")
class SegmentRecommendation:
    record: strawberry.Private[SegmentEvaluationRecord]

    @strawberry.field(description="Upgrade or downgrade.")
    def change(self) -> SegmentChange:
        return SegmentChange(self.record.change)

    @strawberry.field(description="The partnership evaluated.")
    async def partnership(self, info: Info) -> LazyPartnership | None:
        from schema.partnerships import Partnership

        found = await insight_resolvers.partnership(info.context, self.record.partnership_id)
        return Partnership.from_record(found) if found else None

    @strawberry.field(description="The partnership's current segment.")
    async def current_segment(self, info: Info) -> LazySegment | None:
        from schema.programs import Segment

        found = await insight_resolvers.segment(info.context, self.record.segment_id)
        return Segment.from_record(found) if found else None

    @strawberry.field(description="The segment to move to (pass it to applySegmentRecommendation); null for a "
                      "downgrade from the lowest segment.")
    async def recommended_segment(self, info: Info) -> LazySegment | None:
        from schema.programs import Segment

        if self.record.target_segment_id is None:
            return None
        found = await insight_resolvers.segment(info.context, self.record.target_segment_id)
        return Segment.from_record(found) if found else None

    @strawberry.field(description="Every criterion of the current segment against the partner's figures.")
    def current_criteria(self) -> list[CriterionEvaluation]:
        return [CriterionEvaluation(record=c) for c in self.record.criteria]

    @strawberry.field(description="The next segment up of the program; null at the top.")
    async def next_segment(self, info: Info) -> LazySegment | None:
        from schema.programs import Segment

        if self.record.next_segment_id is None:
            return None
        found = await insight_resolvers.segment(info.context, self.record.next_segment_id)
        return Segment.from_record(found) if found else None

    @strawberry.field(description="Every criterion of the next segment up against the partner's figures (empty at "
                      "the top).")
    def next_criteria(self) -> list[CriterionEvaluation]:
        return [CriterionEvaluation(record=c) for c in self.record.next_criteria]

    @strawberry.field(description="Start of the evaluation period (365 days before `evaluatedTo`).")
    def evaluated_from(self) -> datetime:
        return self.record.start

    @strawberry.field(description="End of the evaluation period (exclusive): the request's now.")
    def evaluated_to(self) -> datetime:
        return self.record.end
