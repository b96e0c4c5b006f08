"""Segment evaluation mutations: apply a segment recommendation (enterprise admin)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers import insights_segments as segment_resolvers
from schema.admission import requires
from schema.partnership_setup import PartnershipPayload, _payload


@strawberry.type
class InsightsMutations:
    @strawberry.mutation(description="Apply a segment recommendation (enterprise admin): the evaluation runs again "
                         "inside the write transaction, and only if it still recommends this segment does the "
                         "partnership move, closing its current assignment and opening one in the segment history "
                         "whose reason names the evaluation, its period and figures.",
                         metadata=requires(Action.APPLY_SEGMENT_RECOMMENDATIONS))
    async def apply_segment_recommendation(
        self, info: Info,
        partnership: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the partnership.")],
        segment: Annotated[strawberry.ID, strawberry.argument(
            description="Global ID of the recommended segment (SegmentRecommendation.recommendedSegment).")],
    ) -> PartnershipPayload:
        return _payload(await segment_resolvers.apply_recommendation(info.context, partnership, segment))
