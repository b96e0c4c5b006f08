"""The canonical benchmark queries Q1–Q6: how each picks its target in a generated channel, the GraphQL it
sends, the rows it reads from the response, and the floor: the same rows fetched by one hand-written
Cypher query through the driver. Shared by `bench.run` and the CI smoke (tests/test_bench_smoke.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from strawberry import relay

# Pages are sized so that one page holds every row of the target (checked: hasNextPage must be false),
# which makes "the same rows as the floor" an exact comparison.
CHILDREN_PAGE, OPPORTUNITY_PAGE, LINEAGE_PAGE, PORTAL_PAGE = 50, 20, 500, 50


def gid(type_name: str, node_id: str) -> str:
    return str(relay.GlobalID(type_name, node_id))


# --- targets ------------------------------------------------------------------------------------------

# Q1/Q2: the largest distributor (by partners two levels down) whose two levels of children each fit
# one page; the same rule at every channel size, so the target has the same shape at 5,000 and 50,000.
TARGET_DISTRIBUTOR = f"""
MATCH (d:Partner {{type: 'DISTRIBUTOR'}})
WHERE COUNT {{ (d)-[:PARENT_OF]->() }} <= {CHILDREN_PAGE}
  AND NOT EXISTS {{ (d)-[:PARENT_OF]->(c)-[:PARENT_OF]->() WHERE COUNT {{ (c)-[:PARENT_OF]->() }} > {CHILDREN_PAGE} }}
WITH d, COUNT {{ (d)-[:PARENT_OF]->()-[:PARENT_OF]->() }} AS grandchildren
ORDER BY grandchildren DESC, d.id LIMIT 1
RETURN d.id AS partner, grandchildren,
       head(COLLECT {{ MATCH (admin:Person)-[:MEMBER_OF {{role: 'ADMIN'}}]->(d)
                       RETURN admin.id ORDER BY admin.id }}) AS admin
"""
# Q6: the distributors whose subtree holds funds with a PAID claim (so that every figure of the MDF section, roi
# included, is there to compare), ranked by Q2's rule first: those whose two levels of children fit Q2's pages (so at
# 50,000 partners the target has Q2's shape), then those with an influenced deal registration with an order not
# CANCELLED (influencedRevenue, converted from the partners' currencies), then by partners two levels down. Q2's own
# distributor has no funds at 50,000 partners (the seed allocates a budget to 85 % of the distributors with an ACTIVE
# partnership in its program); in the smoke's 400-partner channel one distributor has funds, with more children than
# a page and no influenced order.
TARGET_MDF_DISTRIBUTOR = f"""
MATCH (d:Partner {{type: 'DISTRIBUTOR'}})
WHERE EXISTS {{ (d)-[:PARENT_OF*0..]->(:Partner)<-[:ALLOCATED_TO]-(:FundAllocation)<-[:DRAWS_ON]-(r:FundRequest)
               WHERE EXISTS {{ (r)<-[:CLAIMS]-(:FundClaim {{status: 'PAID'}}) }} }}
