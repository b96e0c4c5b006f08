"""Partner 360's leads section and the LEADS_IGNORED risk signal, on partners of their own (in Antarctica, a country
no routing rule of the demo or of other tests names) created here with unique ids and removed after:

    R  (root)  staff: mgr (MANAGER), assoc (ASSOCIATE)         X  (another root; staff: xmgr MANAGER)
    └── C

The clock stands at 2030-04-01T00:00Z, so the period is [2030-01-01, 2030-04-01). The routing history, built as the
leads domain writes it (graph/leads/writes.py), one offer per line (offered → how it ended):

    l1   R 01-10 00:00 → ACCEPTED 01-10 06:00 (6 h)            lead CONVERTED, assigned to assoc
    l2   R 02-01 00:00 → ACCEPTED 02-02 00:00 (24 h)           lead ACCEPTED
    l3   R 02-10 00:00 → ACCEPTED 02-10 10:00 (10 h)           lead DISQUALIFIED
    l4   R 03-01 00:00 → REJECTED 03-01 12:00;  X 03-01 12:00 → ACCEPTED 03-02 12:00   lead CONVERTED (by X)
    l5   R 03-05 00:00 → TIMED_OUT 03-07;       X 03-07 → TIMED_OUT 03-09              lead EXPIRED
    l6   R 03-10 00:00 → TIMED_OUT 03-12;       X 03-12 → PENDING                      lead ROUTED to X
    l7   R 2029-12-30 → TIMED_OUT 2030-01-01 00:00 (the period's first instant)        lead EXPIRED
    l8   R 03-20 00:00 → HANDED_OFF 03-21 00:00; C 03-21 00:00 → ACCEPTED 03-22 00:00 (24 h)   lead CONVERTED
    l9   R 03-31 12:00 → PENDING                                lead ROUTED to R, assigned to assoc
    l10  R 2029-12-01 → ACCEPTED 2029-12-02 (before the period)  lead CONVERTED
    l11  R 03-30 00:00 → TIMED_OUT 04-01 00:00 (the period's end, excluded)            lead EXPIRED

So R alone: received 9 (l1–l6, l8, l9, l11), accepted 3 (l1–l3, median 10 h), rejected 1, timed out 3 (l5, l6, l7),
handed off 1, converted 1 (l1: l4 was converted by X, after R rejected it); with C: received 10, accepted 4 (median
of 6, 10, 24, 24 = 17 h), converted 2.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from graph.insights.reads import IGNORED_LEADS
from graph.leads.writes import expire_leads
from tests.conftest import global_id, remove_prefixed, write
from tests.leads.conftest import Channel, build_channel, remove_channel

NOW = datetime(2030, 4, 1, tzinfo=UTC)


def t(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


# lead: (status, holder, assignee, [(partner, at, closedAt, outcome, handed down from)])
HISTORY = {
    "l1": ("CONVERTED", "R", "assoc", [("R", "2030-01-10T00:00", "2030-01-10T06:00", "ACCEPTED", None)]),
    "l2": ("ACCEPTED", "R", None, [("R", "2030-02-01T00:00", "2030-02-02T00:00", "ACCEPTED", None)]),
    "l3": ("DISQUALIFIED", "R", None, [("R", "2030-02-10T00:00", "2030-02-10T10:00", "ACCEPTED", None)]),
    "l4": ("CONVERTED", "X", None, [("R", "2030-03-01T00:00", "2030-03-01T12:00", "REJECTED", None),
                                    ("X", "2030-03-01T12:00", "2030-03-02T12:00", "ACCEPTED", None)]),
    "l5": ("EXPIRED", None, None, [("R", "2030-03-05T00:00", "2030-03-07T00:00", "TIMED_OUT", None),
                                   ("X", "2030-03-07T00:00", "2030-03-09T00:00", "TIMED_OUT", None)]),
    "l6": ("ROUTED", "X", None, [("R", "2030-03-10T00:00", "2030-03-12T00:00", "TIMED_OUT", None),
                                 ("X", "2030-03-12T00:00", None, "PENDING", None)]),
    "l7": ("EXPIRED", None, None, [("R", "2029-12-30T00:00", "2030-01-01T00:00", "TIMED_OUT", None)]),
    "l8": ("CONVERTED", "C", None, [("R", "2030-03-20T00:00", "2030-03-21T00:00", "HANDED_OFF", None),
                                    ("C", "2030-03-21T00:00", "2030-03-22T00:00", "ACCEPTED", "R")]),
    "l9": ("ROUTED", "R", "assoc", [("R", "2030-03-31T12:00", None, "PENDING", None)]),
    "l10": ("CONVERTED", "R", None, [("R", "2029-12-01T00:00", "2029-12-02T00:00", "ACCEPTED", None)]),
    "l11": ("EXPIRED", None, None, [("R", "2030-03-30T00:00", "2030-04-01T00:00", "TIMED_OUT", None)]),
}


async def create_fixture(session, u: str) -> None:
    at = t("2029-01-01T00:00")
    await write(session, """
        CREATE (r:Partner {id: $u + '-R', name: $u + ' R', type: 'DISTRIBUTOR', status: 'ACTIVE', country: 'AQ',
                           currency: 'USD', createdAt: $at})
        CREATE (c:Partner {id: $u + '-C', name: $u + ' C', type: 'RESELLER', status: 'ACTIVE', country: 'AQ',
                           currency: 'USD', createdAt: $at})
        CREATE (x:Partner {id: $u + '-X', name: $u + ' X', type: 'RESELLER', status: 'ACTIVE', country: 'AQ',
                           currency: 'USD', createdAt: $at})
        CREATE (r)-[:PARENT_OF]->(c)
        CREATE (:Person {id: $u + '-mgr', name: 'Mo Manager',
                         email: $u + '.mgr@example.com'})-[:MEMBER_OF {role: 'MANAGER'}]->(r)
        CREATE (:Person {id: $u + '-assoc', name: 'Al Associate',
                         email: $u + '.assoc@example.com'})-[:MEMBER_OF {role: 'ASSOCIATE'}]->(r)
        CREATE (:Person {id: $u + '-xmgr', name: 'Xe Manager',
                         email: $u + '.xmgr@example.com'})-[:MEMBER_OF {role: 'MANAGER'}]->(x)
        """, u=u, at=at)
    leads = []
    seq = 0
    for key, (status, holder, assignee, offers) in HISTORY.items():
        rows = []
        for n, (partner, offered, closed, outcome, handed_from) in enumerate(offers):
            seq += 1
            rows.append({"id": f"{u}-{key}-o{n}", "seq": seq, "partner": f"{u}-{partner}", "at": t(offered),
                         "acceptBy": t(offered) + timedelta(hours=48), "closedAt": t(closed) if closed else None,
                         "outcome": outcome, "from": f"{u}-{handed_from}" if handed_from else None})
        leads.append({"id": f"{u}-{key}", "status": status, "holder": f"{u}-{holder}" if holder else None,
                      "assignee": f"{u}-{assignee}" if assignee else None, "created": rows[0]["at"], "offers": rows})
    await write(session, """
        UNWIND $leads AS row
        CREATE (l:Lead {id: row.id, name: row.id, company: row.id + ' Corp', contactName: 'Ann Antarctic',
                        contactEmail: 'ann@example.com', country: 'AQ', estimatedAmount: 100000, currency: 'USD',
                        source: 'WEBSITE', status: row.status, createdAt: row.created, updatedAt: row.created,
                        routedAt: row.created, version: 0})
        WITH l, row
        CALL (l, row) {
          MATCH (holder:Partner {id: row.holder})
          CREATE (l)-[:ROUTED_TO]->(holder)
        }
        CALL (l, row) {
          MATCH (person:Person {id: row.assignee})
          CREATE (l)-[:ASSIGNED_TO]->(person)
        }
        CALL (l, row) {
          UNWIND row.offers AS offer
          MATCH (p:Partner {id: offer.partner})
          CREATE (l)-[:OFFERED]->(o:LeadOffer {id: offer.id, seq: offer.seq, at: offer.at, acceptBy: offer.acceptBy,
                                               outcome: offer.outcome, closedAt: offer.closedAt})-[:TO]->(p)
          WITH o, offer
          MATCH (from:Partner {id: offer.from})
          CREATE (o)-[:FROM]->(from)
        }
        """, leads=leads)


@pytest.fixture(scope="module")
async def fixture(graph):
    u = "lins-" + uuid.uuid4().hex[:10]
    session = graph.session()
    await create_fixture(session, u)
    yield u
    await remove_prefixed(session, u)


LEADS = """query($id: ID!, $sub: Boolean!, $period: InsightsPeriodInput) {
  partner(id: $id) { insights(includeSubtree: $sub, period: $period) {
    leads { received accepted rejected timedOut handedOff medianHoursToAccept converted conversionRate }
    riskSignals { code message figures { name value } } } } }"""


async def _insights(gql, clock, u, partner="R", *, sub=False, period=None, **who):
    clock.set(NOW)
    data = await gql.data(LEADS, variables={"id": global_id("Partner", f"{u}-{partner}"), "sub": sub,
                                            "period": period}, **who)
    return data["partner"] and data["partner"]["insights"]


def _ignored(insights):
    return [s for s in insights["riskSignals"] if s["code"] == "LEADS_IGNORED"]


async def test_partner_alone(clocked_gql, clock, fixture):
    got = await _insights(clocked_gql, clock, fixture)
    assert got["leads"] == {"received": 9, "accepted": 3, "rejected": 1, "timedOut": 3, "handedOff": 1,
                            "medianHoursToAccept": 10.0, "converted": 1, "conversionRate": pytest.approx(1 / 3)}


async def test_subtree_rollup_counts_each_partners_own_offers(clocked_gql, clock, fixture):
    """l8 counts twice, as R's offer (handed down) and C's (accepted, converted)."""
    got = await _insights(clocked_gql, clock, fixture, sub=True)
    assert got["leads"] == {"received": 10, "accepted": 4, "rejected": 1, "timedOut": 3, "handedOff": 1,
                            "medianHoursToAccept": 17.0, "converted": 2, "conversionRate": 0.5}


async def test_nothing_of_where_a_lead_went_next(clocked_gql, clock, fixture):
    """R rejected l4 and let l5 and l6 time out; X, which got them next, accepted and converted l4. R's figures (as
    its manager or the enterprise sees them) hold R's offers only; X's hold X's only, and R's manager cannot read
    X's."""
    u = fixture
    admin = await _insights(clocked_gql, clock, u)
    mine = await _insights(clocked_gql, clock, u, persona=None, person=f"{u}-mgr")
    assert mine == admin and (mine["leads"]["rejected"], mine["leads"]["converted"]) == (1, 1)
    assert await _insights(clocked_gql, clock, u, sub=True, persona=None, person=f"{u}-mgr") == \
        await _insights(clocked_gql, clock, u, sub=True)
    x = await _insights(clocked_gql, clock, u, "X", persona=None, person=f"{u}-xmgr")
    assert x["leads"] == {"received": 3, "accepted": 1, "rejected": 0, "timedOut": 1, "handedOff": 0,
                          "medianHoursToAccept": 24.0, "converted": 1, "conversionRate": 1.0}
    assert await _insights(clocked_gql, clock, u, "X", persona=None, person=f"{u}-mgr") is None
    assert await _insights(clocked_gql, clock, u, persona=None, person=f"{u}-xmgr") is None


