"""Segment evaluation on a fixture program and channel created here with unique ids (removed
after): criteria met, missed and not evaluable against hand-computed figures over the trailing 365 days,
the recommendations each persona sees, pagination, the round-trip bound, and applying a recommendation
(enterprise admin only, re-checked in the write transaction, kept in the segment history).

The program P (APPROVED) has three segments:

    top (rank 1)  REVENUE GTE 1000, certifiedStaff GTE 2 (stored before metrics were checked: not evaluable)
    mid (rank 2)  REVENUE GTE 500,  WIN_RATE GTE 0.5
    low (rank 3)  no criteria (default)

The channel: root R (staff: mgr MANAGER, assoc ASSOCIATE) with children A, B, D, E, F; X a root of its own.
The clock stands at 2030-04-01, so the evaluation period is [2029-04-01, 2030-04-01).

    partner  segment  revenue (USD)                won/lost  recommendation
    R        top      1200                         1/0       none (top met but for certifiedStaff, not evaluable)
    A        low      600 (+ a cancelled 100)      1/0       UPGRADE to mid
    B        mid      100 (+ 5000 before the year) 1/0       DOWNGRADE to low (revenue missed; low is the floor)
    D        top      700                          1/0       DOWNGRADE to mid (mid's criteria all met)
    E        mid      2000                         1/0       none (top's certifiedStaff is not evaluable)
    F        mid      800                          0/1       DOWNGRADE to low (win rate 0 missed)
    X        low      600                          1/0       UPGRADE to mid (outside R's subtree)
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from graph.insights.reads import SegmentEvaluation
from graph.insights.writes import EvaluatedSegmentChange
from graph.shared.errors import Rejected
from schema.programs.enums import CriterionMetric
from tests.conftest import global_id, remove_prefixed, write

NOW = datetime(2030, 4, 1, tzinfo=UTC)


def t(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


PARTNERS = [  # key, parent, segment, orders [(USD major, placedAt, status)], won, lost
    ("R", None, "top", [(1200, "2030-01-20", "PLACED")], 1, 0),
    ("A", "R", "low", [(600, "2030-01-20", "PLACED"), (100, "2030-02-20", "CANCELLED")], 1, 0),
    ("B", "R", "mid", [(100, "2030-01-20", "PLACED"), (5000, "2029-03-01", "PLACED")], 1, 0),
    ("D", "R", "top", [(700, "2030-01-20", "PLACED")], 1, 0),
    ("E", "R", "mid", [(2000, "2030-01-20", "PLACED")], 1, 0),
    ("F", "R", "mid", [(800, "2030-01-20", "PLACED")], 0, 1),
    ("X", None, "low", [(600, "2030-01-20", "PLACED")], 1, 0),
]


async def create_fixture(session, u: str) -> None:
    at = t("2029-01-01T00:00:00")
    await write(session, """
        MATCH (org:InternalOrg {id: 'io-channel'})
        CREATE (org)-[:RUNS]->(prog:Program {id: $u + '-prog', name: $u + ' Program', kind: 'RESELLER',
                                             status: 'APPROVED', startDate: date('2029-01-01'), createdAt: $at})
        CREATE (prog)-[:HAS_SEGMENT]->(top:Segment {id: $u + '-top', name: 'Top', rank: 1, isDefault: false})
        CREATE (prog)-[:HAS_SEGMENT]->(mid:Segment {id: $u + '-mid', name: 'Mid', rank: 2, isDefault: false})
        CREATE (prog)-[:HAS_SEGMENT]->(:Segment {id: $u + '-low', name: 'Low', rank: 3, isDefault: true})
        CREATE (top)-[:REQUIRES]->(:Criterion {id: $u + '-top-rev', metric: 'REVENUE', operator: 'GTE',
                                               threshold: 1000.0})
        CREATE (top)-[:REQUIRES]->(:Criterion {id: $u + '-top-cert', metric: 'certifiedStaff', operator: 'GTE',
                                               threshold: 2.0})
        CREATE (mid)-[:REQUIRES]->(:Criterion {id: $u + '-mid-rev', metric: 'REVENUE', operator: 'GTE',
                                               threshold: 500.0})
        CREATE (mid)-[:REQUIRES]->(:Criterion {id: $u + '-mid-win', metric: 'WIN_RATE', operator: 'GTE',
                                               threshold: 0.5})
        CREATE (:Account {id: $u + '-acct', name: $u + ' Account', country: 'US', industry: 'Retail'})
        """, u=u, at=at)
    rows = [{"key": k, "parent": parent, "segment": seg,
             "orders": [{"total": amount * 100, "placed": t(placed + "T00:00:00"), "status": status}
                        for amount, placed, status in orders],
             "won": won, "lost": lost} for k, parent, seg, orders, won, lost in PARTNERS]
    await write(session, """
        MATCH (prog:Program {id: $u + '-prog'}), (a:Account {id: $u + '-acct'})
        UNWIND $rows AS row
        CREATE (p:Partner {id: $u + '-' + row.key, name: $u + ' ' + row.key, type: 'RESELLER', status: 'ACTIVE',
                           country: 'US', currency: 'USD', createdAt: $at})
        CREATE (p)-[:SERVES]->(a)
        WITH prog, a, p, row
        MATCH (seg:Segment {id: $u + '-' + row.segment})
        CREATE (p)-[:HAS]->(ps:Partnership {id: $u + '-ps-' + row.key, status: 'ACTIVE', createdAt: $at,
                                           onboardedAt: $at, version: 0})-[:IN]->(prog)
        CREATE (ps)-[:AT {since: $at}]->(seg)
        CREATE (ps)-[:HAD]->(:SegmentAssignment {id: $u + '-sa-' + row.key, from: $at, reason: 'onboarding',
                                                 assignedBy: 'demo-enterprise-admin'})-[:OF]->(seg)
        """, u=u, rows=rows, at=at)
    await write(session, """
        MATCH (r:Partner {id: $u + '-R'})
        CREATE (:Person {id: $u + '-mgr', name: 'Mo Manager',
                         email: $u + '.mgr@example.com'})-[:MEMBER_OF {role: 'MANAGER'}]->(r)
        CREATE (:Person {id: $u + '-assoc', name: 'Al Associate',
                         email: $u + '.assoc@example.com'})-[:MEMBER_OF {role: 'ASSOCIATE'}]->(r)
        WITH r
        UNWIND ['A', 'B', 'D', 'E', 'F'] AS key
        MATCH (c:Partner {id: $u + '-' + key})
        CREATE (r)-[:PARENT_OF]->(c)
        """, u=u)
    # Each order through its own converted registration, won opportunity and quote; then the lost ones.
    await write(session, """
        MATCH (mgr:Person {id: $u + '-mgr'}), (a:Account {id: $u + '-acct'}), (prog:Program {id: $u + '-prog'})
        UNWIND $rows AS row
        MATCH (p:Partner {id: $u + '-' + row.key})
        UNWIND range(0, size(row.orders) + row.lost - 1) AS n
        WITH mgr, a, prog, p, row, n, row.orders[n] AS ord, $u + '-' + row.key + '-' + toString(n) AS id
        CREATE (dr:DealRegistration {id: id + '-dr', name: id, status: 'CLOSED', estimatedAmount: 100, currency: 'USD',
                                     createdAt: $at, updatedAt: $at, lineageChangedAt: $at, submittedAt: $at,
                                     decidedAt: $at, protectedUntil: $at + duration({days: 90}),
                                     closureCode: 'CONVERTED', closedAt: $at, version: 0})
        CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(mgr)
        CREATE (dr)-[:CONVERTED_TO]->(o:Opportunity {id: id + '-o', name: id, amount: 100, currency: 'USD',
                                                     createdAt: $at, updatedAt: $at, version: 0,
                                                     stage: CASE WHEN ord IS NULL THEN 'CLOSED_LOST'
                                                                 ELSE 'CLOSED_WON' END,
                                                     closedAt: CASE WHEN ord IS NULL OR n < row.won THEN $closed END})
        WITH o, ord, id WHERE ord IS NOT NULL
        CREATE (o)-[:QUOTED_AS]->(q:Quote {id: id + '-q', name: id + ' v1', version: 1, status: 'ACCEPTED',
                                           currency: 'USD', discountPercent: 0, subtotal: ord.total, total: ord.total,
                                           createdAt: ord.placed, updatedAt: ord.placed})
        CREATE (q)-[:ORDERED_AS]->(:Order {id: id + '-ord', name: id, status: ord.status, total: ord.total,
                                           currency: 'USD', placedAt: ord.placed, updatedAt: ord.placed})
        """, u=u, rows=rows, at=t("2029-12-01T00:00:00"), closed=t("2030-01-15T00:00:00"))


async def remove(session, prefix: str) -> None:
    # Applied recommendations open assignments with generated ids: remove those of the fixture's segments too.
    await write(session, "MATCH (sa:SegmentAssignment)-[:OF]->(s:Segment) WHERE s.id STARTS WITH $prefix "
                 "DETACH DELETE sa", prefix=prefix)
    await remove_prefixed(session, prefix)


@pytest.fixture
async def fixture(graph):
    u = "segev-" + uuid.uuid4().hex[:10]
    session = graph.session()
    await create_fixture(session, u)
    yield u
    await remove(session, u)


RECOMMENDATIONS = """query($program: ID!, $first: Int, $after: String) {
  segmentRecommendations(program: $program, first: $first, after: $after) {
    edges { cursor node { change partnership { key } currentSegment { key } recommendedSegment { key }
      nextSegment { key } evaluatedFrom evaluatedTo
      currentCriteria { key metric operator threshold value outcome }
      nextCriteria { key metric operator threshold value outcome } } }
    pageInfo { hasNextPage endCursor } } }"""


async def _recommendations(gql, clock, u, first=None, after=None, **who):
    clock.set(NOW)
    data = await gql.data(RECOMMENDATIONS, variables={"program": global_id("Program", f"{u}-prog"), "first": first,
                                                      "after": after}, **who)
    return data["segmentRecommendations"]


def _summary(connection, u):
    return [(e["node"]["partnership"]["key"].removeprefix(f"{u}-ps-"), e["node"]["change"],
             (e["node"]["recommendedSegment"] or {}).get("key", "").removeprefix(f"{u}-"))
            for e in connection["edges"]]


def _crit(u, key, metric, operator, threshold, value, outcome):
    return {"key": f"{u}-{key}", "metric": metric, "operator": operator, "threshold": threshold, "value": value,
            "outcome": outcome}


async def test_recommendations_with_every_criterion(clocked_gql, clock, fixture):
    u = fixture
    got = await _recommendations(clocked_gql, clock, u)
    assert _summary(got, u) == [("A", "UPGRADE", "mid"), ("B", "DOWNGRADE", "low"), ("D", "DOWNGRADE", "mid"),
                                ("F", "DOWNGRADE", "low"), ("X", "UPGRADE", "mid")]
    nodes = {e["node"]["partnership"]["key"].removeprefix(f"{u}-ps-"): e["node"] for e in got["edges"]}
    a = nodes["A"]
    assert (a["evaluatedFrom"], a["evaluatedTo"]) == ("2029-04-01T00:00:00+00:00", "2030-04-01T00:00:00+00:00")
    assert (a["currentSegment"], a["nextSegment"]) == ({"key": f"{u}-low"}, {"key": f"{u}-mid"})
    assert a["currentCriteria"] == []
    # The cancelled order is left out.
    assert a["nextCriteria"] == [_crit(u, "mid-rev", "REVENUE", "GTE", 500.0, 600.0, "MET"),
                                 _crit(u, "mid-win", "WIN_RATE", "GTE", 0.5, 1.0, "MET")]
    # B: the order before the trailing year is left out; low is the floor.
    assert nodes["B"]["currentCriteria"] == [_crit(u, "mid-rev", "REVENUE", "GTE", 500.0, 100.0, "MISSED"),
                                             _crit(u, "mid-win", "WIN_RATE", "GTE", 0.5, 1.0, "MET")]
    # D: top's revenue missed, its certifiedStaff not evaluable; mid met → down to mid.
    d = nodes["D"]
    assert d["currentCriteria"] == [_crit(u, "top-rev", "REVENUE", "GTE", 1000.0, 700.0, "MISSED"),
                                    _crit(u, "top-cert", None, "GTE", 2.0, None, "NOT_EVALUABLE")]
    assert d["nextSegment"] is None and d["nextCriteria"] == []
    assert nodes["F"]["currentCriteria"][1] == _crit(u, "mid-win", "WIN_RATE", "GTE", 0.5, 0.0, "MISSED")
    # R (top met but for the unknown metric) and E (top blocked by it) are not listed.


async def test_pagination_and_round_trips(clocked_gql, clock, fixture):
    u = fixture
    first = await _recommendations(clocked_gql, clock, u, first=2)
    assert _summary(first, u) == [("A", "UPGRADE", "mid"), ("B", "DOWNGRADE", "low")]
    assert first["pageInfo"]["hasNextPage"] is True
    rest = await _recommendations(clocked_gql, clock, u, first=10, after=first["pageInfo"]["endCursor"])
    assert [s[0] for s in _summary(rest, u)] == ["D", "F", "X"] and rest["pageInfo"]["hasNextPage"] is False
    # viewer, the evaluation (one query for the page), partnerships (one batch), segments (one batch).
    clock.set(NOW)
    trips = await clocked_gql.round_trips(RECOMMENDATIONS, variables={"program": global_id("Program", f"{u}-prog")})
    assert trips == 4


async def test_visibility_per_persona(clocked_gql, clock, fixture):
    u = fixture
    mine = await _recommendations(clocked_gql, clock, u, persona=None, person=f"{u}-mgr")
    assert [s[0] for s in _summary(mine, u)] == ["A", "B", "D", "F"]  # not X, outside R's subtree
    # An associate (and an agent) sees only part of the records: no evaluation at all.
    assert (await _recommendations(clocked_gql, clock, u, persona=None, person=f"{u}-assoc"))["edges"] == []
    assert (await _recommendations(clocked_gql, clock, u, persona="partner-agent"))["edges"] == []
    # A demo partner manager sees none of this channel.
    assert (await _recommendations(clocked_gql, clock, u, persona="partner-manager"))["edges"] == []
    assert len((await _recommendations(clocked_gql, clock, u, persona="enterprise-executive"))["edges"]) == 5


APPLY = """mutation($ps: ID!, $seg: ID!) { applySegmentRecommendation(partnership: $ps, segment: $seg) {
  partnership { key segment { key } segmentHistory { segment { key } until reason } }
  errors { code message field } } }"""


async def _apply(gql, clock, u, ps, seg, **who):
    clock.set(NOW)
    data = await gql.data(APPLY, variables={"ps": global_id("Partnership", f"{u}-ps-{ps}"),
                                            "seg": global_id("Segment", f"{u}-{seg}")}, **who)
    return data["applySegmentRecommendation"]


async def test_apply_records_the_change_in_the_segment_history(clocked_gql, clock, fixture):
    u = fixture
    refused = await _apply(clocked_gql, clock, u, "A", "mid", persona=None, person=f"{u}-mgr")
    assert refused["partnership"] is None and refused["errors"][0]["code"] == "FORBIDDEN"
    # Not what the evaluation recommends: refused, nothing written.
    wrong = await _apply(clocked_gql, clock, u, "D", "low")
    assert wrong["errors"][0]["code"] == "CONFLICT" and wrong["errors"][0]["field"] == ["segment"]
    done = await _apply(clocked_gql, clock, u, "A", "mid")
    assert done["errors"] == []
    ps = done["partnership"]
    assert ps["segment"] == {"key": f"{u}-mid"}
    history = ps["segmentHistory"]
    assert [h["segment"]["key"] for h in history] == [f"{u}-mid", f"{u}-low"]  # newest first
    assert history[0]["until"] is None and history[1]["until"] is not None
    assert history[0]["reason"] == ("segment evaluation UPGRADE over [2029-04-01, 2030-04-01) (365 days): qualifies "
                                    "for Mid (REVENUE 600 GTE 500 met; WIN_RATE 1 GTE 0.5 met)")
    # Applied: A is no longer recommended, and applying again is refused.
    assert "A" not in [s[0] for s in _summary(await _recommendations(clocked_gql, clock, u), u)]
    again = await _apply(clocked_gql, clock, u, "A", "mid")
    assert again["errors"][0]["code"] == "CONFLICT"
    down = await _apply(clocked_gql, clock, u, "D", "mid")
    assert down["errors"] == [] and down["partnership"]["segmentHistory"][0]["reason"].startswith(
        "segment evaluation DOWNGRADE over [2029-04-01, 2030-04-01) (365 days): no longer meets its segment; moved "
        "to Mid (REVENUE 700 GTE 1000 missed; certifiedStaff no value GTE 2 not evaluable)")


async def test_apply_rechecks_inside_the_write_transaction(graph, fixture):
    """The re-check runs in the segment change's own write transaction: a change the evaluation does not
    recommend at that moment is rejected there and writes nothing."""
    u = fixture
    session = graph.session()
    admin_scope = {"all": True, "roots": [], "orgs": [], "nameOf": [], "person": "demo-enterprise-admin",
                   "persona": "enterprise-admin", "enterprise": True, "ownOnly": False}
    evaluation = SegmentEvaluation(session, admin_scope)
    # B's evaluation says low; a change to top (a real segment of the program) is rejected in the transaction.
    setup = EvaluatedSegmentChange(session, admin_scope, "demo-enterprise-admin", evaluation, NOW, f"{u}-top")
    with pytest.raises(Rejected) as rejected:
        await setup.change_segment(f"{u}-ps-B", f"{u}-top", "test", field=())
    assert rejected.value.errors[0].code == "CONFLICT"
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (:Partnership {id: $id})-[:AT]->(s:Segment) RETURN s.id AS s", id=f"{u}-ps-B"))
    assert [r["s"] for r in rows] == [f"{u}-mid"]


async def test_every_criterion_metric_is_one_the_evaluation_computes(graph, fixture):
    """The metrics addCriteria accepts (CriterionMetric) are exactly the figures segment_evaluation.cypher
    computes per partner, so no criterion written through the API can be NOT_EVALUABLE."""
    u = fixture
    admin_scope = {"all": True, "roots": [], "orgs": [], "nameOf": [], "person": "demo-enterprise-admin",
                   "persona": "enterprise-admin", "enterprise": True, "ownOnly": False}
    evaluation = SegmentEvaluation(graph.session(), admin_scope)
    [row] = await graph.session().read("insights/reads/segment_evaluation",
                                       **evaluation._params(NOW, None, f"{u}-ps-A", 1, None, False))
    assert set(row["metrics"]) == {metric.value for metric in CriterionMetric}


async def test_apply_round_trips(clocked_gql, clock, fixture):
    """viewer, the evaluation read, the target segment, one write transaction (lock, evaluation again, the
    segment change, its change records), then the payload's partnership and segment."""
    u = fixture
    clock.set(NOW)
    trips = await clocked_gql.round_trips(
        """mutation($ps: ID!, $seg: ID!) { applySegmentRecommendation(partnership: $ps, segment: $seg) {
             partnership { key } errors { code } } }""",
        variables={"ps": global_id("Partnership", f"{u}-ps-A"), "seg": global_id("Segment", f"{u}-mid")})
    assert trips == 7


