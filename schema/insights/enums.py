"""Partner 360 types: a partner's health over a reporting period, for the partner alone or rolled
up over the partners below it that the viewer may see. Every section is one aggregate Cypher query for
all partners of a response (resolvers/insights.py); see docs/INSIGHTS.md for what each figure counts."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A Partner 360 metric scorecards compare, per partner alone over the period.")
class ScorecardMetric(Enum):
    REVENUE = strawberry.enum_value("REVENUE", description="Orders placed in the period, not cancelled, in the "
                                    "reporting currency (minor units).")
    OPEN_PIPELINE = strawberry.enum_value("OPEN_PIPELINE", description="Value of the opportunities open at the end "
                                          "of the period, in the reporting currency (minor units).")
    WIN_RATE = strawberry.enum_value("WIN_RATE", description="Won / closed opportunities in the period (0..1); "
                                     "partners without a closed opportunity have no value.")


@strawberry.enum(description="The kind of a Partner 360 risk signal.")
class RiskCode(Enum):
    PIPELINE_FALLING = strawberry.enum_value("PIPELINE_FALLING", description="The open pipeline value fell by 20% "
                                             "or more between the start and the end of the period.")
    STALLED_DEAL = strawberry.enum_value("STALLED_DEAL", description="An open opportunity has been in its stage "
                                         "(since its last update) for more than twice the median of the open "
                                         "opportunities in that stage across the partners the viewer may see.")
    SLA_BREACHES_RISING = strawberry.enum_value("SLA_BREACHES_RISING", description="More cases opened in the "
                                                "period breach their SLA targets than cases opened in the previous "
                                                "period.")
    PARTNERSHIP_ENDING = strawberry.enum_value("PARTNERSHIP_ENDING", description="A partnership ends within 60 days "
                                               "(its program's end date, or its own when earlier).")
    NO_ACTIVITY = strawberry.enum_value("NO_ACTIVITY", description="No deal registered, order placed or case "
                                        "opened for 90 days.")


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