async def test_what_an_associate_and_an_agent_count(clocked_gql, clock, fixture):
    """An associate counts the leads assigned to them (l1, l9); a partner agent sees no leads at all."""
    u = fixture
    assoc = await _insights(clocked_gql, clock, u, sub=True, persona=None, person=f"{u}-assoc")
    assert assoc["leads"] == {"received": 2, "accepted": 1, "rejected": 0, "timedOut": 0, "handedOff": 0,
                              "medianHoursToAccept": 6.0, "converted": 1, "conversionRate": 1.0}
    assert _ignored(assoc) == []
    agent = await _insights(clocked_gql, clock, u, persona="partner-agent")
    assert agent["leads"] == {"received": 0, "accepted": 0, "rejected": 0, "timedOut": 0, "handedOff": 0,
                              "medianHoursToAccept": None, "converted": 0, "conversionRate": None}
    assert _ignored(agent) == []


async def test_leads_ignored_at_its_threshold_and_not_just_below(clocked_gql, clock, fixture):
    """Over the default period R let exactly 3 offers time out (l5, l6 and l7, which ended at the period's first
    instant): the flag. From one second later, l7 is out: 2, no flag."""
    assert IGNORED_LEADS == 3
    u = fixture
    [signal] = _ignored(await _insights(clocked_gql, clock, u))
    assert {f["name"]: f["value"] for f in signal["figures"]} == {"timedOut": 3.0, "received": 9.0, "threshold": 3.0}
    assert signal["message"] == ("3 lead offer(s) to the counted partners timed out unaccepted in the period (9 "
                                 "received in it); 3 or more raise this flag.")
    later = {"from": "2030-01-01T00:00:01Z", "to": "2030-04-01T00:00:00Z"}
    below = await _insights(clocked_gql, clock, u, period=later)
    assert below["leads"]["timedOut"] == 2
    assert _ignored(below) == []
    # X let one offer time out: no flag.
    assert _ignored(await _insights(clocked_gql, clock, u, "X")) == []