WITH d, COUNT {{ (d)-[:PARENT_OF]->() }} <= {CHILDREN_PAGE}
        AND NOT EXISTS {{ (d)-[:PARENT_OF]->(c)-[:PARENT_OF]->()
                         WHERE COUNT {{ (c)-[:PARENT_OF]->() }} > {CHILDREN_PAGE} }} AS fits,
       EXISTS {{ (d)-[:PARENT_OF*0..]->(:Partner)<-[:ALLOCATED_TO]-(:FundAllocation)<-[:DRAWS_ON]-(:FundRequest)
                <-[:INFLUENCED_BY]-(:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(:Quote)
                -[:ORDERED_AS]->(o:Order) WHERE o.status <> 'CANCELLED' }} AS influenced,
       COUNT {{ (d)-[:PARENT_OF]->()-[:PARENT_OF]->() }} AS grandchildren
ORDER BY fits DESC, influenced DESC, grandchildren DESC, d.id LIMIT 1
RETURN d.id AS partner, grandchildren
"""
# Q4: the partner associate with the most deals and cases of their own (submitted / opened or owned).
TARGET_ASSOCIATE = f"""
MATCH (person:Person)-[:MEMBER_OF {{role: 'ASSOCIATE'}}]->(org:Partner)
WITH person, org,
     COUNT {{ (person)<-[:SUBMITTED_BY|OWNED_BY]-(:DealRegistration)-[:REGISTERED_BY]->(org) }} AS deals,
     COUNT {{ (person)<-[:OPENED_BY|OWNED_BY]-(:Case)-[:FOR_PARTNER]->(org) }} AS cases
WHERE deals <= {PORTAL_PAGE} AND cases <= {PORTAL_PAGE} AND cases > 0
RETURN person.id AS person, org.id AS partner, deals, cases ORDER BY deals + cases DESC, person.id LIMIT 1
"""
# Q5: an active partner with an approved program and a served account, registering as its admin.
TARGET_WRITER = """
MATCH (admin:Person)-[:MEMBER_OF {role: 'ADMIN'}]->(p:Partner {status: 'ACTIVE'})-[:SERVES]->(a:Account)
RETURN admin.id AS person, p.id AS partner, a.id AS account ORDER BY p.id, a.id LIMIT 1
"""
ENTERPRISE_ADMIN = ("MATCH (p:Person)-[:EMPLOYED_BY {role: 'ADMIN'}]->(:InternalOrg) "
                    "RETURN p.id AS person ORDER BY p.id LIMIT 1")


@dataclass(frozen=True)
class Targets:
    distributor: str
    distributor_admin: str
    admin: str
    associate: str
    associate_partner: str
    writer: str
    writer_partner: str
    writer_account: str
    now: datetime
    mdf_distributor: str


async def find_targets(session) -> Targets:
    async def one(query: str) -> dict:
        rows = await session.read_transaction(lambda tx: tx.run(query))
        if not rows:
            raise RuntimeError(f"no benchmark target in this channel for:\n{query}")
        return rows[0]

    d, a, w, admin, mdf = (await one(TARGET_DISTRIBUTOR), await one(TARGET_ASSOCIATE), await one(TARGET_WRITER),
                           await one(ENTERPRISE_ADMIN), await one(TARGET_MDF_DISTRIBUTOR))
    return Targets(d["partner"], d["admin"], admin["person"], a["person"], a["partner"], w["person"], w["partner"],
                   w["account"], datetime(2026, 11, 1, tzinfo=UTC), mdf["partner"])


# --- the queries --------------------------------------------------------------------------------------

Q1 = f"""query Q1($partner: ID!) {{
  partner(id: $partner) {{ key children(first: {CHILDREN_PAGE}) {{ pageInfo {{ hasNextPage }} edges {{ node {{
    key children(first: {CHILDREN_PAGE}) {{ pageInfo {{ hasNextPage }} edges {{ node {{
      key name opportunities(status: OPEN, first: {OPPORTUNITY_PAGE}) {{ pageInfo {{ hasNextPage }} edges {{ node {{
        key name stage amount {{ amount currency }} registration {{ account {{ key name }} }}
      }} }} }} }} }} }} }} }} }} }}
}}"""
Q1_FLOOR = """
MATCH (:Partner {id: $partner})-[:PARENT_OF]->(:Partner)-[:PARENT_OF]->(sub:Partner)
MATCH (sub)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
WHERE NOT o.stage IN ['CLOSED_WON', 'CLOSED_LOST']
MATCH (dr)-[:FOR]->(a:Account)
RETURN sub.id AS partner, o.id AS opportunity, o.name AS name, o.amount AS amount, o.currency AS currency,
       a.id AS account, a.name AS accountName
"""

Q2 = """query Q2($partner: ID!, $from: DateTime!, $to: DateTime!) {
  partner(id: $partner) { insights(includeSubtree: true, period: {from: $from, to: $to}) {
    partnersCounted
    pipeline { openCount openValue byStage { stage count value } }
    dealRegistrations { created decided approved conflicts }
    sales { won lost orders revenue }
    cases { opened resolved open openBreached }
    staffByRole { role count }
  } }
}"""
# The floor of Partner 360 is the figures it rests on: the subtree, the opportunities open at `to` and
# the cases opened in the period (the gateway runs one aggregate per section; this is one query).
Q2_FLOOR = """
MATCH (:Partner {id: $partner})-[:PARENT_OF*0..]->(p:Partner)
WITH collect(p) AS partners
RETURN size(partners) AS partnersCounted,
       COUNT { UNWIND partners AS p MATCH (p)<-[:REGISTERED_BY]-(:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
               WHERE o.createdAt < $to AND (o.closedAt IS NULL OR o.closedAt >= $to) RETURN o } AS openCount,
       COUNT { UNWIND partners AS p MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)
               WHERE $from <= dr.createdAt < $to RETURN dr } AS created,
       COUNT { UNWIND partners AS p MATCH (p)<-[:FOR_PARTNER]-(c:Case)
               WHERE $from <= c.openedAt < $to RETURN c } AS opened
"""

Q6 = """query Q6($partner: ID!) {
  partner(id: $partner) { insights(includeSubtree: true, currency: "USD") {
    partnersCounted
    mdf { currency allocated committed claimed paid influencedRevenue roi unconvertedCount }
  } }
}"""
# The floor of Partner 360's MDF section over the target's subtree, by the definitions of
# cypher/insights/reads/mdf.cypher (docs/INSIGHTS.md, "mdf"), in one statement: the enterprise admin sees every
# record, so no visibility check. Each amount is converted into $currency at the latest rate of its pair (direct, or
# the inverse of the opposite pair, whichever is newer) and rounded half-even per record, as the gateway converts
# (the seed's funds are USD, the orders of the influenced registrations are in the partners' currencies).
Q6_FLOOR = """
MATCH (:Partner {id: $partner})-[:PARENT_OF*0..]->(p:Partner)
WITH collect(p) AS partners
CALL () {
  MATCH (x:ExchangeRate) WHERE x.quote = $currency OR x.base = $currency
  WITH CASE WHEN x.quote = $currency THEN x.base ELSE x.quote END AS currency,
       CASE WHEN x.quote = $currency THEN x.rate ELSE 1.0 / x.rate END AS rate ORDER BY x.asOf DESC
  WITH currency, head(collect(rate)) AS rate
  RETURN [{currency: $currency, rate: 1.0}] + collect({currency: currency, rate: rate}) AS rates
}
CALL (partners, rates) {
  UNWIND partners AS p
  MATCH (p)<-[:ALLOCATED_TO]-(a:FundAllocation)
  WHERE NOT EXISTS { (a)-[:DRAWN_FROM]->(:FundAllocation)-[:ALLOCATED_TO]->(up:Partner) WHERE up IN partners }
  WITH a, head([x IN rates WHERE x.currency = a.currency | x.rate]) AS rate
  RETURN sum(toInteger(round(a.amount * rate, 0, 'HALF_EVEN'))) AS allocated, count(a) - count(rate) AS a1
}
CALL (partners) {
  UNWIND partners AS p
  MATCH (p)<-[:ALLOCATED_TO]-(:FundAllocation)<-[:DRAWS_ON]-(r:FundRequest)
  RETURN collect(r) AS requests
}
CALL (requests, rates) {
  UNWIND requests AS r
  WITH r WHERE r.status = 'APPROVED'
  WITH r, head([x IN rates WHERE x.currency = r.currency | x.rate]) AS rate
  RETURN sum(toInteger(round(r.approvedAmount * rate, 0, 'HALF_EVEN'))) AS committed, count(r) - count(rate) AS r1
}
CALL (requests, rates) {
  UNWIND requests AS r
  MATCH (r)<-[:CLAIMS]-(c:FundClaim) WHERE c.status IN ['SUBMITTED', 'APPROVED', 'PAID']
  WITH c, head([x IN rates WHERE x.currency = c.currency | x.rate]) AS rate
  WITH c, toInteger(round(c.amount * rate, 0, 'HALF_EVEN')) AS value
  RETURN sum(value) AS claimed, sum(CASE WHEN c.status = 'PAID' THEN value END) AS paid, count(c) - count(value) AS c1
}
CALL (requests, rates) {
  UNWIND requests AS r
  MATCH (r)<-[:INFLUENCED_BY]-(dr:DealRegistration)
  WITH DISTINCT dr
  MATCH (dr)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(:Quote)-[:ORDERED_AS]->(o:Order)
  WHERE o.status <> 'CANCELLED'
  WITH o, head([x IN rates WHERE x.currency = o.currency | x.rate]) AS rate
  RETURN sum(toInteger(round(o.total * rate, 0, 'HALF_EVEN'))) AS influencedRevenue, count(o) - count(rate) AS o1
}
RETURN size(partners) AS partnersCounted, allocated, committed, claimed, paid, influencedRevenue,
       CASE WHEN paid <> 0 THEN toFloat(influencedRevenue - paid) / paid END AS roi, a1 + r1 + c1 + o1 AS unconverted
"""

Q3 = f"""query Q3 {{
  dealLineages(first: {LINEAGE_PAGE}) {{ pageInfo {{ hasNextPage endCursor }} edges {{ node {{
    registration {{ key name status estimatedAmount {{ amount currency }} lineageChangedAt partner {{ key }} }}
    opportunity {{ key stage amount {{ amount currency }} }}
    quotes {{ key version status total {{ amount currency }} }}
    orders {{ key status }}
  }} }} }}
}}"""
# `IS NOT NULL` lets the planner read the lineageChangedAt index in order, as the gateway's query does.
Q3_FLOOR = f"""
MATCH (dr:DealRegistration) WHERE dr.lineageChangedAt IS NOT NULL
WITH dr ORDER BY dr.lineageChangedAt, dr.id LIMIT {LINEAGE_PAGE}
MATCH (dr)-[:REGISTERED_BY]->(p:Partner)
OPTIONAL MATCH (dr)-[:CONVERTED_TO]->(o:Opportunity)
RETURN dr.id AS registration, dr.name AS name, dr.status AS status, p.id AS partner, o.id AS opportunity,
       COLLECT {{ MATCH (o)-[:QUOTED_AS]->(q:Quote) RETURN q.id }} AS quotes,
       COLLECT {{ MATCH (o)-[:QUOTED_AS]->(:Quote)-[:ORDERED_AS]->(ord:Order) RETURN ord.id }} AS orders
"""

Q4 = f"""query Q4 {{
  viewer {{ persona person {{ name }} organization {{ name ... on Partner {{ key type status
    dealRegistrations(first: {PORTAL_PAGE}) {{ pageInfo {{ hasNextPage }} edges {{ node {{
      key name status estimatedAmount {{ amount currency }} account {{ name }} opportunity {{ stage }} }} }} }}
    cases(first: {PORTAL_PAGE}) {{ pageInfo {{ hasNextPage }} edges {{ node {{
      key number subject status priority sla {{ breached }} }} }} }}
  }} }} }}
}}"""
Q4_FLOOR = """
MATCH (person:Person {id: $person})-[:MEMBER_OF]->(org:Partner)
RETURN org.id AS partner, org.name AS name,
       COLLECT { MATCH (person)<-[:SUBMITTED_BY|OWNED_BY]-(dr:DealRegistration)-[:REGISTERED_BY]->(org)
                 OPTIONAL MATCH (dr)-[:FOR]->(a:Account) OPTIONAL MATCH (dr)-[:CONVERTED_TO]->(o:Opportunity)
                 RETURN DISTINCT {id: dr.id, name: dr.name, status: dr.status, account: a.name,
                                  stage: o.stage} } AS deals,
       COLLECT { MATCH (person)<-[:OPENED_BY|OWNED_BY]-(c:Case)-[:FOR_PARTNER]->(org)
                 RETURN DISTINCT {id: c.id, number: c.number, status: c.status} } AS cases
"""

Q5 = """mutation Q5($input: [CreateDealRegistrationInput!]!) {
  createDealRegistrations(registrations: $input) { registrations { key status } errors { code message field } }
}"""
Q5_FLOOR = """
MATCH (p:Partner {id: $partner}), (a:Account {id: $account}), (prog:Program {id: 'gprog-reseller'}),
      (by:Person {id: $person})
CREATE (dr:DealRegistration {id: $id, name: $name, status: 'DRAFT', estimatedAmount: 100000, currency: 'USD',
                             createdAt: datetime(), updatedAt: datetime(), lineageChangedAt: datetime(), version: 0})
CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(by)
WITH dr MATCH (prod:Product {id: 'gprod-crm'})
CREATE (dr)-[:HAS_LINE]->(:LineItem {id: $id + '-l0', quantity: 2})-[:OF]->(prod)
RETURN dr.id AS registration
"""


@dataclass(frozen=True)
class Case:
    """One benchmark query: who asks, what, and how to read comparable rows from both sides."""

    name: str
    title: str
    person: str
    query: str
    variables: dict
    floor: str
    floor_params: dict
    write: bool = False


def cases(t: Targets, write_id: str = "bench-q5") -> list[Case]:
    to = t.now
    period = {"from": (to - timedelta(days=365)).isoformat(), "to": to.isoformat()}
    five = {"partner": gid("Partner", t.writer_partner), "account": gid("Account", t.writer_account),
            "program": gid("Program", "gprog-reseller"), "name": "Benchmark deal", "estimatedAmount": 100000,
            "currency": "USD", "lines": [{"product": gid("Product", "gprod-crm"), "quantity": 2}]}
    return [
        Case("Q1", "top distributor's sub-resellers' open opportunities", t.distributor_admin, Q1,
             {"partner": gid("Partner", t.distributor)}, Q1_FLOOR, {"partner": t.distributor}),
        Case("Q2", "Partner 360 over a top distributor's subtree", t.admin, Q2,
             {"partner": gid("Partner", t.distributor), **period}, Q2_FLOOR,
             {"partner": t.distributor, "from": to - timedelta(days=365), "to": to}),
        Case("Q3", "one page of 500 deal lineages", t.admin, Q3, {}, Q3_FLOOR, {}),
        Case("Q4", "a partner associate's portal home", t.associate, Q4, {}, Q4_FLOOR, {"person": t.associate}),
        Case("Q5", "submitting a deal registration", t.writer, Q5, {"input": [five]}, Q5_FLOOR,
             {"partner": t.writer_partner, "account": t.writer_account, "person": t.writer, "id": write_id,
              "name": "Benchmark deal (floor)"}, write=True),
        Case("Q6", "Partner 360 MDF over a top distributor's subtree", t.admin, Q6,
             {"partner": gid("Partner", t.mdf_distributor)}, Q6_FLOOR,
             {"partner": t.mdf_distributor, "currency": "USD"}),
    ]


# --- comparable rows ----------------------------------------------------------------------------------

def _edges(connection: dict) -> list[dict]:
    assert not connection["pageInfo"]["hasNextPage"], "the page does not hold every row of the target"
    return [edge["node"] for edge in connection["edges"]]


def gateway_rows(name: str, data: dict) -> object:
    """The rows of a response, in the floor's shape (sets where order is not the point)."""
    if name == "Q1":
        return {(sub["key"], o["key"], o["amount"]["amount"], o["registration"]["account"]["key"])
                for child in _edges(data["partner"]["children"]) for sub in _edges(child["children"])
                for o in _edges(sub["opportunities"])}
    if name == "Q2":
        i = data["partner"]["insights"]
        return {"partnersCounted": i["partnersCounted"], "openCount": i["pipeline"]["openCount"],
                "created": i["dealRegistrations"]["created"], "opened": i["cases"]["opened"]}
    if name == "Q3":
        return [(n["registration"]["key"], n["registration"]["partner"]["key"],
                 n["opportunity"]["key"] if n["opportunity"] else None,
                 tuple(sorted(q["key"] for q in n["quotes"])), tuple(sorted(o["key"] for o in n["orders"])))
                for n in (edge["node"] for edge in data["dealLineages"]["edges"])]
    if name == "Q4":
        org = data["viewer"]["organization"]
        return (org["key"], {(d["key"], d["status"]) for d in _edges(org["dealRegistrations"])},
                {(c["key"], c["number"], c["status"]) for c in _edges(org["cases"])})
    if name == "Q5":
        payload = data["createDealRegistrations"]
        assert not payload["errors"], payload["errors"]
        return [(r["status"]) for r in payload["registrations"]]
    if name == "Q6":
        i = data["partner"]["insights"]
        m = i["mdf"]
        return {"partnersCounted": i["partnersCounted"], "allocated": int(m["allocated"]),
                "committed": int(m["committed"]), "claimed": int(m["claimed"]), "paid": int(m["paid"]),
                "influencedRevenue": int(m["influencedRevenue"]), "roi": m["roi"],
                "unconverted": m["unconvertedCount"]}
    raise KeyError(name)


def floor_rows(name: str, records: list[dict]) -> object:
    if name == "Q1":
        return {(r["partner"], r["opportunity"], r["amount"], r["account"]) for r in records}
    if name in ("Q2", "Q6"):
        return dict(records[0])
    if name == "Q3":
        return [(r["registration"], r["partner"], r["opportunity"], tuple(sorted(r["quotes"])),
                 tuple(sorted(r["orders"])))
                for r in records]
    if name == "Q4":
        r = records[0]
        return (r["partner"], {(d["id"], d["status"]) for d in r["deals"]},
                {(c["id"], c["number"], c["status"]) for c in r["cases"]})
    if name == "Q5":
        return ["DRAFT" for _ in records]
    raise KeyError(name)


def row_count(rows: object) -> int:
    if isinstance(rows, tuple):
        return sum(len(part) for part in rows[1:])
    return len(rows) if isinstance(rows, (list, set)) else 1


# Upper bounds on Cypher round trips per request (viewer lookup included), asserted by the CI smoke:
# Q1 viewer (with the distributor, the admin's own organization), two levels of children, opportunities
# (with their registrations and accounts); Q2 viewer, partner, five sections; Q3 viewer, the page of whole
# lineages, their partners; Q4 viewer (with person and organization), registrations (with opportunities and
# accounts), cases; Q5 viewer, the input checks, the write transaction, its change records (docs/CHANGES.md),
# the payload (docs/BENCHMARKS.md); Q6 viewer, partner, the mdf section (partnersCounted is the section's count).
ROUND_TRIP_BOUNDS = {"Q1": 4, "Q2": 7, "Q3": 3, "Q4": 3, "Q5": 5, "Q6": 4}
