"""Partner 360 risk signals on a fixture channel created here with unique ids (removed after):
each signal with its explanation and figures, what each persona gets, and the round-trip bound.

    R  (root; staff: mgr MANAGER, assoc ASSOCIATE)  partnership in P-end (program ends 2030-05-01)
    ├── C   partnership in P-open with its own end date 2030-05-20; its only activity on 2029-12-10
    └── Q   partnership in P-open ending 2030-08-01 (beyond 60 days); no activity at all

The clock stands at 2030-04-01: the period is [2030-01-01, 2030-04-01), the previous one
[2029-10-03, 2030-01-01). Opportunities (all by mgr), open ones in PROPOSAL, ages since their last update:
R: 10, 12, 14 and 40 days (10000 each, created 2029-12-15) and one of 100000 open at the period start, lost
2030-02-01; C: 20 days (10000, created 2029-12-15). Seen by mgr, the PROPOSAL median is 14 days, so only
the 40-day one is stalled (> 28). Cases at R: two opened in the period and one in the previous period, all
still open and breached.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import global_id, remove_prefixed, write

NOW = datetime(2030, 4, 1, tzinfo=UTC)


def t(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def create_fixture(session, u: str) -> None:
    at = t("2029-01-01T00:00:00")
    await write(session, """
        MATCH (org:InternalOrg {id: 'io-channel'})
        CREATE (org)-[:RUNS]->(pe:Program {id: $u + '-pend', name: $u + ' Ending', kind: 'RESELLER', status: 'APPROVED',
                                           startDate: date('2029-01-01'), endDate: date('2030-05-01'), createdAt: $at})
        CREATE (org)-[:RUNS]->(po:Program {id: $u + '-popen', name: $u + ' Open', kind: 'RESELLER', status: 'APPROVED',
                                           startDate: date('2029-01-01'), createdAt: $at})
        CREATE (pe)-[:HAS_SEGMENT]->(se:Segment {id: $u + '-se', name: 'All', rank: 1, isDefault: true})
        CREATE (po)-[:HAS_SEGMENT]->(so:Segment {id: $u + '-so', name: 'All', rank: 1, isDefault: true})
        CREATE (r:Partner {id: $u + '-R', name: $u + ' R', type: 'DISTRIBUTOR', status: 'ACTIVE', country: 'US',
                           currency: 'USD', createdAt: $at})
        CREATE (c:Partner {id: $u + '-C', name: $u + ' C', type: 'RESELLER', status: 'ACTIVE', country: 'US',
                           currency: 'USD', createdAt: $at})
        CREATE (q:Partner {id: $u + '-Q', name: $u + ' Q', type: 'RESELLER', status: 'ACTIVE', country: 'US',
                           currency: 'USD', createdAt: $at})
        CREATE (r)-[:PARENT_OF]->(c), (r)-[:PARENT_OF]->(q)
        CREATE (:Person {id: $u + '-mgr', name: 'Mo Manager',
                         email: $u + '.mgr@example.com'})-[:MEMBER_OF {role: 'MANAGER'}]->(r)
        CREATE (:Person {id: $u + '-assoc', name: 'Al Associate',
                         email: $u + '.assoc@example.com'})-[:MEMBER_OF {role: 'ASSOCIATE'}]->(r)
        CREATE (r)-[:SERVES]->(:Account {id: $u + '-acct', name: $u + ' Account', country: 'US', industry: 'Retail'})
        CREATE (r)-[:HAS]->(ps1:Partnership {id: $u + '-ps-R', status: 'ACTIVE', createdAt: $at,
                                            version: 0})-[:IN]->(pe)
        CREATE (ps1)-[:AT {since: $at}]->(se)
        CREATE (c)-[:HAS]->(ps2:Partnership {id: $u + '-ps-C', status: 'ACTIVE', createdAt: $at, version: 0,
                                            endDate: date('2030-05-20')})-[:IN]->(po)
        CREATE (ps2)-[:AT {since: $at}]->(so)
        CREATE (q)-[:HAS]->(ps3:Partnership {id: $u + '-ps-Q', status: 'ACTIVE', createdAt: $at, version: 0,
                                            endDate: date('2030-08-01')})-[:IN]->(po)
        CREATE (ps3)-[:AT {since: $at}]->(so)
        """, u=u, at=at)
    opps = [  # key, partner, amount, stage, updated, created, closed
        *[(f"o{age}", "R", 10000, "PROPOSAL", NOW - timedelta(days=age), t("2029-12-15T00:00:00"), None)
          for age in (10, 12, 14, 40)],
        ("big", "R", 100000, "CLOSED_LOST", t("2030-02-01T00:00:00"), t("2029-11-01T00:00:00"),
         t("2030-02-01T00:00:00")),
        ("c20", "C", 10000, "PROPOSAL", NOW - timedelta(days=20), t("2029-12-15T00:00:00"), None),
    ]
    await write(session, """
        MATCH (mgr:Person {id: $u + '-mgr'}), (a:Account {id: $u + '-acct'}), (prog:Program {id: $u + '-pend'})
        UNWIND $opps AS row
        MATCH (p:Partner {id: $u + '-' + row[1]})
        WITH mgr, a, prog, p, row, $u + '-' + row[0] AS id, row[5] - duration({days: 5}) AS registered
        CREATE (dr:DealRegistration {id: id + '-dr', name: id, status: 'CLOSED', estimatedAmount: row[2],
                                     currency: 'USD', createdAt: registered, updatedAt: registered,
                                     lineageChangedAt: registered, submittedAt: registered, decidedAt: registered,
                                     protectedUntil: registered + duration({days: 90}), closureCode: 'CONVERTED',
                                     closedAt: row[5], version: 0})
        CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(mgr)
        CREATE (dr)-[:CONVERTED_TO]->(:Opportunity {id: id, name: id, stage: row[3], amount: row[2], currency: 'USD',
                                                    createdAt: row[5], updatedAt: row[4], closedAt: row[6], version: 0})
        """, u=u, opps=[list(o) for o in opps])
    await write(session, """
        MATCH (r:Partner {id: $u + '-R'}), (by:Person {id: $u + '-mgr'}), (pol:SlaPolicy {id: 'sla-default-p1'}),
              (q:Queue {id: 'queue-escalations'})
        UNWIND $cases AS k
        CREATE (c:Case {id: $u + '-' + k[0], number: 'CASE-' + $u + '-' + k[0], subject: k[0], category: 'TECHNICAL',
                        priority: 'P1', status: 'IN_PROGRESS', openedAt: k[1],
                        firstResponseAt: k[1] + duration({minutes: 10}), pausedSeconds: 0, updatedAt: k[1],
                        responseMinutes: pol.responseMinutes, resolutionMinutes: pol.resolutionMinutes,
                        commentCount: 0, version: 0})
        CREATE (c)-[:FOR_PARTNER]->(r), (c)-[:OPENED_BY]->(by), (c)-[:UNDER_SLA]->(pol), (c)-[:IN_QUEUE]->(q)
        """, u=u, cases=[["k1", t("2030-03-01T00:00:00")], ["k2", t("2030-03-20T00:00:00")],
                         ["k0", t("2029-12-01T00:00:00")]])


@pytest.fixture(scope="module")
async def fixture(graph):
    u = "risk-" + uuid.uuid4().hex[:10]
    session = graph.session()
    await create_fixture(session, u)
    yield u
    await remove_prefixed(session, u)


RISKS = """query($id: ID!, $sub: Boolean!) { partner(id: $id) { insights(includeSubtree: $sub) {
  riskSignals { code message subjectKey figures { name value } } } } }"""


async def _signals(gql, clock, u, partner="R", sub=False, **who):
    clock.set(NOW)
    data = await gql.data(RISKS, variables={"id": global_id("Partner", f"{u}-{partner}"), "sub": sub}, **who)
    return data["partner"] and data["partner"]["insights"]["riskSignals"]


def _by_code(signals):
    found = {}
    for s in signals:
        found.setdefault(s["code"], []).append(s)
    return found


def _figures(signal):
    return {f["name"]: f["value"] for f in signal["figures"]}


async def test_each_signal_with_its_explanation(clocked_gql, clock, fixture):
    u = fixture
    got = _by_code(await _signals(clocked_gql, clock, u, person=f"{u}-mgr", persona=None))
    assert sorted(got) == ["PARTNERSHIP_ENDING", "PIPELINE_FALLING", "SLA_BREACHES_RISING", "STALLED_DEAL"]
    [falling] = got["PIPELINE_FALLING"]
    assert _figures(falling) == {"openValue": 40000.0, "previousOpenValue": 140000.0,
                                 "changeRatio": pytest.approx(-100000 / 140000), "threshold": -0.2}
    assert falling["message"] == ("The open pipeline fell by 71% over the period: 40000 at its end against 140000 "
                                  "at its start (USD minor units); a fall of 20% or more raises this flag.")
    [stalled] = got["STALLED_DEAL"]
    assert stalled["subjectKey"] == f"{u}-o40"
    assert _figures(stalled) == {"ageDays": 40.0, "stageMedianDays": 14.0, "stagePeers": 5.0, "factor": 2.0,
                                 "stalledTotal": 1.0}
    assert stalled["message"] == (f"Opportunity {u}-o40 of {u} R has been in PROPOSAL for 40 days since its last "
                                  "update, more than 2× the median of 14.0 days of the 5 open opportunities in that "
                                  "stage.")
    [sla] = got["SLA_BREACHES_RISING"]
    assert _figures(sla) == {"breached": 2.0, "previousBreached": 1.0}
    assert sla["message"] == ("2 case(s) opened in the period breach their SLA targets, up from 1 opened in the "
                              "previous period.")
    [ending] = got["PARTNERSHIP_ENDING"]
    assert (ending["subjectKey"], _figures(ending)) == (f"{u}-ps-R", {"daysLeft": 30.0, "thresholdDays": 60.0})
    assert ending["message"] == (f"The partnership of {u} R in {u} Ending ends on 2030-05-01 (the program's end "
                                 "date), in 30 days: within 60 days.")


async def test_quiet_partners_and_partnership_end_dates(clocked_gql, clock, fixture):
    u = fixture
    c = _by_code(await _signals(clocked_gql, clock, u, "C"))
    assert sorted(c) == ["NO_ACTIVITY", "PARTNERSHIP_ENDING"]
    assert c["NO_ACTIVITY"][0]["message"] == ("No deal registered, order placed or case opened for 112 days (the last "
                                              "on 2029-12-10); 90 days without activity raise this flag.")
    assert _figures(c["NO_ACTIVITY"][0]) == {"daysSinceLastActivity": 112.0, "thresholdDays": 90.0}
    assert "(the partnership's end date), in 49 days" in c["PARTNERSHIP_ENDING"][0]["message"]
    q = _by_code(await _signals(clocked_gql, clock, u, "Q"))
    assert sorted(q) == ["NO_ACTIVITY"]  # its partnership ends in 122 days
    assert q["NO_ACTIVITY"][0]["message"].startswith("No deal registration, order or case at all")
    assert _figures(q["NO_ACTIVITY"][0])["daysSinceLastActivity"] is None


async def test_subtree_rollup(clocked_gql, clock, fixture):
    u = fixture
    got = _by_code(await _signals(clocked_gql, clock, u, sub=True, person=f"{u}-mgr", persona=None))
    assert sorted(got) == ["PARTNERSHIP_ENDING", "PIPELINE_FALLING", "SLA_BREACHES_RISING", "STALLED_DEAL"]
    assert _figures(got["PIPELINE_FALLING"][0])["previousOpenValue"] == 150000.0
    assert [s["subjectKey"] for s in got["PARTNERSHIP_ENDING"]] == [f"{u}-ps-R", f"{u}-ps-C"]


async def test_what_each_persona_gets(clocked_gql, clock, fixture):
    u = fixture
    # The enterprise admin sees the same partners; the stage median then spans every partner, so only check
    # the signals that do not depend on other partners' records.
    admin = _by_code(await _signals(clocked_gql, clock, u))
    assert {"PARTNERSHIP_ENDING", "PIPELINE_FALLING", "SLA_BREACHES_RISING"} <= set(admin)
    # An associate counts only their own records (none here): no pipeline, no cases, so only the ending
    # partnership of their organization and no activity.
    assoc = _by_code(await _signals(clocked_gql, clock, u, person=f"{u}-assoc", persona=None))
    assert sorted(assoc) == ["NO_ACTIVITY", "PARTNERSHIP_ENDING"]
    assert await _signals(clocked_gql, clock, u, "C", person=f"{u}-assoc", persona=None) is None
    # A demo partner manager does not see this channel.
    assert await _signals(clocked_gql, clock, u, persona="partner-manager") is None


EACH = """query($id: ID!) { partner(id: $id) { insights(includeSubtree: true) { riskSignals { code } }
  descendants(first: 50) { edges { node { key insights(includeSubtree: true) { riskSignals { code } } } } } } }"""


async def test_round_trips_do_not_grow_with_the_subtree(clocked_gql, clock, fixture, graph):
    """viewer, partner, risks, pipeline, leads; + descendants, + their visibility batch, + risks, pipeline and
    leads once for all descendants: 10, for 2 descendants and for 22."""
    u = fixture
    clock.set(NOW)
    variables = {"id": global_id("Partner", f"{u}-R")}
    small = await clocked_gql.round_trips(EACH, variables=variables)
    session = graph.session()
    extra = f"{u}-x"
    try:
        await write(session, """
            MATCH (q:Partner {id: $q})
            UNWIND range(1, 20) AS i
            CREATE (q)-[:PARENT_OF]->(:Partner {id: $extra + toString(i), name: $extra + toString(i), type: 'RESELLER',
                                                status: 'ACTIVE', country: 'US', currency: 'USD', createdAt: $at})
            """, q=f"{u}-Q", extra=extra, at=t("2029-01-01T00:00:00"))
        clock.set(NOW)
        large = await clocked_gql.round_trips(EACH, variables=variables)
        data = await clocked_gql.data(EACH, variables=variables)
        assert len(data["partner"]["descendants"]["edges"]) == 22
    finally:
        await remove_prefixed(session, extra)
    assert small == large == 10
