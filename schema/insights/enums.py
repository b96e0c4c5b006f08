"""Enums of the insights domain; the thresholds their descriptions state are the constants the code uses."""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.insights.reads import ENDING_DAYS, IGNORED_LEADS, PIPELINE_FALL_RATIO, QUIET_DAYS, STALLED_FACTOR


@strawberry.enum(description="A Partner 360 metric scorecards compare, per partner alone over the period.")
class ScorecardMetric(Enum):
    REVENUE = strawberry.enum_value("REVENUE", description="Orders placed in the period, not cancelled, in the "
                                    "reporting currency (minor units).")
    OPEN_PIPELINE = strawberry.enum_value("OPEN_PIPELINE", description="Value of the opportunities open at the end "
                                          "of the period, in the reporting currency (minor units).")
    WIN_RATE = strawberry.enum_value("WIN_RATE", description="Won / closed opportunities in the period (0..1); "
                                     "partners without a closed opportunity have no value.")
    ROI = strawberry.enum_value("ROI", description="Return on market development funds, whatever the period: the "
                                "revenue of the deals the partner's fund requests generated less what their PAID "
                                "claims cost, over that cost (as Partner 360's `mdf.roi`); partners with nothing paid "
                                "have no value.")


@strawberry.enum(description="The kind of a Partner 360 risk signal.")
class RiskCode(Enum):
    PIPELINE_FALLING = strawberry.enum_value("PIPELINE_FALLING", description="The open pipeline value fell by "
                                             f"{PIPELINE_FALL_RATIO:.0%} or more between the start and the end of the "
                                             "period.")
    STALLED_DEAL = strawberry.enum_value("STALLED_DEAL", description="An open opportunity has been in its stage "
                                         f"(since its last update) for more than {STALLED_FACTOR:g} times the median "
                                         "of the open "
                                         "opportunities in that stage across the partners the viewer may see.")
    SLA_BREACHES_RISING = strawberry.enum_value("SLA_BREACHES_RISING", description="More cases opened in the "
                                                "period breach their SLA targets than cases opened in the previous "
                                                "period.")
    PARTNERSHIP_ENDING = strawberry.enum_value("PARTNERSHIP_ENDING", description="A partnership ends within "
                                               f"{ENDING_DAYS} days "
                                               "(its program's end date, or its own when earlier).")
    NO_ACTIVITY = strawberry.enum_value("NO_ACTIVITY", description="No deal registered, order placed or case "
                                        f"opened for {QUIET_DAYS} days.")
    LEADS_IGNORED = strawberry.enum_value("LEADS_IGNORED", description=f"{IGNORED_LEADS} or more lead offers to "
                                          "the counted partners timed out unaccepted (not accepted by their "
                                          "deadline) in the period.")


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
