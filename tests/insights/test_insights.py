"""Partner 360 on a small fixture channel created here with unique ids (and removed after):
every metric against hand-computed values, what each persona sees, and the round-trip bound of a subtree
rollup for a small and a larger subtree.

The channel, a root of its own (no demo partner is touched):

    R  (USD, distributor)  staff: mgr (MANAGER), assoc (ASSOCIATE); relationship manager: the demo RM
    └── C  (XTS, the ISO test currency; XTS→USD 2.0 as of 2029-01-01, USD→XTS 0.4 as of 2029-06-01,
        │   so the latest rate is the inverse one, 1 / 0.4)     staff: rep (ASSOCIATE)
        └── G  (USD; one opportunity in XXX, for which the graph has no rate)

The clock stands at 2030-04-01T00:00Z, so the default period is [2030-01-01, 2030-04-01) (90 days) and
the previous one [2029-10-03, 2030-01-01).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from tests.conftest import global_id, remove_prefixed, write

NOW = datetime(2030, 4, 1, tzinfo=UTC)
XTS_USD = 1.0 / 0.4  # the latest rate of the pair: the inverse of USD→XTS 0.4 (newer than XTS→USD 2.0)


def t(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def usd(amount: int) -> int:
    """XTS minor units in USD exactly as the selling domain converts (resolvers.selling.reads.convert_amount)."""
    return round(amount * XTS_USD)


INSIGHTS = """query($id: ID!, $sub: Boolean!, $cur: String!, $period: InsightsPeriodInput) {
  partner(id: $id) { insights(includeSubtree: $sub, currency: $cur, period: $period) {
    period { from to previousFrom } includeSubtree currency partnersCounted
    pipeline { currency openCount openValue byStage { stage count value } previousOpenCount previousOpenValue
               change changeRatio unconvertedCount }
    dealRegistrations { byStatus { status count } created decided approved approvalRate medianHoursToDecision
                        conflicts }
    sales { currency won lost winRate orders revenue byMonth { month orders revenue unconvertedCount } }
    cases { byStatus { status count } opened resolved resolvedWithinTarget slaAttainment open openBreached }
    staffByRole { role count }
    partnerships { edges { node { key program { key } segment { key } } } }
    relationshipManagers { key }
  } } }"""


def _deal(u, key, partner, by, status, created, *, submitted=None, decided=None, approved=False, closure=None,
          closed=None, amount=100000, currency="USD", opp=None, order=None):
    return {"id": f"{u}-{key}", "partner": f"{u}-{partner}", "by": f"{u}-{by}", "status": status,
            "created": t(created), "submitted": t(submitted) if submitted else None,
            "decided": t(decided) if decided else None, "approved": approved, "closure": closure,
            "closed": t(closed) if closed else None, "amount": amount, "currency": currency,
            "opp": opp, "order": order}


def _opp(u, key, stage, amount, currency, created, closed=None):
    return {"id": f"{u}-{key}", "stage": stage, "amount": amount, "currency": currency, "created": t(created),
            "closed": t(closed) if closed else None}


def _order(u, key, total, currency, placed, status="PLACED"):
    return {"id": f"{u}-{key}", "total": total, "currency": currency, "placed": t(placed), "status": status}


def _case(u, key, partner, by, status, opened, *, responded=None, resolved=None, closed=None, paused_seconds=0,
          queue="queue-escalations"):
    return {"id": f"{u}-{key}", "number": f"CASE-{u}-{key}", "partner": f"{u}-{partner}", "by": f"{u}-{by}",
            "status": status, "opened": t(opened), "responded": t(responded) if responded else None,
            "resolved": t(resolved) if resolved else None, "closed": t(closed) if closed else None,
            # entering RESOLVED sets pausedSince (docs/CASES.md); it stays while RESOLVED or CLOSED
            "pausedSince": t(resolved) if resolved else None, "pausedSeconds": paused_seconds, "queue": queue}


async def create_channel(session, u: str) -> None:
    await write(session, """
        CREATE (r:Partner {id: $u + '-R', name: $u + ' Root', type: 'DISTRIBUTOR', status: 'ACTIVE', country: 'US',
                           currency: 'USD', createdAt: $at})
        CREATE (c:Partner {id: $u + '-C', name: $u + ' Child', type: 'RESELLER', status: 'ACTIVE', country: 'US',
                           currency: 'XTS', createdAt: $at})
        CREATE (g:Partner {id: $u + '-G', name: $u + ' Grandchild', type: 'RESELLER', status: 'ACTIVE',
                           country: 'US', currency: 'USD', createdAt: $at})
        CREATE (r)-[:PARENT_OF]->(c), (c)-[:PARENT_OF]->(g)
        CREATE (:Person {id: $u + '-mgr', name: 'Mia Manager',
                         email: $u + '.mgr@example.com'})-[:MEMBER_OF {role: 'MANAGER'}]->(r)
        CREATE (:Person {id: $u + '-assoc', name: 'Asa Associate',
                         email: $u + '.assoc@example.com'})-[:MEMBER_OF {role: 'ASSOCIATE'}]->(r)
        CREATE (:Person {id: $u + '-rep', name: 'Rey Rep',
                         email: $u + '.rep@example.com'})-[:MEMBER_OF {role: 'ASSOCIATE'}]->(c)
        CREATE (r)-[:SERVES]->(:Account {id: $u + '-acct', name: $u + ' Account', country: 'US', industry: 'Retail'})
        WITH r
        MATCH (rm:Person {id: 'demo-relationship-manager'}), (prog:Program {id: 'prog-reseller'}),
              (seg:Segment {id: 'seg-reseller-gold'})
        CREATE (rm)-[:MANAGES]->(r)
        CREATE (r)-[:HAS]->(ps:Partnership {id: $u + '-ps', status: 'ACTIVE', createdAt: $at, onboardedAt: $at,
                                           version: 0})-[:IN]->(prog)
        CREATE (ps)-[:AT {since: $at}]->(seg)
        CREATE (ps)-[:HAD]->(:SegmentAssignment {id: $u + '-sa', from: $at, reason: 'onboarding',
                                                 assignedBy: 'demo-enterprise-admin'})-[:OF]->(seg)
        CREATE (:ExchangeRate {id: $u + '-fx-1', base: 'XTS', quote: 'USD', rate: 2.0, asOf: $old})
        CREATE (:ExchangeRate {id: $u + '-fx-2', base: 'USD', quote: 'XTS', rate: 0.4, asOf: $newer})
        """, u=u, at=t("2029-01-01T00:00:00"), old=t("2029-01-01T00:00:00"), newer=t("2029-06-01T00:00:00"))
    # C is a Gold peer of R; G sits in Platinum, the next segment up (for the scorecards).
    await write(session, """
        UNWIND [['C', 'seg-reseller-gold'], ['G', 'seg-reseller-platinum']] AS row
        MATCH (p:Partner {id: $u + '-' + row[0]}), (prog:Program {id: 'prog-reseller'}), (seg:Segment {id: row[1]})
        CREATE (p)-[:HAS]->(ps:Partnership {id: $u + '-ps-' + row[0], status: 'ACTIVE', createdAt: $at,
                                           onboardedAt: $at, version: 0})-[:IN]->(prog)
        CREATE (ps)-[:AT {since: $at}]->(seg)
        CREATE (ps)-[:HAD]->(:SegmentAssignment {id: $u + '-sa-' + row[0], from: $at, reason: 'onboarding',
                                                 assignedBy: 'demo-enterprise-admin'})-[:OF]->(seg)
        """, u=u, at=t("2029-01-01T00:00:00"))
    deals = [
        # R: by assoc, approved after 24 h and converted; its opportunity is open (NEGOTIATION).
        _deal(u, "dr1", "R", "assoc", "CLOSED", "2030-01-10T00:00:00", submitted="2030-01-10T00:00:00",
              decided="2030-01-11T00:00:00", approved=True, closure="CONVERTED", closed="2030-01-12T00:00:00",
              opp=_opp(u, "o1", "NEGOTIATION", 100000, "USD", "2030-01-12T00:00:00")),
        # R: by mgr, rejected after 48 h.
        _deal(u, "dr2", "R", "mgr", "REJECTED", "2030-02-01T00:00:00", submitted="2030-02-01T00:00:00",
              decided="2030-02-03T00:00:00"),
        # R: by mgr, from the previous period; its opportunity was open at the period start, won in it, ordered.
        _deal(u, "dr3", "R", "mgr", "CLOSED", "2029-11-01T00:00:00", submitted="2029-11-01T00:00:00",
              decided="2029-11-02T00:00:00", approved=True, closure="CONVERTED", closed="2029-11-05T00:00:00",
              opp=_opp(u, "o3", "CLOSED_WON", 50000, "USD", "2029-11-05T00:00:00", "2030-02-10T00:00:00"),
              order=_order(u, "ord3", 50000, "USD", "2030-02-10T00:00:00")),
        # R: by mgr, submitted, in conflict with C's dr-c1 (detected in the period).
        _deal(u, "dr4", "R", "mgr", "SUBMITTED", "2030-03-01T00:00:00", submitted="2030-03-01T00:00:00"),
        # C (XTS): approved after 36 h, converted; open PROPOSAL.
        _deal(u, "drc1", "C", "rep", "CLOSED", "2030-01-20T00:00:00", submitted="2030-01-20T00:00:00",
              decided="2030-01-21T12:00:00", approved=True, closure="CONVERTED", closed="2030-01-22T00:00:00",
              currency="XTS", amount=200000,
              opp=_opp(u, "oc1", "PROPOSAL", 200000, "XTS", "2030-01-22T00:00:00")),
        # C: from the previous period, open at the period start, lost in it.
        _deal(u, "drc2", "C", "rep", "CLOSED", "2029-12-01T00:00:00", submitted="2029-12-01T00:00:00",
              decided="2029-12-01T06:00:00", approved=True, closure="CONVERTED", closed="2029-12-02T00:00:00",
              currency="XTS", amount=30001,
              opp=_opp(u, "oc2", "CLOSED_LOST", 30001, "XTS", "2029-12-02T00:00:00", "2030-03-05T00:00:00")),
        # C: approved after 24 h, converted, won and ordered in March (an odd amount: rounding).
        _deal(u, "drc3", "C", "rep", "CLOSED", "2030-02-25T00:00:00", submitted="2030-02-25T00:00:00",
              decided="2030-02-26T00:00:00", approved=True, closure="CONVERTED", closed="2030-03-01T00:00:00",
              currency="XTS", amount=100001,
              opp=_opp(u, "oc3", "CLOSED_WON", 100001, "XTS", "2030-03-01T00:00:00", "2030-03-15T00:00:00"),
              order=_order(u, "ordc3", 100001, "XTS", "2030-03-15T00:00:00")),
        # G: a draft of the period.
        _deal(u, "drg1", "G", "rep", "DRAFT", "2030-03-10T00:00:00"),
        # G: an opportunity in XXX (no rate): open, unconverted.
        _deal(u, "drg2", "G", "rep", "CLOSED", "2029-10-10T00:00:00", submitted="2029-10-10T00:00:00",
              decided="2029-10-11T00:00:00", approved=True, closure="CONVERTED", closed="2030-02-15T00:00:00",
              currency="XXX", amount=70000,
              opp=_opp(u, "og2", "PROSPECTING", 70000, "XXX", "2030-02-15T00:00:00")),
        # G: won in the period, but its order was cancelled (left out of orders and revenue).
        _deal(u, "drg3", "G", "rep", "CLOSED", "2030-01-02T00:00:00", submitted="2030-01-02T00:00:00",
              decided="2030-01-02T12:00:00", approved=True, closure="CONVERTED", closed="2030-01-03T00:00:00",
              opp=_opp(u, "og3", "CLOSED_WON", 9000, "USD", "2030-01-03T00:00:00", "2030-03-20T00:00:00"),
              order=_order(u, "ordg3", 9000, "USD", "2030-03-20T00:00:00", "CANCELLED")),
    ]
    await write(session, """
        UNWIND $deals AS d
        MATCH (p:Partner {id: d.partner}), (by:Person {id: d.by}), (a:Account {id: $u + '-acct'}),
              (prog:Program {id: 'prog-reseller'})
        CREATE (dr:DealRegistration {id: d.id, name: d.id, status: d.status, estimatedAmount: d.amount,
                                     currency: d.currency, expectedCloseDate: date('2030-06-30'),
                                     createdAt: d.created, updatedAt: d.created, lineageChangedAt: d.created,
                                     submittedAt: d.submitted, reviewDeadline: d.submitted + duration({days: 14}),
                                     decidedAt: d.decided,
                                     decidedBy: CASE WHEN d.decided IS NOT NULL THEN 'demo-enterprise-admin' END,
                                     protectedUntil: CASE WHEN d.approved THEN d.decided + duration({days: 90}) END,
                                     closureCode: d.closure, closedAt: d.closed, version: 0})
        CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(by)
        WITH dr, d
        CALL (dr, d) {
          WITH dr, d WHERE d.opp IS NOT NULL
          CREATE (dr)-[:CONVERTED_TO]->(o:Opportunity {id: d.opp.id, name: d.opp.id, stage: d.opp.stage,
                                                       amount: d.opp.amount, currency: d.opp.currency,
                                                       createdAt: d.opp.created, updatedAt: d.opp.created,
                                                       closedAt: d.opp.closed, version: 0})
          WITH o, d WHERE d.order IS NOT NULL
          CREATE (o)-[:QUOTED_AS]->(q:Quote {id: d.order.id + '-q', name: d.order.id + ' v1', version: 1,
                                             status: 'ACCEPTED', currency: d.order.currency, discountPercent: 0,
                                             subtotal: d.order.total, total: d.order.total,
                                             createdAt: d.order.placed, updatedAt: d.order.placed})
          CREATE (q)-[:ORDERED_AS]->(:Order {id: d.order.id, name: d.order.id, status: d.order.status,
                                             total: d.order.total, currency: d.order.currency,
                                             placedAt: d.order.placed, updatedAt: d.order.placed})
        }
        WITH count(*) AS created
        MATCH (a:DealRegistration {id: $u + '-dr4'}), (b:DealRegistration {id: $u + '-drc1'})
        CREATE (a)-[:CONFLICTS_WITH {detectedAt: $detected, reason: 'same account and product'}]->(b)
        """, deals=deals, u=u, detected=t("2030-03-01T00:00:00"))
    cases = [
        # Resolved after 4 h of an 8 h target (then closed): within.
        _case(u, "k1", "R", "assoc", "CLOSED", "2030-01-05T00:00:00", responded="2030-01-05T00:30:00",
              resolved="2030-01-05T04:00:00", closed="2030-01-06T00:00:00"),
        # Resolved after 10 h: breached.
        _case(u, "k2", "R", "mgr", "RESOLVED", "2030-02-01T00:00:00", responded="2030-02-01T00:10:00",
              resolved="2030-02-01T10:00:00"),
        # Resolved after 12 h, 5 of them paused (awaiting the partner): within (target 8 + 5 h).
        _case(u, "k3", "R", "assoc", "RESOLVED", "2030-02-10T00:00:00", responded="2030-02-10T00:10:00",
              resolved="2030-02-10T12:00:00", paused_seconds=5 * 3600),
        # Open for 48 h: breached. In the demo agent's queue.
        _case(u, "k4", "R", "mgr", "IN_PROGRESS", "2030-03-30T00:00:00", responded="2030-03-30T00:10:00",
              queue="queue-partner-support"),
        # Opened 30 min ago, not yet answered (response target 60 min): not breached.
        _case(u, "k5", "R", "assoc", "NEW", "2030-03-31T23:30:00"),
        # Cancelled: never breaches.
        _case(u, "k6", "R", "assoc", "CANCELLED", "2030-03-01T00:00:00", closed="2030-03-02T00:00:00"),
        # C: opened in the previous period and still open: breached (counts in open figures, not by status).
        _case(u, "k7", "C", "rep", "IN_PROGRESS", "2029-12-01T00:00:00", responded="2029-12-01T00:10:00"),
    ]
    await write(session, """
        UNWIND $cases AS k
        MATCH (p:Partner {id: k.partner}), (by:Person {id: k.by}), (pol:SlaPolicy {id: 'sla-default-p1'}),
              (q:Queue {id: k.queue})
        CREATE (c:Case {id: k.id, number: k.number, subject: k.id, category: 'TECHNICAL', priority: 'P1',
                        status: k.status, openedAt: k.opened, firstResponseAt: k.responded, resolvedAt: k.resolved,
                        closedAt: k.closed, pausedSince: k.pausedSince, pausedSeconds: k.pausedSeconds,
                        updatedAt: k.opened, responseMinutes: pol.responseMinutes,
                        resolutionMinutes: pol.resolutionMinutes, commentCount: 0, version: 0})
        CREATE (c)-[:FOR_PARTNER]->(p), (c)-[:OPENED_BY]->(by), (c)-[:UNDER_SLA]->(pol), (c)-[:IN_QUEUE]->(q)
        """, cases=cases)


@pytest.fixture(scope="module")
async def channel(graph):
    u = "ins-" + uuid.uuid4().hex[:10]
    session = graph.session()
    await create_channel(session, u)
    yield u
    await remove_prefixed(session, u)


async def _insights(gql, clock, u, partner="R", *, sub=False, cur="USD", period=None, **who):
    clock.set(NOW)
    data = await gql.data(INSIGHTS, variables={"id": global_id("Partner", f"{u}-{partner}"), "sub": sub,
                                               "cur": cur, "period": period}, **who)
    return data["partner"] and data["partner"]["insights"]


def _counts(items, key="status"):
    return {i[key]: i["count"] for i in items}


async def test_the_fixture_follows_the_selling_and_case_models(clocked_gql, clock, channel):
    """The fixture reads through the existing API as the selling and case domains built it, and the rate
    the Partner 360 uses is the one `Money.in` uses."""
    clock.set(NOW)
    u = channel
    data = await clocked_gql.data(
        """query($o: ID!, $c: ID!) { node(id: $o) { ... on Opportunity {
                 stage amount { amount currency in(currency: "USD") { amount } } } }
             case: node(id: $c) { ... on Case { status sla { breached } } } }""",
        variables={"o": global_id("Opportunity", f"{u}-oc1"), "c": global_id("Case", f"{u}-k4")})
    assert data["node"]["amount"] == {"amount": 200000, "currency": "XTS", "in": {"amount": usd(200000)}}
    assert data["case"] == {"status": "IN_PROGRESS", "sla": {"breached": True}}


async def test_partner_alone(clocked_gql, clock, channel):
    u = channel
    got = await _insights(clocked_gql, clock, u)
    assert got["period"] == {"from": "2030-01-01T00:00:00+00:00", "to": "2030-04-01T00:00:00+00:00",
                             "previousFrom": "2029-10-03T00:00:00+00:00"}
    assert (got["includeSubtree"], got["currency"], got["partnersCounted"]) == (False, "USD", 1)
    # Pipeline: o1 open at the end; o3 was open at the start (won since).
    assert got["pipeline"] == {
        "currency": "USD", "openCount": 1, "openValue": 100000,
        "byStage": [{"stage": "NEGOTIATION", "count": 1, "value": 100000}],
        "previousOpenCount": 1, "previousOpenValue": 50000, "change": 50000, "changeRatio": 1.0,
        "unconvertedCount": 0}
    # Registrations created in the period: dr1, dr2, dr4; decided: dr1 (24 h, approved), dr2 (48 h, rejected).
    regs = got["dealRegistrations"]
    assert _counts(regs["byStatus"]) == {"CLOSED": 1, "REJECTED": 1, "SUBMITTED": 1}
    assert (regs["created"], regs["decided"], regs["approved"], regs["approvalRate"]) == (3, 2, 1, 0.5)
    assert regs["medianHoursToDecision"] == 36.0
    assert regs["conflicts"] == 1
    assert got["sales"] == {"currency": "USD", "won": 1, "lost": 0, "winRate": 1.0, "orders": 1, "revenue": 50000,
                            "byMonth": [{"month": "2030-02-01", "orders": 1, "revenue": 50000,
                                         "unconvertedCount": 0}]}
    cases = got["cases"]
    assert _counts(cases["byStatus"]) == {"CLOSED": 1, "RESOLVED": 2, "IN_PROGRESS": 1, "NEW": 1, "CANCELLED": 1}
    assert (cases["opened"], cases["resolved"], cases["resolvedWithinTarget"]) == (6, 3, 2)
    assert cases["slaAttainment"] == pytest.approx(2 / 3)
    assert (cases["open"], cases["openBreached"]) == (2, 1)
    assert _counts(got["staffByRole"], "role") == {"MANAGER": 1, "ASSOCIATE": 1}
    assert [e["node"] for e in got["partnerships"]["edges"]] == [
        {"key": f"{u}-ps", "program": {"key": "prog-reseller"}, "segment": {"key": "seg-reseller-gold"}}]
    assert got["relationshipManagers"] == [{"key": "demo-relationship-manager"}]


async def test_subtree_rollup(clocked_gql, clock, channel):
    u = channel
    got = await _insights(clocked_gql, clock, u, sub=True)
    assert got["partnersCounted"] == 3
    open_value = 100000 + usd(200000)
    previous = 50000 + usd(30001)
    assert got["pipeline"] == {
        "currency": "USD", "openCount": 3, "openValue": open_value,
        "byStage": [{"stage": "PROSPECTING", "count": 1, "value": 0},  # og2 in XXX: no rate
                    {"stage": "PROPOSAL", "count": 1, "value": usd(200000)},
                    {"stage": "NEGOTIATION", "count": 1, "value": 100000}],
        "previousOpenCount": 2, "previousOpenValue": previous, "change": open_value - previous,
        "changeRatio": pytest.approx((open_value - previous) / previous), "unconvertedCount": 1}
    regs = got["dealRegistrations"]
    # Created in the period: dr1, dr2, dr4, drc1, drc3, drg1, drg3; decided: 24, 48, 36, 24, 12 hours.
    assert _counts(regs["byStatus"]) == {"CLOSED": 4, "REJECTED": 1, "SUBMITTED": 1, "DRAFT": 1}
    assert (regs["created"], regs["decided"], regs["approved"]) == (7, 5, 4)
    assert regs["approvalRate"] == 0.8
    assert regs["medianHoursToDecision"] == 24.0
    assert regs["conflicts"] == 2  # dr4 and drc1, either way round
    sales = got["sales"]
    # Closed in the period: o3 won, oc2 lost, oc3 won, og3 won (its order cancelled).
    assert (sales["won"], sales["lost"], sales["winRate"]) == (3, 1, 0.75)
    assert sales["byMonth"] == [
        {"month": "2030-02-01", "orders": 1, "revenue": 50000, "unconvertedCount": 0},
        {"month": "2030-03-01", "orders": 1, "revenue": usd(100001), "unconvertedCount": 0}]
    assert (sales["orders"], sales["revenue"]) == (2, 50000 + usd(100001))
    cases = got["cases"]
    assert (cases["opened"], cases["resolved"], cases["resolvedWithinTarget"]) == (6, 3, 2)
    assert (cases["open"], cases["openBreached"]) == (3, 2)  # + k7 at C
    assert _counts(got["staffByRole"], "role") == {"MANAGER": 1, "ASSOCIATE": 2}


async def test_reporting_currency_and_explicit_period(clocked_gql, clock, channel):
    u = channel
    # In XTS: USD amounts convert at the latest USD→XTS rate (0.4, direct), XTS amounts stay as they are.
    got = await _insights(clocked_gql, clock, u, "C", cur="XTS")
    assert got["pipeline"]["openValue"] == 200000
    assert got["pipeline"]["previousOpenValue"] == 30001
    assert got["sales"]["revenue"] == 100001
    got = await _insights(clocked_gql, clock, u, sub=True, cur="XTS")
    assert got["pipeline"]["openValue"] == round(100000 * 0.4) + 200000
    # February only: dr2 created and decided (rejected after 48 h); o3 won and ordered.
    feb = {"from": "2030-02-01T00:00:00Z", "to": "2030-03-01T00:00:00Z"}
    got = await _insights(clocked_gql, clock, u, period=feb)
    assert got["period"]["previousFrom"] == "2030-01-04T00:00:00+00:00"
    assert _counts(got["dealRegistrations"]["byStatus"]) == {"REJECTED": 1}
    assert got["dealRegistrations"]["approvalRate"] == 0.0
    assert got["dealRegistrations"]["medianHoursToDecision"] == 48.0
    assert (got["sales"]["won"], got["sales"]["orders"]) == (1, 1)
    # Open at 2030-03-01: o1; at 2030-02-01: o1 and o3.
    assert (got["pipeline"]["openValue"], got["pipeline"]["previousOpenValue"]) == (100000, 150000)
    assert got["pipeline"]["change"] == -50000
    assert (got["cases"]["opened"], got["cases"]["resolved"], got["cases"]["resolvedWithinTarget"]) == (2, 2, 1)
    # An empty period far back: zeros and nulls, never errors.
    empty = await _insights(clocked_gql, clock, u,
                            period={"from": "2020-01-01T00:00:00Z", "to": "2020-02-01T00:00:00Z"})
    assert empty["dealRegistrations"]["approvalRate"] is None
    assert empty["dealRegistrations"]["medianHoursToDecision"] is None
    assert empty["sales"]["winRate"] is None and empty["sales"]["byMonth"] == []
    assert empty["cases"]["slaAttainment"] is None
    assert empty["pipeline"]["changeRatio"] is None


@pytest.mark.parametrize("variables, message", [
    ({"cur": "usd"}, "currency must be an ISO 4217 code"),
    ({"period": {"from": "2030-03-01T00:00:00Z", "to": "2030-02-01T00:00:00Z"}},
     "the period must start before it ends"),
])
async def test_bad_arguments(clocked_gql, clock, channel, variables, message):
    clock.set(NOW)
    status, body = await clocked_gql.post(INSIGHTS, variables={"id": global_id("Partner", f"{channel}-R"),
                                                               "sub": False, "cur": "USD", **variables})
    assert message in body["errors"][0]["message"]


async def test_partner_associate_counts_only_their_own(clocked_gql, clock, channel):
    """An associate sees their own organization only: with includeSubtree nothing below it counts, and of
    its deals and cases only those they submitted or own (opened or own, for cases)."""
    u = channel
    got = await _insights(clocked_gql, clock, u, sub=True, persona=None, person=f"{u}-assoc")
    assert got["partnersCounted"] == 1
    assert got["pipeline"]["openValue"] == 100000 and got["pipeline"]["previousOpenValue"] == 0
    assert got["pipeline"]["changeRatio"] is None
    regs = got["dealRegistrations"]
    assert _counts(regs["byStatus"]) == {"CLOSED": 1}
    assert (regs["decided"], regs["approved"], regs["medianHoursToDecision"], regs["conflicts"]) == (1, 1, 24.0, 0)
    assert (got["sales"]["won"], got["sales"]["orders"]) == (0, 0)
    cases = got["cases"]
    assert _counts(cases["byStatus"]) == {"CLOSED": 1, "RESOLVED": 1, "NEW": 1, "CANCELLED": 1}
    assert (cases["resolved"], cases["resolvedWithinTarget"], cases["open"], cases["openBreached"]) == (2, 2, 1, 0)
    # Staff counts are not selling records: the associate's organization's staff.
    assert _counts(got["staffByRole"], "role") == {"MANAGER": 1, "ASSOCIATE": 1}
    # The child is outside their scope.
    assert await _insights(clocked_gql, clock, u, "C", persona=None, person=f"{u}-assoc") is None


async def test_partner_manager_sees_own_org_and_descendants(clocked_gql, clock, channel):
    u = channel
    admin = await _insights(clocked_gql, clock, u, sub=True)
    mine = await _insights(clocked_gql, clock, u, sub=True, persona=None, person=f"{u}-mgr")
    assert mine == admin
    child = await _insights(clocked_gql, clock, u, "C", sub=True, persona=None, person=f"{u}-mgr")
    assert child["partnersCounted"] == 2
    # The child's associate sees the child (and, as an associate, nothing below it), not the root.
    assert await _insights(clocked_gql, clock, u, "R", persona=None, person=f"{u}-rep") is None
    rep = await _insights(clocked_gql, clock, u, "C", sub=True, persona=None, person=f"{u}-rep")
    assert rep["partnersCounted"] == 1


@pytest.mark.parametrize("persona, visible", [
    ("enterprise-admin", True), ("enterprise-executive", True), ("relationship-manager", True),
    ("partner-agent", True), ("partner-admin", False), ("partner-manager", False), ("partner-associate", False),
])
async def test_demo_personas(clocked_gql, clock, channel, persona, visible):
    u = channel
    got = await _insights(clocked_gql, clock, u, sub=True, persona=persona)
    assert (got is not None) is visible
    if persona in ("enterprise-executive", "relationship-manager"):
        assert got == await _insights(clocked_gql, clock, u, sub=True)
    if persona == "partner-agent":
        # An agent sees no selling records, and only the cases of the queues they work (k4).
        assert got["pipeline"]["openCount"] == 0 and got["dealRegistrations"]["created"] == 0
        assert got["sales"]["orders"] == 0
        assert _counts(got["cases"]["byStatus"]) == {"IN_PROGRESS": 1}
        assert (got["cases"]["open"], got["cases"]["openBreached"], got["cases"]["slaAttainment"]) == (1, 1, None)


ROLLUP = """query($id: ID!) { partner(id: $id) { insights(includeSubtree: true) {
  partnersCounted pipeline { openValue } dealRegistrations { created } sales { revenue }
  cases { openBreached } leads { received } mdf { paid } staffByRole { role count }
  partnerships { edges { node { key } } } relationshipManagers { key } } } }"""

EACH = """query($id: ID!) { partner(id: $id) { insights(includeSubtree: true) {
  partnersCounted pipeline { openValue } dealRegistrations { created } sales { revenue }
  cases { openBreached } leads { received } mdf { paid } staffByRole { role count }
  partnerships { edges { node { key } } } relationshipManagers { key } }
  descendants(first: 50) { edges { node { key insights(includeSubtree: true) { partnersCounted pipeline { openValue }
    dealRegistrations { created } sales { revenue } cases { openBreached } leads { received } mdf { paid }
    staffByRole { count } } } } } } }"""


async def test_round_trips_do_not_grow_with_the_subtree(clocked_gql, clock, channel, graph):
    """The root's subtree rollup: viewer, partner, one query per section (pipeline, registrations, sales,
    cases, leads, mdf, staff), partnerships, relationship managers = 11 round trips, for a subtree of 2 descendants
    and of 42. With every descendant's own rollup too: + descendants, + one visibility batch for them,
    + the seven sections once more (one query each for all descendants) = 20, for both sizes. (Before the mdf
    section, 10 and 18: it is one more query per level of the response, never one per partner.)"""
    u = channel
    clock.set(NOW)
    variables = {"id": global_id("Partner", f"{u}-R")}
    small = (await clocked_gql.round_trips(ROLLUP, variables=variables),
             await clocked_gql.round_trips(EACH, variables=variables))
    session = graph.session()
    extra = f"{u}-x"
    try:
        await write(session, """
            MATCH (g:Partner {id: $g}), (rep:Person {id: $rep}), (a:Account {id: $acct}),
                  (prog:Program {id: 'prog-reseller'})
            UNWIND range(1, 40) AS i
            CREATE (g)-[:PARENT_OF]->(x:Partner {id: $extra + toString(i), name: $extra + toString(i), type: 'RESELLER',
                                                 status: 'ACTIVE', country: 'US', currency: 'USD', createdAt: $at})
            CREATE (dr:DealRegistration {id: $extra + toString(i) + '-dr', name: 'Deal ' + toString(i),
                                         status: 'CLOSED', estimatedAmount: 1000, currency: 'USD', createdAt: $at,
                                         updatedAt: $at, lineageChangedAt: $at, submittedAt: $at,
                                         decidedAt: $at + duration({hours: 1}),
                                         protectedUntil: $at + duration({days: 90}), closureCode: 'CONVERTED',
                                         closedAt: $at, version: 0})
            CREATE (dr)-[:REGISTERED_BY]->(x), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(rep)
            CREATE (dr)-[:CONVERTED_TO]->(:Opportunity {id: $extra + toString(i) + '-o', name: 'Deal ' + toString(i),
                                                        stage: 'QUALIFICATION', amount: 1000, currency: 'USD',
                                                        createdAt: $at, updatedAt: $at, version: 0})
            """, g=f"{u}-G", rep=f"{u}-rep", acct=f"{u}-acct", extra=extra, at=t("2030-02-01T00:00:00"))
        clock.set(NOW)
        data = await clocked_gql.data(EACH, variables=variables)
        rollup = data["partner"]["insights"]
        assert rollup["partnersCounted"] == 43
        assert rollup["pipeline"]["openValue"] == 100000 + usd(200000) + 40 * 1000
        assert rollup["dealRegistrations"]["created"] == 7 + 40
        edges = data["partner"]["descendants"]["edges"]
        assert len(edges) == 42
        assert {e["node"]["key"]: e["node"]["insights"]["partnersCounted"] for e in edges}[f"{u}-G"] == 41
        large = (await clocked_gql.round_trips(ROLLUP, variables=variables),
                 await clocked_gql.round_trips(EACH, variables=variables))
    finally:
        await remove_prefixed(session, extra)
    assert small == large == (11, 20)


SCORECARDS = """query($id: ID!, $metric: ScorecardMetric!) { partner(id: $id) { insights { scorecards(metric: $metric) {
  metric partnership { key segment { key } } value peers percentile segmentMedian nextSegment { key }
  nextSegmentPeers nextSegmentMedian } } } }"""


@pytest.mark.parametrize("metric, r, c, g", [
    # (value, percentile) of R and C (Gold peers) and G (Platinum, the next segment up)
    ("REVENUE", (50000.0, 50.0), (float(usd(100001)), 100.0), (0.0, 100.0)),
    ("OPEN_PIPELINE", (100000.0, 50.0), (float(usd(200000)), 100.0), (0.0, 100.0)),  # G: only an XXX amount
    ("WIN_RATE", (1.0, 100.0), (0.5, 50.0), (1.0, 100.0)),
])
async def test_scorecards(clocked_gql, clock, channel, metric, r, c, g):
    """Seen by R's manager, the peers are R and C in Gold and G in Platinum (demo partners in those segments
    are outside the manager's scope)."""
    u = channel
    clock.set(NOW)

    async def cards(key):
        data = await clocked_gql.data(SCORECARDS, persona=None, person=f"{u}-mgr",
                                      variables={"id": global_id("Partner", f"{u}-{key}"), "metric": metric})
        return data["partner"]["insights"]["scorecards"]

    gold_median = (r[0] + c[0]) / 2
    [card] = await cards("R")
    assert card == {"metric": metric, "partnership": {"key": f"{u}-ps", "segment": {"key": "seg-reseller-gold"}},
                    "value": r[0], "peers": 2, "percentile": r[1], "segmentMedian": gold_median,
                    "nextSegment": {"key": "seg-reseller-platinum"}, "nextSegmentPeers": 1,
                    "nextSegmentMedian": g[0]}
    [card] = await cards("C")
    assert (card["value"], card["percentile"], card["segmentMedian"]) == (c[0], c[1], gold_median)
    [card] = await cards("G")
    assert (card["value"], card["percentile"], card["peers"], card["segmentMedian"]) == (g[0], g[1], 1, g[0])
    assert (card["nextSegment"], card["nextSegmentPeers"], card["nextSegmentMedian"]) == (None, 0, None)


@pytest.mark.parametrize("persona, partner, visible", [
    ("enterprise-admin", "p-northwind", True), ("relationship-manager", "p-northwind", True),
    ("partner-admin", "p-contoso", True), ("partner-manager", "p-contoso", False),
    ("partner-manager", "p-fabrikam", True), ("partner-associate", "p-tailspin", True),
    ("partner-associate", "p-fabrikam", False), ("partner-agent", "p-northwind", True),
])
async def test_demo_channel_for_every_persona(gql, persona, partner, visible):
    """Over the demo channel (the whole of 2026, a subtree rollup in EUR), each persona gets the 360 of the
    partners in their scope, null elsewhere, and never an error."""
    period = {"from": "2026-01-01T00:00:00Z", "to": "2027-01-01T00:00:00Z"}
    data = await gql.data(INSIGHTS, persona=persona, variables={"id": global_id("Partner", partner), "sub": True,
                                                                  "cur": "EUR", "period": period})
    got = data["partner"] and data["partner"]["insights"]
    assert (got is not None) is visible
    if got and persona == "partner-associate":
        assert got["partnersCounted"] == 1
    if got and persona == "enterprise-admin":
        assert got["partnersCounted"] >= 9 and got["pipeline"]["openCount"] > 0
