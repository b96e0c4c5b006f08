"""The metrics a segment criterion can measure: those the segment evaluation computes
(cypher/queries/insights/segment_evaluation.cypher), named as the scorecard metrics where they are the same
figure. Apart from schema/programs.py so that the segment evaluation types use it without an import cycle."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="A partner figure a segment criterion measures: one the segment evaluation computes, "
                 "over the trailing 365 days, for the partner alone (docs/INSIGHTS.md, \"Segment evaluation\"). "
                 "REVENUE, OPEN_PIPELINE and WIN_RATE are the scorecard metrics of the same names (ScorecardMetric), "
                 "with money in USD major units.")
class CriterionMetric(Enum):
    # The values are what the graph stores on a Criterion and segment_evaluation.cypher computes.
    REVENUE = strawberry.enum_value("REVENUE", description="Orders placed, not cancelled, in USD (major units).")
    ORDERS = strawberry.enum_value("ORDERS", description="The number of those orders.")
    OPEN_PIPELINE = strawberry.enum_value("OPEN_PIPELINE", description="Value of the opportunities open now, in USD "
                                          "(major units).")
    WIN_RATE = strawberry.enum_value("WIN_RATE", description="Won / closed opportunities (0..1); no value when none "
                                     "closed.")
    SLA_ATTAINMENT = strawberry.enum_value("SLA_ATTAINMENT", description="Cases resolved within their resolution "
                                           "target / cases resolved (0..1); no value when none resolved.")
    STAFF_COUNT = strawberry.enum_value("STAFF_COUNT", description="People who are members of the partner.")


def criterion_metric(stored: str) -> CriterionMetric | None:
    """The metric of a stored criterion; None for a name the graph cannot evaluate (criteria written before
    metrics were checked), which the segment evaluation reads as NOT_EVALUABLE."""
    try:
        return CriterionMetric(stored)
    except ValueError:
        return None


METRIC_DESCRIPTION = ("The partner metric measured; null for a criterion stored with a metric the graph cannot "
                      "evaluate (written before metrics were checked), which reads as NOT_EVALUABLE.")
