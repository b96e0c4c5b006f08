"""The demo channel makes every Partner 360 figure, scorecard, segment verdict, risk signal and leaderboard
non-trivial (cypher/demo/04_insights.cypher; docs/INSIGHTS.md, "Demo data"). Nothing is loaded here: the
session's database holds the demo. Its insight records are dated relative to the moment the demo was
loaded, so the clock is set to that moment, read back from a record three days old at load time; the
default period is then [load − 90 days, load). Expected values are summed by hand from the rows of 04
(amounts in minor units; EUR→USD 1.08, AUD→USD 0.65, NZD→USD 1 / 1.65) plus the 2026 records of 02 and 03
that count whatever the date: Contoso's and Litware's opportunities open since April 2026, and the cases
open since 2025."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import global_id

INSIGHTS = """query($id: ID!, $sub: Boolean!) { partner(id: $id) { insights(includeSubtree: $sub) {
  partnersCounted
  pipeline { openCount openValue byStage { stage count value } previousOpenCount previousOpenValue change
             unconvertedCount }
  dealRegistrations { byStatus { status count } created decided approved approvalRate medianHoursToDecision conflicts }
  sales { won lost winRate orders revenue byMonth { month orders revenue unconvertedCount } }
  cases { byStatus { status count } opened resolved resolvedWithinTarget slaAttainment open openBreached }
  staffByRole { role count }
  partnerships { edges { node { key segment { name } } } }
  relationshipManagers { name } } } }"""


async def at_load_time(gql, clock) -> datetime:
    """Sets the clock to the moment the demo was loaded (a draft created three days before it) and returns it."""
    data = await gql.data("query($id: ID!) { dealRegistration(id: $id) { createdAt } }",
                          variables={"id": global_id("DealRegistration", "dr-insights-contoso-addon")})
    loaded = datetime.fromisoformat(data["dealRegistration"]["createdAt"]) + timedelta(days=3)
    clock.set(loaded)
    return loaded


def by_month(loaded: datetime, orders: list[tuple[int, int]]) -> list[dict]:
    """Orders placed `days` before the load, with their USD value, grouped by calendar month as the sales
    section groups them."""
    months: dict[str, list[int]] = {}
    for days, value in orders:
        month = (loaded - timedelta(days=days)).strftime("%Y-%m-01")
        months.setdefault(month, [0, 0])
        months[month][0] += 1
        months[month][1] += value
    return [{"month": m, "orders": n, "revenue": v, "unconvertedCount": 0} for m, (n, v) in sorted(months.items())]


def _counts(items: list[dict], key: str) -> dict[str, int]:
    return {item[key]: item["count"] for item in items}


# Per distributor, its subtree over the default period. Pipeline stage values in USD minor units.
ROLLUPS = {
    "p-northwind": {
        "partnersCounted": 9,
        # open now: Contoso's 2026 platform deal (5e9) and Northwind's analytics (3M) in PROPOSAL, Litware's
        # 2026 CRM (0.9M) and Proseware's analytics (6M) in NEGOTIATION, Contoso's support (1M) in QUALIFICATION
        "pipeline": (5, 5_010_900_000, {"PROPOSAL": (2, 5_003_000_000), "NEGOTIATION": (2, 6_900_000),
                                        "QUALIFICATION": (1, 1_000_000)},
                     # 90 days ago also Northwind's ERP (12M) and CRM (9M), Contoso's wave 1 (48M) and
                     # Proseware's analytics (4.5M), closed since; Contoso's support and Proseware's NEGOTIATION
                     # one were not open yet
                     6, 5_074_400_000),
        "registrations": ({"APPROVED": 2, "CANCELLED": 1, "CLOSED": 5, "DRAFT": 1, "REJECTED": 1, "SUBMITTED": 1,
                           "UNDER_REVIEW": 1}, 12,
                          # decided: 7 approvals and Tailspin's rejection, after 24 h (4), 48 h (3) and 168 h
                          8, 7, 0.875, 36.0,
                          # Tailspin's Acme support bundle against Proseware's extension, both sides
                          2),
        # won: Northwind's ERP, Contoso's waves 1 and 2, Proseware's analytics; lost: Northwind's CRM, Contoso's pilot
        "sales": (4, 2, [(80, 48_000_000), (75, 4_500_000), (60, 12_000_000), (45, 42_000_000)]),
        # opened: Northwind 2, Contoso 2, Proseware 3, Fabrikam 1, Litware 1; resolved 7, of which Proseware's
        # outage and Litware's licence case late; open: the 2025 cases 1, 2, 3, 7 (all but 3 breached),
        # Proseware's unanswered one (breached) and Fabrikam's of two days ago
        "cases": ({"CLOSED": 6, "IN_PROGRESS": 1, "NEW": 1, "RESOLVED": 1}, 9, 7, 5, 6, 4),
        "staff": {"ADMIN": 10, "ASSOCIATE": 10, "MANAGER": 2},
        "partnerships": [("ps-northwind-reseller", "Platinum")],
        "managers": ["Rita Relationship"],
    },
    "p-eurolink": {
        "partnersCounted": 4,
        # EUR amounts at 1.08: the stalled warehouse ERP (3.6M) and CRM expansion (2M) in QUALIFICATION, the
        # analytics phase 2 (1.25M) in PROPOSAL; 90 days ago only the support deal (0.9M), lost since
        "pipeline": (3, 7_398_000, {"QUALIFICATION": (2, 6_048_000), "PROPOSAL": (1, 1_350_000)}, 1, 972_000),
        # decided: 5 approvals (24 h ×3, 48 h, 72 h) and the ERP upgrade's rejection (48 h); Bergen's Wiener ERP
        # against Alpine's
        "registrations": ({"CLOSED": 6, "REJECTED": 1, "SUBMITTED": 1}, 8, 6, 5, 5 / 6, 36.0, 2),
        # won: Eurolink's ERP and support renewal, Alpine's Wiener ERP; lost: Eurolink's support
        "sales": (3, 1, [(65, 11_880_000), (40, 2_376_000), (15, 972_000)]),
        # Eurolink's licence case resolved late; its scanners case breached, its order question paused in time
        "cases": ({"AWAITING_PARTNER": 1, "CLOSED": 3, "IN_PROGRESS": 1}, 5, 3, 2, 2, 1),
        "staff": {"ADMIN": 4, "ASSOCIATE": 4, "MANAGER": 1},
        "partnerships": [("ps-eurolink-reseller", "Gold")],
        "managers": ["Ines International"],
    },
    "p-pacific": {
        "partnersCounted": 3,
        # AUD at 0.65, NZD at 1 / 1.65: Pacific's ERP expansion (18M AUD) and Kiwi's analytics (2.97M NZD);
        # 90 days ago Pacific's Koala ERP (9M AUD), won since
        "pipeline": (2, 13_500_000, {"NEGOTIATION": (1, 11_700_000), "PROPOSAL": (1, 1_800_000)}, 1, 5_850_000),
        # decided: 4 approvals (48 h ×2, 24 h, 72 h) and Pacific's Kauri analytics rejected (48 h); that one
        # against Kiwi's
        "registrations": ({"CLOSED": 3, "DRAFT": 1, "REJECTED": 1}, 5, 5, 4, 0.8, 48.0, 2),
        "sales": (3, 1, [(85, 5_850_000), (58, 6_000_000), (20, 3_900_000)]),
        # Pacific's CRM invoice resolved late; open: Kiwi's quota case (in time) and its 2025 escalation (breached)
        "cases": ({"CLOSED": 3, "IN_PROGRESS": 1}, 4, 3, 2, 2, 1),
        "staff": {"ADMIN": 3, "ASSOCIATE": 3, "MANAGER": 2},
        "partnerships": [("ps-pacific-reseller", "Silver")],
        "managers": ["Ines International"],
    },
}


@pytest.mark.parametrize("partner", sorted(ROLLUPS))
async def test_every_section_of_a_distributor_rollup(clocked_gql, clock, partner):
    loaded = await at_load_time(clocked_gql, clock)
    want = ROLLUPS[partner]
    data = await clocked_gql.data(INSIGHTS, variables={"id": global_id("Partner", partner), "sub": True})
    got = data["partner"]["insights"]
    assert got["partnersCounted"] == want["partnersCounted"]

    count, value, stages, previous_count, previous_value = want["pipeline"]
    pipeline = got["pipeline"]
    assert (pipeline["openCount"], pipeline["openValue"]) == (count, value)
    assert {s["stage"]: (s["count"], s["value"]) for s in pipeline["byStage"]} == stages
    assert (pipeline["previousOpenCount"], pipeline["previousOpenValue"]) == (previous_count, previous_value)
    assert pipeline["change"] == value - previous_value != 0 and pipeline["unconvertedCount"] == 0

    by_status, created, decided, approved, rate, median, conflicts = want["registrations"]
    registrations = got["dealRegistrations"]
    assert _counts(registrations["byStatus"], "status") == by_status and registrations["created"] == created
    assert (registrations["decided"], registrations["approved"]) == (decided, approved)
    assert registrations["approvalRate"] == pytest.approx(rate)
    assert registrations["medianHoursToDecision"] == median and registrations["conflicts"] == conflicts

    won, lost, orders = want["sales"]
    sales = got["sales"]
    assert (sales["won"], sales["lost"], sales["winRate"]) == (won, lost, pytest.approx(won / (won + lost)))
    assert (sales["orders"], sales["revenue"]) == (len(orders), sum(v for _, v in orders))
    assert sales["byMonth"] == by_month(loaded, orders) and len(sales["byMonth"]) > 1

    case_status, opened, resolved, within, still_open, breached = want["cases"]
    cases = got["cases"]
    assert _counts(cases["byStatus"], "status") == case_status and cases["opened"] == opened
    assert (cases["resolved"], cases["resolvedWithinTarget"]) == (resolved, within)
    assert cases["slaAttainment"] == pytest.approx(within / resolved)
    assert (cases["open"], cases["openBreached"]) == (still_open, breached)

    assert _counts(got["staffByRole"], "role") == want["staff"]
    assert [(e["node"]["key"], e["node"]["segment"]["name"])
            for e in got["partnerships"]["edges"]] == want["partnerships"]
    assert [m["name"] for m in got["relationshipManagers"]] == want["managers"]


RISKS = ("query($id: ID!) { partner(id: $id) { insights { riskSignals { code subjectKey "
         "figures { name value } } } } }")


@pytest.mark.parametrize("partner, code, subject, figures", [
    # Northwind alone: 3M open now against 21M (its ERP and CRM deals) 90 days ago.
    ("p-northwind", "PIPELINE_FALLING", None,
     {"openValue": 3_000_000.0, "previousOpenValue": 21_000_000.0, "changeRatio": -18 / 21, "threshold": -0.2}),
    # In QUALIFICATION for 70 days; the other two qualifying opportunities (Contoso's, Eurolink's) 8 and 6 days.
    ("p-eurolink", "STALLED_DEAL", "opp-insights-eurolink-warehouse",
     {"ageDays": 70.0, "stageMedianDays": 8.0, "stagePeers": 3.0, "factor": 2.0, "stalledTotal": 1.0}),
    # Three cases of the period breached (a late answer, a late fix, one never answered) against one before.
    ("p-proseware", "SLA_BREACHES_RISING", None, {"breached": 3.0, "previousBreached": 1.0}),
    ("p-kiwi", "PARTNERSHIP_ENDING", "ps-kiwi-services", {"daysLeft": 45.0, "thresholdDays": 60.0}),
    # Its last activity: the onboarding case of 130 days ago (its rejected 2026 deal is older still).
    ("p-lyon", "NO_ACTIVITY", None, {"daysSinceLastActivity": 130.0, "thresholdDays": 90.0}),
])
async def test_each_risk_signal_for_the_partner_designed_for_it(clocked_gql, clock, partner, code, subject, figures):
    await at_load_time(clocked_gql, clock)
    data = await clocked_gql.data(RISKS, variables={"id": global_id("Partner", partner)})
    signals = data["partner"]["insights"]["riskSignals"]
    assert [s["code"] for s in signals] == [code]  # the partner alone, default period: only its own story
    assert signals[0]["subjectKey"] == subject
    assert {f["name"]: f["value"] for f in signals[0]["figures"]} == pytest.approx(figures)


SCORECARD = """query($id: ID!) { partner(id: $id) { insights { scorecards(metric: REVENUE) {
  partnership { key } value peers percentile segmentMedian nextSegment { name }
  nextSegmentPeers nextSegmentMedian } } } }"""


@pytest.mark.parametrize("partner, card", [
    # Gold: Contoso 90M, Eurolink 12.852M, Proseware 4.5M; Platinum: Northwind 12M.
    ("p-contoso", ("ps-contoso-reseller", 90_000_000.0, 3, 100.0, 12_852_000.0, "Platinum", 1, 12_000_000.0)),
    ("p-proseware", ("ps-proseware-reseller", 4_500_000.0, 3, 100 / 3, 12_852_000.0, "Platinum", 1, 12_000_000.0)),
    # Silver: Pacific 9.75M, Fabrikam nothing this period; Gold's median one up.
    ("p-pacific", ("ps-pacific-reseller", 9_750_000.0, 2, 100.0, 4_875_000.0, "Gold", 3, 12_852_000.0)),
])
async def test_scorecards_against_peers_and_the_next_segment(clocked_gql, clock, partner, card):
    await at_load_time(clocked_gql, clock)
    data = await clocked_gql.data(SCORECARD, variables={"id": global_id("Partner", partner)})
    [got] = data["partner"]["insights"]["scorecards"]
    assert (got["partnership"]["key"], got["value"], got["peers"], pytest.approx(got["percentile"]),
            got["segmentMedian"], got["nextSegment"]["name"], got["nextSegmentPeers"], got["nextSegmentMedian"]) == card


RECOMMENDATIONS = """query($program: ID!) { segmentRecommendations(program: $program) { edges { node {
  change partnership { key } currentSegment { name } recommendedSegment { name }
  currentCriteria { metric value outcome } nextCriteria { metric value outcome } } } } }"""


def _criteria(items: list[dict]) -> dict[str, tuple]:
    return {c["metric"]: (c["value"], c["outcome"]) for c in items}


async def test_segment_recommendations_upgrade_and_downgrade(clocked_gql, clock):
    loaded = await at_load_time(clocked_gql, clock)
    data = await clocked_gql.data(RECOMMENDATIONS, variables={"program": global_id("Program", "prog-reseller")})
    nodes = {e["node"]["partnership"]["key"]: e["node"] for e in data["segmentRecommendations"]["edges"]}
    assert {k: (n["change"], n["currentSegment"]["name"], n["recommendedSegment"]["name"])
            for k, n in nodes.items()} == {
        "ps-contoso-reseller": ("UPGRADE", "Gold", "Platinum"),
        "ps-northwind-reseller": ("DOWNGRADE", "Platinum", "Gold"),
        # only the 2026 Globex order of 02 (22,800 USD), if still within the year, against Silver's 50,000
        "ps-fabrikam-reseller": ("DOWNGRADE", "Silver", "Bronze")}
    # Contoso over the year: 480k + 420k + 240k of orders, 3 of 4 closed deals won, both resolved cases in time.
    assert _criteria(nodes["ps-contoso-reseller"]["nextCriteria"]) == {
        "REVENUE": (1_140_000.0, "MET"), "WIN_RATE": (0.75, "MET"), "SLA_ATTAINMENT": (1.0, "MET")}
    # Northwind: 120k + 96k + 144k; its win rate counts 02's lost Northstar deal while that is within the year.
    lost_in_2026 = datetime(2026, 5, 2, 9, tzinfo=UTC) >= loaded - timedelta(days=365)
    assert _criteria(nodes["ps-northwind-reseller"]["currentCriteria"]) == {
        "REVENUE": (360_000.0, "MISSED"), "WIN_RATE": (0.6 if lost_in_2026 else 0.75, "MET"),
        "SLA_ATTAINMENT": (1.0, "MET")}
    assert _criteria(nodes["ps-fabrikam-reseller"]["currentCriteria"])["REVENUE"][1] == "MISSED"

    # Service providers: Litware resolved none of its two cases in time; Premier's customerSatisfaction, stored
    # before metrics were checked, has no data: its metric reads null and it is NOT_EVALUABLE.
    services = await clocked_gql.data(RECOMMENDATIONS, variables={"program": global_id("Program", "prog-services")})
    [litware] = [e["node"] for e in services["segmentRecommendations"]["edges"]]
    assert (litware["partnership"]["key"], litware["change"], litware["recommendedSegment"]["name"]) == (
        "ps-litware-services", "DOWNGRADE", "Registered")
    assert _criteria(litware["currentCriteria"]) == {"SLA_ATTAINMENT": (0.0, "MISSED")}
    assert _criteria(litware["nextCriteria"]) == {"REVENUE": (0.0, "MISSED"), None: (None, "NOT_EVALUABLE")}


LEADERBOARD = """query($program: ID!, $segment: ID, $metric: ScorecardMetric!) {
  leaderboard(program: $program, segment: $segment, metric: $metric) {
    edges { node { rank value partner { key } } } } }"""


@pytest.mark.parametrize("segment, metric, ranking", [
    (None, "REVENUE", [("p-contoso", 1, 90_000_000.0), ("p-eurolink", 2, 12_852_000.0),
                       ("p-northwind", 3, 12_000_000.0), ("p-pacific", 4, 9_750_000.0), ("p-proseware", 5, 4_500_000.0),
                       ("p-alpine", 6, 2_376_000.0), ("p-adatum", 7, 0.0), ("p-fabrikam", 7, 0.0),
                       ("p-tailspin", 7, 0.0)]),
    (None, "WIN_RATE", [("p-alpine", 1, 1.0), ("p-proseware", 1, 1.0), ("p-contoso", 3, 2 / 3),
                        ("p-eurolink", 3, 2 / 3), ("p-pacific", 3, 2 / 3), ("p-northwind", 6, 0.5)]),
    # Only Northwind's fund requests have a PAID claim (1,100,000 for the webinars, whose deals' orders total
    # 2,280,000: tests/mdf/test_mdf_returns.py); the others have no ROI and are left out.
    (None, "ROI", [("p-northwind", 1, (2_280_000 - 1_100_000) / 1_100_000)]),
    ("seg-reseller-gold", "OPEN_PIPELINE", [("p-contoso", 1, 5_001_000_000.0), ("p-eurolink", 2, 7_398_000.0),
                                            ("p-proseware", 3, 6_000_000.0)]),
])
async def test_leaderboards_rank_several_partners(clocked_gql, clock, segment, metric, ranking):
    await at_load_time(clocked_gql, clock)
    data = await clocked_gql.data(LEADERBOARD, variables={
        "program": global_id("Program", "prog-reseller"), "metric": metric,
        "segment": global_id("Segment", segment) if segment else None})
    got = [(e["node"]["partner"]["key"], e["node"]["rank"], e["node"]["value"]) for e in data["leaderboard"]["edges"]]
    assert got == [(key, rank, pytest.approx(value)) for key, rank, value in ranking]
