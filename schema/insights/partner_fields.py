"""The Partner 360 field on a Partner: `insights(period:, includeSubtree:, currency:)`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from resolvers.insights import reads as insights_reads
from schema.insights.inputs import InsightsPeriodInput
from schema.insights.types import Partner360
from schema.shared.admission import argument_checks


def _check_arguments(args: Mapping[str, Any], ctx: Any) -> None:
    period = args.get("period") or {}
    insights_reads.check_arguments(period.get("from"), period.get("to"), args.get("currency"), ctx.now)


@strawberry.type
class PartnerInsightsFields:
    @strawberry.field(description="Partner 360: this partner's pipeline, deal registrations, sales, cases, staff, "
                      "partnerships and relationship managers over a reporting period; null when the viewer may not "
                      "see the partner. Each section is one aggregate query for all partners of the response.",
                      metadata=argument_checks(_check_arguments))
    async def insights(
        self, info: Info,
        period: Annotated[InsightsPeriodInput | None, strawberry.argument(
            description="The reporting period; the 90 days before now when left out.")] = None,
        include_subtree: Annotated[bool, strawberry.argument(
            description="Also count the partners below this one that the viewer may see.")] = False,
        currency: Annotated[str, strawberry.argument(
            description="ISO 4217 code of the reporting currency of every money figure.")] = "USD",
    ) -> Partner360 | None:
        query = await insights_reads.insights(info.context, self.id, period.from_ if period else None,
                                                 period.to if period else None, include_subtree, currency)
        return Partner360(query=query) if query else None
