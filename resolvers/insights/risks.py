"""Partner 360 risk signals: explainable flags built from the figures the database aggregated
(the pipeline section and insights/risks.cypher); each says why it was raised and carries its figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from graph.insights.reads import ENDING_DAYS, MAX_STALLED, PIPELINE_FALL_RATIO, QUIET_DAYS, STALLED_FACTOR
from graph.insights.records import PipelineInsightRecord, RiskInsightRecord
from resolvers.context import RequestContext
from resolvers.insights.reads import InsightsQuery, section


@dataclass(frozen=True)
class Signal:
    code: str
    message: str
    figures: tuple[tuple[str, float | None], ...]
    subject_key: str | None = None


def _pct(ratio: float) -> str:
    return f"{abs(ratio) * 100:.0f}%"


def build(query: InsightsQuery, pipeline: PipelineInsightRecord | None, risks: RiskInsightRecord) -> list[Signal]:
    signals: list[Signal] = []
    if pipeline and pipeline.previous_open_value > 0:
        ratio = (pipeline.open_value - pipeline.previous_open_value) / pipeline.previous_open_value
        if ratio <= -PIPELINE_FALL_RATIO:
            signals.append(Signal(
                "PIPELINE_FALLING",
                f"The open pipeline fell by {_pct(ratio)} over the period: {pipeline.open_value} at its end against "
                f"{pipeline.previous_open_value} at its start ({query.currency} minor units); a fall of "
                f"{_pct(PIPELINE_FALL_RATIO)} or more raises this flag.",
                (("openValue", float(pipeline.open_value)), ("previousOpenValue", float(pipeline.previous_open_value)),
                 ("changeRatio", ratio), ("threshold", -PIPELINE_FALL_RATIO))))
    for o in risks.stalled:
        signals.append(Signal(
            "STALLED_DEAL",
            f"Opportunity {o['name']} of {o['partnerName']} has been in {o['stage']} for {o['ageDays']:.0f} days "
            f"since its last update, more than {STALLED_FACTOR:g}× the median of {o['medianDays']:.1f} days of the "
            f"{o['peers']} open opportunities in that stage.",
            (("ageDays", o["ageDays"]), ("stageMedianDays", o["medianDays"]), ("stagePeers", float(o["peers"])),
             ("factor", STALLED_FACTOR), ("stalledTotal", float(risks.stalled_count))), o["id"]))
    if risks.breached > risks.previous_breached:
        signals.append(Signal(
            "SLA_BREACHES_RISING",
            f"{risks.breached} case(s) opened in the period breach their SLA targets, up from "
            f"{risks.previous_breached} opened in the previous period.",
            (("breached", float(risks.breached)), ("previousBreached", float(risks.previous_breached)))))
    today = query.now.date()
    for e in risks.ending:
        days = (e["endDate"] - today).days
        signals.append(Signal(
            "PARTNERSHIP_ENDING",
            f"The partnership of {e['partnerName']} in {e['programName']} ends on {e['endDate'].isoformat()} "
            f"(the {e['source']}'s end date), in {days} days: within {ENDING_DAYS} days.",
            (("daysLeft", float(days)), ("thresholdDays", float(ENDING_DAYS))), e["id"]))
    last = risks.last_activity
    if last is None or last < query.now - timedelta(days=QUIET_DAYS):
        if last is None:
            why = "No deal registration, order or case at all"
        else:
            why = (f"No deal registered, order placed or case opened for {(query.now - last).days} days "
                   f"(the last on {last.date().isoformat()})")
        signals.append(Signal(
            "NO_ACTIVITY", f"{why}; {QUIET_DAYS} days without activity raise this flag.",
            (("daysSinceLastActivity", float((query.now - last).days) if last else None),
             ("thresholdDays", float(QUIET_DAYS)))))
    return signals


async def signals(ctx: RequestContext, query: InsightsQuery) -> list[Signal] | None:
    """The risk signals of a Partner 360: two loader calls (pipeline, risks), each one round trip for every
    partner of the response asking with the same arguments."""
    risks = await section(ctx, query, "risks")
    if risks is None:
        return None
    return build(query, await section(ctx, query, "pipeline"), risks)


__all__ = ["MAX_STALLED", "Signal", "build", "signals"]
