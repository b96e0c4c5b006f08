"""Mutations of the insights domain: apply a segment recommendation (enterprise admin)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.insights import writes as insights_writes
from schema.programs.types import PartnershipPayload
from schema.shared.admission import requires


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
        return PartnershipPayload.from_outcome(
            await insights_writes.apply_recommendation(info.context, partnership, segment))