EACH = """query($id: ID!) { partner(id: $id) { insights(includeSubtree: true) {
  leads { received timedOut } riskSignals { code } }
  descendants(first: 50) { edges { node { insights(includeSubtree: true) {
    leads { received } riskSignals { code } } } } } } }"""


async def test_round_trips_do_not_grow_with_the_subtree(clocked_gql, clock, fixture, graph):
    """The leads section is one query for every partner of the response, and the risk signals read it through the
    same loader: viewer, partner, leads, risks, pipeline = 5; with every descendant's: + descendants, + their
    visibility batch, + leads, risks and pipeline once for all of them = 10 at most, for 1 descendant and for 21.
    At most: when the root's and the descendants' loads reach a loader in the same tick they share a batch (9), which
    depends on when Neo4j answers (a busy CI machine saw it); more than 10 would be a batch per partner."""
    u = fixture
    clock.set(NOW)
    variables = {"id": global_id("Partner", f"{u}-R")}
    alone = await clocked_gql.round_trips("""query($id: ID!) { partner(id: $id) { insights {
        leads { received } riskSignals { code } } } }""", variables=variables)
    small = await clocked_gql.round_trips(EACH, variables=variables)
    session = graph.session()
    extra = f"{u}-more"
    try:
        await write(session, """
            MATCH (c:Partner {id: $c})
            UNWIND range(1, 20) AS i
            CREATE (c)-[:PARENT_OF]->(x:Partner {id: $extra + toString(i), name: $extra + toString(i), type: 'RESELLER',
                                                 status: 'ACTIVE', country: 'AQ', currency: 'USD', createdAt: $at})
            CREATE (:Lead {id: $extra + toString(i) + '-l', name: 'l', status: 'EXPIRED', country: 'AQ'})
                   -[:OFFERED]->(:LeadOffer {id: $extra + toString(i) + '-o', seq: i, at: $at, outcome: 'TIMED_OUT',
                                             closedAt: $at + duration({hours: 2})})-[:TO]->(x)
            """, c=f"{u}-C", extra=extra, at=t("2030-02-01T00:00"))
        clock.set(NOW)
        data = await clocked_gql.data(EACH, variables=variables)
        assert data["partner"]["insights"]["leads"] == {"received": 30, "timedOut": 23}
        assert len(data["partner"]["descendants"]["edges"]) == 21
        large = await clocked_gql.round_trips(EACH, variables=variables)
    finally:
        await remove_prefixed(session, extra)
    assert alone == 5 and small <= 10 and large <= 10, (alone, small, large)


