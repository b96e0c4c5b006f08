"""Reads of the insights domain. Partner 360: aggregate figures of a partner, or of it and the partners below
it in the viewer's scope, computed by aggregate Cypher in the database (`cypher/insights/reads/`). Each section
is one query for any number of partners, so a subtree rollup costs one round trip per section however many
descendants it counts. Selling figures count only the deals the viewer may see (`deal_visible`), case figures
only the cases (`case_visible`), lead figures only the offers made to the counted partners themselves, of leads
whose persona part of `lead_visible` holds (`lead_record_visible`). Segment evaluation: the criteria of a
program's segments evaluated against each partnership's metrics over a trailing year, computed and filtered in
the database, one round trip per page.
See docs/INSIGHTS.md."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from graph.insights.records import (
    CaseInsightRecord,
    CriterionEvaluationRecord,
    InsightCountRecord,
    LeaderboardEntryRecord,
    LeadInsightRecord,
    MdfInsightRecord,
    PipelineInsightRecord,
    RegistrationInsightRecord,
    RiskInsightRecord,
    SalesInsightRecord,
    ScorecardRecord,
    SegmentEvaluationRecord,
    StaffInsightRecord,
)
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.records import Page, SortKey, cursor_param

SECTIONS = ("pipeline", "registrations", "sales", "cases", "staff", "leads", "risks", "mdf")
SCORECARD_METRICS = ("REVENUE", "OPEN_PIPELINE", "WIN_RATE", "ROI")

# Risk signal thresholds (docs/INSIGHTS.md, "Risk signals").
PIPELINE_FALL_RATIO = 0.2  # open pipeline value fell by at least 20% over the period
STALLED_FACTOR = 2.0  # an open opportunity older in its stage than 2 × the median of its stage
MAX_STALLED = 10  # stalled opportunities named per partner (the oldest); all are counted
ENDING_DAYS = 60  # a partnership ending within 60 days
QUIET_DAYS = 90  # no deal registered, order placed or case opened for 90 days
IGNORED_LEADS = 3  # at least 3 lead offers to the counted partners timed out unaccepted in the period


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
        rows = await self.session.read(f"insights/reads/{name}", partnerIds=partner_ids, start=start, end=end,
                                       subtree=subtree, currency=currency, now=now, metric=metric, scope=self.scope,
                                       stalledFactor=STALLED_FACTOR, maxStalled=MAX_STALLED, endingDays=ENDING_DAYS)
        parse = _PARSERS[name]
        # A row is the partner's id, then the section's map.
        return {row.pop("partnerId"): parse(row) for row in rows}


    async def leaderboard(self, program_id: str | None, segment_id: str | None, metric: str, start: datetime,
                          end: datetime, currency: str, skip: int, limit: int) -> list[LeaderboardEntryRecord]:
        """A program's visible partnerships (of one segment, or all) ranked by a scorecard metric over
        [start, end), from position `skip`, at most `limit`."""
        rows = await self.session.read("insights/reads/leaderboard", programId=program_id, segmentId=segment_id,
                                       metric=metric, start=start, end=end, currency=currency, scope=self.scope,
                                       skip=skip, limit=limit)
        return [LeaderboardEntryRecord.from_map(r["entry"]) for r in rows]


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
    return SalesInsightRecord.from_map(row)


def _cases(row: dict[str, Any]) -> CaseInsightRecord:
    return CaseInsightRecord(row["partnerCount"], _counts(row["byStatus"], "status"), row["resolved"],
                             row["resolvedWithinTarget"], row["open"], row["openBreached"])


def _staff(row: dict[str, Any]) -> StaffInsightRecord:
    return StaffInsightRecord(row["partnerCount"], _counts(row["byRole"], "role"))


def _leads(row: dict[str, Any]) -> LeadInsightRecord:
    return LeadInsightRecord.from_map(row)


def _mdf(row: dict[str, Any]) -> MdfInsightRecord:
    return MdfInsightRecord.from_map(row)


def _scorecards(row: dict[str, Any]) -> tuple[ScorecardRecord, ...]:
    return tuple(ScorecardRecord.from_map(c) for c in sorted(row["cards"], key=lambda c: c["partnershipId"]))


def _risks(row: dict[str, Any]) -> RiskInsightRecord:
    return RiskInsightRecord.from_map(row)


_PARSERS = {"pipeline": _pipeline, "registrations": _registrations, "sales": _sales, "cases": _cases,
            "staff": _staff, "leads": _leads, "mdf": _mdf, "scorecards": _scorecards, "risks": _risks}


EVALUATION_DAYS = 365
METRIC_CURRENCY = "USD"  # money criteria (REVENUE, OPEN_PIPELINE) are thresholds in USD major units


def evaluation_period(now: datetime) -> tuple[datetime, datetime]:
    """The trailing year [now − 365 days, now) the criteria are evaluated over."""
    return now - timedelta(days=EVALUATION_DAYS), now


def _criteria(items: list[dict[str, Any]]) -> tuple[CriterionEvaluationRecord, ...]:
    return tuple(CriterionEvaluationRecord.from_map(c) for c in sorted(items, key=lambda c: (c["metric"], c["id"])))


def _record(row: dict[str, Any], start: datetime, end: datetime) -> SegmentEvaluationRecord:
    return SegmentEvaluationRecord(
        partnership_id=row["partnershipId"], partner_id=row["partnerId"], partner_name=row["partnerName"],
        segment_id=row["segmentId"], change=row["change"], target_segment_id=row["targetSegmentId"],
        next_segment_id=row["nextSegmentId"], criteria=_criteria(row["criteria"]),
        next_criteria=_criteria(row["nextCriteria"]), start=start, end=end)


class SegmentEvaluation:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    def _params(self, now: datetime, program_id: str | None, partnership_id: str | None, first: int,
                after: SortKey | None, only_changes: bool) -> dict[str, Any]:
        start, end = evaluation_period(now)
        return {"programId": program_id, "partnershipId": partnership_id, "start": start, "end": end, "now": now,
                "scope": self.scope, "limit": first + 1, "after": cursor_param(after),
                "onlyChanges": only_changes, "currency": METRIC_CURRENCY}

    async def recommendations(self, program_id: str, now: datetime, first: int,
                              after: SortKey | None) -> Page[SegmentEvaluationRecord]:
        """One page of the program's partnerships with a recommendation, by partner name then partnership id."""
        start, end = evaluation_period(now)
        rows = await self.session.read("insights/reads/segment_evaluation",
                                       **self._params(now, program_id, None, first, after, True))
        records = [_record(r, start, end) for r in rows]
        return Page.from_rows(records, first, [SortKey(r.partner_name, r.partnership_id) for r in records])

    async def of_partnership(self, tx: CountingTransaction | None, program_id: str | None, partnership_id: str,
                             now: datetime) -> SegmentEvaluationRecord | None:
        """The evaluation of one partnership (None when not visible or terminated), in `tx` when given."""
        start, end = evaluation_period(now)
        params = self._params(now, program_id, partnership_id, 1, None, False)
        if tx is None:
            rows = await self.session.read("insights/reads/segment_evaluation", **params)
        else:
            rows = await tx.query("insights/reads/segment_evaluation", **params)
        return _record(rows[0], start, end) if rows else None


def evaluation_reason(record: SegmentEvaluationRecord, segment_name: str) -> str:
    """The segment history's reason for an applied recommendation: names the evaluation and its figures."""
    def show(c: CriterionEvaluationRecord) -> str:
        value = "no value" if c.value is None else f"{c.value:g}"
        outcome = {True: "met", False: "missed", None: "not evaluable"}[c.met]
        return f"{c.metric} {value} {c.operator} {c.threshold:g} {outcome}"

    if record.change == "UPGRADE":
        what, shown = f"qualifies for {segment_name}", record.next_criteria
    else:
        what, shown = f"no longer meets its segment; moved to {segment_name}", record.criteria
    figures = "; ".join(show(c) for c in shown) or "no criteria"
    return (f"segment evaluation {record.change} over [{record.start:%Y-%m-%d}, {record.end:%Y-%m-%d}) "
            f"({EVALUATION_DAYS} days): {what} ({figures})")[:500]
