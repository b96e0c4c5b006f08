"""Enums of the programs domain: program kind and status, partnership status, criterion operators and the
metrics a segment criterion can measure (those the segment evaluation computes,
cypher/insights/reads/segment_evaluation.cypher, named as the scorecard metrics where they are the same figure)."""

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


@strawberry.enum(description="The kind of partner program.")
class ProgramKind(Enum):
    RESELLER = "RESELLER"
    SERVICE_PROVIDER = "SERVICE_PROVIDER"
    BUILD = "BUILD"
    AUTHORIZED_TRAINING = "AUTHORIZED_TRAINING"
    REFERRAL = "REFERRAL"
    OEM = "OEM"


@strawberry.enum(description="A program's lifecycle: DRAFT → APPROVED → RETIRED (or DRAFT → RETIRED). "
                 "Partner staff do not see DRAFT programs; a RETIRED program takes no partnerships.")
class ProgramStatus(Enum):
    DRAFT = "DRAFT"
    APPROVED = "APPROVED"
    RETIRED = "RETIRED"


@strawberry.enum(description="How a partner's metric compares with a criterion's threshold.")
class CriterionOperator(Enum):
    GT = "GT"
    GTE = "GTE"
    LT = "LT"
    LTE = "LTE"
    EQ = "EQ"


@strawberry.enum(description="A partnership's lifecycle: PENDING → ACTIVE ⇄ SUSPENDED → TERMINATED "
                 "(PENDING may also go to TERMINATED). TERMINATED is final.")
class PartnershipStatus(Enum):
    PENDING = "PENDING"
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    TERMINATED = "TERMINATED"