LEADERBOARD = """query($program: ID!, $metric: ScorecardMetric!, $segment: ID, $first: Int, $after: String) {
  leaderboard(program: $program, metric: $metric, segment: $segment, first: $first, after: $after) {
    edges { node { rank value ranked metric partner { key } partnership { key } segment { key } } }
    pageInfo { hasNextPage endCursor } } }"""


async def _leaderboard(gql, clock, u, metric="REVENUE", segment=None, first=None, after=None, **who):
    clock.set(NOW)
    data = await gql.data(LEADERBOARD, variables={
        "program": global_id("Program", f"{u}-prog"), "metric": metric, "first": first, "after": after,
        "segment": global_id("Segment", f"{u}-{segment}") if segment else None}, **who)
    board = data["leaderboard"]
    return [(e["node"]["partner"]["key"].removeprefix(f"{u}-"), e["node"]["rank"], e["node"]["value"])
            for e in board["edges"]], board


async def test_leaderboard_ranks_paginates_and_scopes(clocked_gql, clock, fixture):
    """Revenue over the default period [2030-01-01, 2030-04-01), USD minor units (A's cancelled order and
    B's order of 2029 left out); ties share a rank and go by partner name."""
    u = fixture
    rows, board = await _leaderboard(clocked_gql, clock, u)
    assert rows == [("E", 1, 200000.0), ("R", 2, 120000.0), ("F", 3, 80000.0), ("D", 4, 70000.0),
                    ("A", 5, 60000.0), ("X", 5, 60000.0), ("B", 7, 10000.0)]
    node = board["edges"][0]["node"]
    assert (node["ranked"], node["metric"], node["partnership"], node["segment"]) == (
        7, "REVENUE", {"key": f"{u}-ps-E"}, {"key": f"{u}-mid"})
    page, board = await _leaderboard(clocked_gql, clock, u, first=3)
    assert [r[0] for r in page] == ["E", "R", "F"] and board["pageInfo"]["hasNextPage"] is True
    rest, board = await _leaderboard(clocked_gql, clock, u, first=10, after=board["pageInfo"]["endCursor"])
    assert [r[0] for r in rest] == ["D", "A", "X", "B"] and board["pageInfo"]["hasNextPage"] is False
    assert (await _leaderboard(clocked_gql, clock, u, segment="mid"))[0] == [
        ("E", 1, 200000.0), ("F", 2, 80000.0), ("B", 3, 10000.0)]
    # Win rate: F lost its only closed deal; every other partner won its one.
    rows, _ = await _leaderboard(clocked_gql, clock, u, "WIN_RATE")
    assert rows == [("A", 1, 1.0), ("B", 1, 1.0), ("D", 1, 1.0), ("E", 1, 1.0), ("R", 1, 1.0), ("X", 1, 1.0),
                    ("F", 7, 0.0)]
    # The partner manager ranks their subtree only; the associate their organization with their own records.
    mine, _ = await _leaderboard(clocked_gql, clock, u, persona=None, person=f"{u}-mgr")
    assert mine == [("E", 1, 200000.0), ("R", 2, 120000.0), ("F", 3, 80000.0), ("D", 4, 70000.0),
                    ("A", 5, 60000.0), ("B", 6, 10000.0)]
    assert (await _leaderboard(clocked_gql, clock, u, persona=None, person=f"{u}-assoc"))[0] == [("R", 1, 0.0)]
    assert (await _leaderboard(clocked_gql, clock, u, persona="partner-manager"))[0] == []
    # viewer, the leaderboard page, partners, partnerships, segments.
    clock.set(NOW)
    trips = await clocked_gql.round_trips(LEADERBOARD, variables={"program": global_id("Program", f"{u}-prog"),
                                                                  "metric": "REVENUE"})
    assert trips == 5