# The same figures from a history the leads domain writes itself: routing, accepting, converting, and expiry under
# a controlled clock (tests/leads/conftest.py builds the channel, in Iceland). Expiry acts on every lead of the shared
# test database, so START stays before the demo's deadlines (they run into 2027).
START = datetime(2026, 8, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
async def channel(session, clocked_gql):
    prefix = f"t-lead-{uuid.uuid4().hex[:8]}"
    await build_channel(session, prefix)
    try:
        yield Channel(prefix, clocked_gql)
    finally:
        await remove_channel(session, prefix)


CONVERT = """mutation($id: ID!, $program: ID!) { convertLead(lead: $id, program: $program) {
  lead { status } errors { code message } } }"""


async def test_figures_of_a_history_the_leads_domain_wrote(channel, clocked_gql, clock, session):
    """Four leads routed to res1 (gold, first in the routing order) at START with two hours to accept; res1 accepts
    one after 30 minutes and converts it; the other three time out at the deadline and go on to res2."""
    await channel.rules({"name": "two hours", "priority": 1, "acceptHours": 2, "partnerTypes": ["RESELLER"]})
    clock.set(START)
    leads = await channel.leads("a", "b", "c", "d")
    routed = await channel.route(*leads)
    assert {r["partner"]["key"] for r in routed} == {channel.id("res1")}
    clock.set(START + timedelta(minutes=30))
    assert (await channel.move(leads[0], "ACCEPT", channel.admin("res1")))["lead"]["status"] == "ACCEPTED"
    converted = await clocked_gql.data(CONVERT, person=channel.admin("res1"),
                                       variables={"id": leads[0], "program": channel.gid("Program", "prog")})
    assert converted["convertLead"] == {"lead": {"status": "CONVERTED"}, "errors": []}
    report = await expire_leads(session, START + timedelta(hours=2))
    assert set(report.rerouted) >= {channel.id(n) for n in "bcd"}

    clock.set(START + timedelta(days=1))
    period = {"from": "2026-08-01T00:00:00Z", "to": "2026-08-02T00:00:00Z"}

    async def insights(partner, sub=False):
        data = await clocked_gql.data(LEADS, variables={"id": channel.gid("Partner", partner), "sub": sub,
                                                        "period": period})
        return data["partner"]["insights"]

    res1 = await insights("res1")
    assert res1["leads"] == {"received": 4, "accepted": 1, "rejected": 0, "timedOut": 3, "handedOff": 0,
                             "medianHoursToAccept": 0.5, "converted": 1, "conversionRate": 1.0}
    assert [s["code"] for s in res1["riskSignals"]].count("LEADS_IGNORED") == 1
    res2 = await insights("res2")
    assert (res2["leads"]["received"], res2["leads"]["timedOut"]) == (3, 0)
    assert _ignored(res2) == []
    dist = await insights("dist", sub=True)
    assert (dist["leads"]["received"], dist["leads"]["timedOut"], dist["leads"]["converted"]) == (7, 3, 1)
