"""Inputs of the insights domain."""

from __future__ import annotations

from datetime import datetime

import strawberry

from resolvers.insights.reads import DEFAULT_PERIOD_DAYS


@strawberry.input(description="A reporting period [from, to): `from` inclusive, `to` exclusive. Left out: the "
                  f"{DEFAULT_PERIOD_DAYS} days before the request's now (`to` defaults to now, `from` to "
                  f"{DEFAULT_PERIOD_DAYS} days before `to`).")
class InsightsPeriodInput:
    from_: datetime | None = strawberry.field(name="from", default=None,
                                              description="Start of the period (inclusive); a time without a "
                                              "zone is read as UTC.")
    to: datetime | None = strawberry.field(default=None, description="End of the period (exclusive); a time "
                                           "without a zone is read as UTC. Defaults to the request's now.")