@pytest.mark.parametrize("persona", ["enterprise-admin", "relationship-manager", "partner-manager",
                                     "partner-associate", "partner-agent"])
async def test_demo_channel_never_errors(gql, persona):
    """Over the demo channel each persona gets recommendations, a leaderboard and risk signals without an
    error (the demo's certification and seat criteria read as NOT_EVALUABLE)."""
    data = await gql.data(RECOMMENDATIONS, persona=persona,
                          variables={"program": global_id("Program", "prog-reseller")})
    outcomes = {c["outcome"] for e in data["segmentRecommendations"]["edges"]
                for c in e["node"]["currentCriteria"] + e["node"]["nextCriteria"]}
    assert outcomes <= {"MET", "MISSED", "NOT_EVALUABLE"}
    if persona in ("partner-associate", "partner-agent"):
        assert data["segmentRecommendations"]["edges"] == []
    board = await gql.data(LEADERBOARD, persona=persona, variables={"program": global_id("Program", "prog-reseller"),
                                                                    "metric": "WIN_RATE"})
    ranks = [e["node"]["rank"] for e in board["leaderboard"]["edges"]]
    assert ranks == sorted(ranks)
    await gql.data("""query { partner(id: "%s") { insights(includeSubtree: true,
        period: {from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z"}) { riskSignals { code message } } } }"""
                   % global_id("Partner", "p-contoso"), persona=persona)
