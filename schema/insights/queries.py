"""Root query fields of the insights domain: segment recommendations and leaderboards."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.insights import reads as insights_reads
from resolvers.insights.reads import DEFAULT_CURRENCY, DEFAULT_PERIOD_DAYS
from schema.insights.enums import ScorecardMetric
from schema.insights.inputs import InsightsPeriodInput
from schema.insights.types import (
    LeaderboardEntry,
    SegmentRecommendation,
)
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.type
class InsightsSegmentQueries:
    @strawberry.field(description="Segment evaluation: the partnerships of a program (not terminated, of partners the "
                      "viewer may see) that qualify for the next segment up or no longer meet their current segment, "
                      "each criterion evaluated against the partner's Partner 360 figures over the 365 days before "
                      "now (the records the viewer may see); by partner name. One database round trip per page.")
    async def segment_recommendations(
        self, info: Info,
        program: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the program.")],
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[SegmentRecommendation]:
        page = await insights_reads.recommendations(info.context, program, first, after)
        return to_connection(page, SegmentRecommendation.from_record)


@strawberry.type
class InsightsLeaderboard:
    @strawberry.field(description="A program's partners that the viewer may see (through a partnership that is not "
                      "terminated; only those at `segment` when given), ranked by a metric over a period, each "
                      "partner alone with the records the viewer may see (as the scorecards count); highest first, "
                      "then by partner name. One aggregate query per page.")
    async def leaderboard(
        self, info: Info,
        program: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the program.")],
        metric: Annotated[ScorecardMetric, strawberry.argument(description="The metric to rank by.")],
        segment: Annotated[strawberry.ID | None, strawberry.argument(
            description="Global ID of one of the program's segments; all segments when left out.")] = None,
        period: Annotated[InsightsPeriodInput | None, strawberry.argument(
            description=f"The period; the {DEFAULT_PERIOD_DAYS} days before now when left out.")] = None,
        currency: Annotated[str, strawberry.argument(
            description="ISO 4217 code of the reporting currency of money metrics.")] = DEFAULT_CURRENCY,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[LeaderboardEntry]:
        page = await insights_reads.leaderboard(info.context, program, segment, metric.value,
                                                       period.from_ if period else None, period.to if period else None,
                                                       currency, first, after)
        return to_connection(page, lambda r: LeaderboardEntry.from_record(r, metric))


@strawberry.type
class InsightsQueries(InsightsSegmentQueries, InsightsLeaderboard):
    """Root query fields of Partner 360 (segment recommendations, leaderboards); a base of Query."""
