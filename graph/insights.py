"""Partner 360 reads: aggregate figures of a partner, or of it and the partners below it in the
viewer's scope, computed by aggregate Cypher in the database (`cypher/queries/insights/`). Each section
is one query for any number of partners, so a subtree rollup costs one round trip per section however
many descendants it counts. Selling figures count only the deals the viewer may see (`deal_visible`),
case figures only the cases (`case_visible`); see docs/INSIGHTS.md."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from graph.client import GraphSession
from graph.records import (
    CaseInsightRecord,
    InsightCountRecord,
    MonthlySalesRecord,
    PipelineInsightRecord,
    RiskInsightRecord,
    RegistrationInsightRecord,
    ScorecardRecord,
    SalesInsightRecord,
    StaffInsightRecord,
    _native,
)

SECTIONS = ("pipeline", "registrations", "sales", "cases", "staff", "risks")
SCORECARD_METRICS = ("REVENUE", "OPEN_PIPELINE", "WIN_RATE")
# Risk signal thresholds (docs/INSIGHTS.md, "Risk signals").
PIPELINE_FALL_RATIO = 0.2  # open pipeline value fell by at least 20% over the period
STALLED_FACTOR = 2.0  # an open opportunity older in its stage than 2 × the median of its stage
MAX_STALLED = 10  # stalled opportunities named per partner (the oldest); all are counted
ENDING_DAYS = 60  # a partnership ending within 60 days
QUIET_DAYS = 90  # no deal registered, order placed or case opened for 90 days


class InsightsRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def sections(self, partner_ids: list[str], section: str, start: datetime, end: datetime, subtree: bool,
                       currency: str, now: datetime) -> dict[str, Any]:
        """One section's figures for each partner of `partner_ids` the viewer may see, over [start, end)
        (`now` only for the SLA figures); partners out of scope are left out. Scorecards are the section
        `scorecards:<metric>` (per partner alone, whatever `subtree`)."""
        name, _, metric = section.partition(":")
        if name not in SECTIONS + ("scorecards",) or (name == "scorecards") != (metric in SCORECARD_METRICS):
            raise ValueError(f"unknown Partner 360 section {section!r}")
        rows = await self.session.read(f"insights/{name}", partnerIds=partner_ids, start=start, end=end,
                                       subtree=subtree, currency=currency, now=now, metric=metric, scope=self.scope,
                                       enterprise=self.scope.get("enterprise", False), stalledFactor=STALLED_FACTOR,
                                       maxStalled=MAX_STALLED, endingDays=ENDING_DAYS)
        parse = _PARSERS[name]
        return {row["partnerId"]: parse(row) for row in rows}


def _counts(items: list[dict[str, Any]], key: str) -> tuple[InsightCountRecord, ...]:
    return tuple(InsightCountRecord(item[key], item["count"]) for item in items)


def _pipeline(row: dict[str, Any]) -> PipelineInsightRecord:
    # The database grouped the opportunities by (stage, open at the end, open at the start): at most a few
    # rows per stage, whatever the number of opportunities; here they are only arranged.
    stages: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    open_count = open_value = previous_count = previous_value = unconverted = 0
    for group in row["groups"]:
        value = group["value"] or 0
        if group["openAtEnd"]:
            stages[group["stage"]][0] += group["count"]
            stages[group["stage"]][1] += value
            open_count += group["count"]
            open_value += value
            unconverted += group["unconverted"]
        if group["openAtStart"]:
            previous_count += group["count"]
            previous_value += value
    by_stage = tuple((stage, count, value) for stage, (count, value) in stages.items())
    return PipelineInsightRecord(row["partnerCount"], by_stage, open_count, open_value, previous_count,
                                 previous_value, unconverted)


def _registrations(row: dict[str, Any]) -> RegistrationInsightRecord:
    return RegistrationInsightRecord(row["partnerCount"], _counts(row["byStatus"], "status"), row["decided"],
                                     row["approved"], row["medianHours"], row["conflicts"])


def _sales(row: dict[str, Any]) -> SalesInsightRecord:
    months = tuple(MonthlySalesRecord(_native(m["month"]), m["orders"], m["revenue"] or 0, m["unconverted"])
                   for m in row["byMonth"])
    return SalesInsightRecord(row["partnerCount"], row["won"], row["lost"], months)


def _cases(row: dict[str, Any]) -> CaseInsightRecord:
    return CaseInsightRecord(row["partnerCount"], _counts(row["byStatus"], "status"), row["resolved"],
                             row["resolvedWithinTarget"], row["open"], row["openBreached"])


def _staff(row: dict[str, Any]) -> StaffInsightRecord:
    return StaffInsightRecord(row["partnerCount"], _counts(row["byRole"], "role"))


def _scorecards(row: dict[str, Any]) -> tuple[ScorecardRecord, ...]:
    return tuple(ScorecardRecord(c["partnershipId"], c["segmentId"], c["nextSegmentId"], c["value"], c["peers"],
                                 c["percentile"], c["median"], c["nextPeers"], c["nextMedian"])
                 for c in sorted(row["cards"], key=lambda c: c["partnershipId"]))


def _risks(row: dict[str, Any]) -> RiskInsightRecord:
    return RiskInsightRecord(
        partner_count=row["partnerCount"], stalled_count=row["stalledCount"],
        stalled=tuple({**o, "ageDays": float(o["ageDays"]), "medianDays": float(o["medianDays"])}
                      for o in row["stalled"]),
        breached=row["breached"], previous_breached=row["previousBreached"],
        ending=tuple({**e, "endDate": _native(e["endDate"])} for e in row["ending"]),
        last_activity=_native(row["lastActivity"]))


_PARSERS = {"pipeline": _pipeline, "registrations": _registrations, "sales": _sales, "cases": _cases,
            "staff": _staff, "scorecards": _scorecards, "risks": _risks}
