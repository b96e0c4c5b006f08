"""Partner 360 types: a partner's health over a reporting period, for the partner alone or rolled
up over the partners below it that the viewer may see. Every section is one aggregate Cypher query for
all partners of a response (resolvers/insights.py); see docs/INSIGHTS.md for what each figure counts."""

from __future__ import annotations

from datetime import datetime

import strawberry


@strawberry.input(description="A reporting period [from, to): `from` inclusive, `to` exclusive. Left out: the 90 "
                  "days before the request's now (`to` defaults to now, `from` to 90 days before `to`).")
class InsightsPeriodInput:
    from_: datetime | None = strawberry.field(name="from", default=None,
                                              description="Start of the period (inclusive); a time without a "
                                              "zone is read as UTC.")
    to: datetime | None = strawberry.field(default=None, description="End of the period (exclusive); a time "
                                           "without a zone is read as UTC. Defaults to the request's now.")
