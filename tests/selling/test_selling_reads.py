"""Selling reads over the demo data: what each persona sees, lineage both ways, money in a reporting
currency, nested partner views and their round-trip bound."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import global_id

REG = """query($id: ID!) { dealRegistration(id: $id) { key name status estimatedAmount { amount currency }
  partner { key } account { key } program { key } submittedBy { key }
  lines { quantity product { key sku } } comments { body visibility author { key } }
  conflicts { reason registration { key } } decision { reason decidedBy { key } } } }"""


def _keys(connection: dict) -> list[str]:
    return [edge["node"]["key"] for edge in connection["edges"]]


@pytest.mark.parametrize("persona, visible", [
    ("enterprise-admin", True), ("enterprise-executive", True), ("relationship-manager", True),
    ("partner-agent", False), ("partner-admin", True), ("partner-manager", True), ("partner-associate", False),
])
async def test_who_sees_a_fabrikam_registration(gql, persona, visible):
    data = await gql.data(REG, persona=persona,
                          variables={"id": global_id("DealRegistration", "dr-demo-fabrikam-submitted")})
    assert (data["dealRegistration"] is not None) is visible


async def test_work_notes_are_hidden_from_partners(gql):
    gid = {"id": global_id("DealRegistration", "dr-demo-fabrikam-submitted")}
    enterprise = (await gql.data(REG, persona="relationship-manager", variables=gid))["dealRegistration"]
    assert [c["visibility"] for c in enterprise["comments"]] == ["PARTNER", "INTERNAL"]
    for persona in ("partner-admin", "partner-manager"):
        partner = (await gql.data(REG, persona=persona, variables=gid))["dealRegistration"]
        assert [c["visibility"] for c in partner["comments"]] == ["PARTNER"]


async def test_associate_sees_only_their_own_and_conflict_partner_stays_hidden(gql):
    gid = {"id": global_id("DealRegistration", "dr-demo-tailspin-conflict")}
    own = (await gql.data(REG, persona="partner-associate", variables=gid))["dealRegistration"]
    assert own["submittedBy"]["key"] == "demo-partner-associate"
    # The competing registration (Proseware's) is outside Tina's scope: the conflict shows, the other deal does not.
    assert [c["registration"] for c in own["conflicts"]] == [None]
    assert [c["body"] for c in own["comments"]] == ["Acme asked us directly for the upgrade."]
    admin = (await gql.data(REG, persona="enterprise-admin", variables=gid))["dealRegistration"]
    assert [c["registration"]["key"] for c in admin["conflicts"]] == ["dr-demo-proseware-approved"]
    # The other side sees the conflict too (either way round).
    other = (await gql.data(REG, persona="enterprise-admin",
                            variables={"id": global_id("DealRegistration", "dr-demo-proseware-approved")}))
    assert [c["registration"]["key"] for c in other["dealRegistration"]["conflicts"]] == ["dr-demo-tailspin-conflict"]


async def test_sub_reseller_never_sees_parent_or_sibling_deals(gql):
    query = """query($p: ID!) { partner(id: $p) { dealRegistrations { edges { node { key } } } } }"""
    # Fabrikam's manager sees Fabrikam's and Litware's (a child) deals, not Contoso's (the parent).
    fabrikam = await gql.data(query, persona="partner-manager", variables={"p": global_id("Partner", "p-fabrikam")})
    assert _keys(fabrikam["partner"]["dealRegistrations"]) == ["dr-demo-fabrikam-globex", "dr-demo-fabrikam-submitted"]
    contoso = await gql.data(query, persona="partner-manager", variables={"p": global_id("Partner", "p-contoso")})
    assert contoso["partner"] is None
    litware = await gql.data(query, persona="partner-manager", variables={"p": global_id("Partner", "p-litware")})
    assert _keys(litware["partner"]["dealRegistrations"]) == ["dr-demo-litware-initech", "dr-demo-litware-review"]
    # Tailspin's associate sees Tailspin (own org) but only their own records there.
    tailspin = await gql.data(query, persona="partner-associate", variables={"p": global_id("Partner", "p-tailspin")})
    assert sorted(_keys(tailspin["partner"]["dealRegistrations"])) == ["dr-demo-tailspin-conflict",
                                                                      "dr-demo-tailspin-draft"]
    agent = await gql.data(query, persona="partner-agent", variables={"p": global_id("Partner", "p-fabrikam")})
    assert _keys(agent["partner"]["dealRegistrations"]) == []


LINEAGE = """query($id: ID!) { dealLineage(id: $id) { registration { key status closureCode partner { key } }
  opportunity { key stage isOpen } quotes { key version status revises { key } total { amount currency } }
  orders { key status total { amount currency } registration { key } partner { key } } } }"""


async def test_lineage_from_any_record_both_ways(gql):
    for type_name, key in [("DealRegistration", "dr-demo-fabrikam-globex"), ("Opportunity", "opp-demo-globex-erp"),
                           ("Quote", "q-demo-globex-1"), ("Order", "ord-demo-globex")]:
        data = await gql.data(LINEAGE, persona="partner-admin", variables={"id": global_id(type_name, key)})
        lineage = data["dealLineage"]
        assert lineage["registration"] == {"key": "dr-demo-fabrikam-globex", "status": "CLOSED",
                                           "closureCode": "CONVERTED", "partner": {"key": "p-fabrikam"}}
        assert lineage["opportunity"] == {"key": "opp-demo-globex-erp", "stage": "CLOSED_WON", "isOpen": False}
        assert [q["key"] for q in lineage["quotes"]] == ["q-demo-globex-1"]
        assert lineage["orders"] == [{"key": "ord-demo-globex", "status": "FULFILLED",
                                      "total": {"amount": 2280000, "currency": "USD"},
                                      "registration": {"key": "dr-demo-fabrikam-globex"},
                                      "partner": {"key": "p-fabrikam"}}]
    hidden = await gql.data(LINEAGE, persona="partner-associate",
                            variables={"id": global_id("Order", "ord-demo-globex")})
    assert hidden["dealLineage"] is None
    versions = await gql.data(LINEAGE, variables={"id": global_id("Quote", "q-demo-initech-2")})
    assert [(q["key"], q["revises"]) for q in versions["dealLineage"]["quotes"]] == [
        ("q-demo-initech-2", {"key": "q-demo-initech-1"}), ("q-demo-initech-1", None)]
    node = await gql.data("""query($id: ID!) { node(id: $id) { ... on Order { key quote { key } } } }""",
                          variables={"id": global_id("Order", "ord-demo-kauri")})
    assert node["node"] == {"key": "ord-demo-kauri", "quote": {"key": "q-demo-kauri-1"}}


async def test_money_beyond_32_bits_and_in_a_reporting_currency(gql):
    query = """query($a: ID!, $b: ID!, $c: ID!) {
      a: dealRegistration(id: $a) { estimatedAmount { amount currency usd: in(currency: "USD") { amount }
                                                      nzd: in(currency: "NZD") { amount } } }
      b: dealRegistration(id: $b) { estimatedAmount { amount usd: in(currency: "USD") { amount currency }
                                                      eur: in(currency: "eur") { amount }
                                                      jpy: in(currency: "JPY") { amount } } }
      c: dealRegistration(id: $c) { estimatedAmount { amount usd: in(currency: "USD") { amount } } } }"""
    status, body = await gql.post(query, variables={
        "a": global_id("DealRegistration", "dr-demo-contoso-initech"),
        "b": global_id("DealRegistration", "dr-demo-lyon-rejected"),
        "c": global_id("DealRegistration", "dr-demo-kiwi-kauri")})
    assert status == 200 and "errors" not in body, body
    a, b, c = body["data"]["a"], body["data"]["b"], body["data"]["c"]
    assert a["estimatedAmount"] == {"amount": 5_000_000_000, "currency": "USD", "usd": {"amount": 5_000_000_000},
                                    "nzd": {"amount": 8_250_000_000}}
    # The latest EUR→USD rate (1.08, not the older 1.05); no rate to JPY reads as null.
    assert b["estimatedAmount"] == {"amount": 800000, "usd": {"amount": 864000, "currency": "USD"},
                                    "eur": {"amount": 800000}, "jpy": None}
    # NZD→USD through the inverse of USD→NZD 1.65.
    assert c["estimatedAmount"]["usd"] == {"amount": round(1_500_000 / 1.65)}
    # viewer + the registrations + one batch for every rate of the request.
    assert body["extensions"]["cypher"]["roundTrips"] == 3


async def test_partner_views_filter_by_status(gql):
    query = """query($p: ID!) { partner(id: $p) {
      open: opportunities(status: OPEN) { edges { node { key } } }
      closed: opportunities(status: CLOSED) { edges { node { key } } }
      won: opportunities(stage: CLOSED_WON) { edges { node { key } } }
      quotes { edges { node { key } } } orders(status: FULFILLED) { edges { node { key } } }
      approved: dealRegistrations(status: APPROVED) { edges { node { key } } } } }"""
    fabrikam = (await gql.data(query, variables={"p": global_id("Partner", "p-fabrikam")}))["partner"]
    assert _keys(fabrikam["open"]) == [] and _keys(fabrikam["closed"]) == ["opp-demo-globex-erp"]
    assert _keys(fabrikam["won"]) == ["opp-demo-globex-erp"] and _keys(fabrikam["quotes"]) == ["q-demo-globex-1"]
    assert _keys(fabrikam["orders"]) == ["ord-demo-globex"] and _keys(fabrikam["approved"]) == []
    litware = (await gql.data(query, variables={"p": global_id("Partner", "p-litware")}))["partner"]
    assert _keys(litware["open"]) == ["opp-demo-initech-crm"]
    assert _keys(litware["quotes"]) == ["q-demo-initech-crm-1", "q-demo-initech-crm-2"]


# Pages of 10: quotes, a plain list, count as a default page each in the cost estimate (schema/shared/limits.py).
DEEP = """query($p: ID!) { partner(id: $p) { name descendants(first: 10) { edges { node { name
  opportunities(status: OPEN, first: 10) { edges { node { key stage amount { amount in(currency: "EUR") { amount } }
    registration { key } quotes { key status total { amount } order { key status } } } } } } } } } }"""


async def test_deep_distributor_query_round_trips_do_not_grow_with_data(gql, session):
    """distributor → sub-resellers → open opportunities → quotes → order: the same round trips for a
    subtree with one open opportunity and for one with several more."""
    small = await gql.round_trips(DEEP, persona="relationship-manager",
                                  variables={"p": global_id("Partner", "p-fabrikam")})
    before = await gql.data(DEEP, persona="relationship-manager", variables={"p": global_id("Partner", "p-northwind")})
    large = await gql.round_trips(DEEP, persona="relationship-manager",
                                  variables={"p": global_id("Partner", "p-northwind")})
    opportunities = [e for d in before["partner"]["descendants"]["edges"] for e in d["node"]["opportunities"]["edges"]]
    assert len(opportunities) >= 2  # Contoso's and Litware's open opportunities, at depths 1 and 3
    # viewer, partner, descendants, opportunities (with their registrations), quotes, order, exchange rates
    assert small == large == 7


LINEAGES = """query($first: Int!) { dealLineages(first: $first) { pageInfo { hasNextPage endCursor }
  edges { node { registration { key partner { name } account { name } }
    opportunity { key stage } quotes { key total { amount usd: in(currency: "USD") { amount } } }
    orders { key status } } } } }"""


async def test_bulk_lineages_cost_the_same_round_trips_for_few_and_many(gql):
    few = await gql.post(LINEAGES, variables={"first": 2})
    many = await gql.post(LINEAGES, variables={"first": 50})
    edges = many[1]["data"]["dealLineages"]["edges"]
    assert len(edges) >= 14 and len(few[1]["data"]["dealLineages"]["edges"]) == 2
    assert sum(len(e["node"]["orders"]) for e in edges) >= 2
    # viewer, the page (with opportunities, quotes and orders), partners, accounts, exchange rates
    trips = [body["extensions"]["cypher"]["roundTrips"] for _, body in (few, many)]
    assert trips[1] == 5 and trips[0] <= trips[1]


async def test_bulk_lineages_paginate_by_change_time(gql):
    seen: list[str] = []
    after = None
    query = """query($after: String) { dealLineages(first: 4, after: $after, status: CLOSED) {
      pageInfo { hasNextPage endCursor } edges { node { registration { key status } } } } }"""
    while True:
        page = (await gql.data(query, persona="enterprise-executive", variables={"after": after}))["dealLineages"]
        seen += [e["node"]["registration"]["key"] for e in page["edges"]]
        assert {e["node"]["registration"]["status"] for e in page["edges"]} <= {"CLOSED"}
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) and {"dr-demo-fabrikam-globex", "dr-demo-alpine-expired"} <= set(seen)


async def test_lineage_pages_keep_sub_millisecond_order(gql, session):
    """Three registrations changed within one millisecond, ids in the opposite order: the cursor keeps the
    full precision of `lineageChangedAt`, so paging one at a time returns each once, in time order."""
    ids = ["dr-test-usec-c", "dr-test-usec-b", "dr-test-usec-a"]
    since = datetime(2031, 1, 1, 12, 0, 0, 1000, tzinfo=UTC)
    await session.write_transaction(lambda tx: tx.run(
        """MATCH (template:DealRegistration {id: 'dr-demo-fabrikam-globex'})-[:REGISTERED_BY]->(p:Partner),
                 (template)-[:FOR]->(a:Account), (template)-[:IN]->(prog:Program),
                 (template)-[:SUBMITTED_BY]->(by:Person)
           UNWIND range(0, size($ids) - 1) AS i
           CREATE (dr:DealRegistration {id: $ids[i], name: 'Precision ' + i, status: 'DRAFT', estimatedAmount: 100,
                   currency: 'USD', createdAt: $since, updatedAt: $since, version: 0,
                   lineageChangedAt: $since + duration({nanoseconds: 100000 * i})})
           CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(by)""",
        ids=ids, since=since))
    try:
        query = """query($after: String, $since: DateTime!) {
          dealLineages(first: 1, after: $after, changedSince: $since) {
          pageInfo { hasNextPage endCursor } edges { node { registration { key } } } } }"""
        seen, after = [], None
        while True:
            page = (await gql.data(query, persona="enterprise-admin",
                                   variables={"after": after, "since": since.isoformat()}))["dealLineages"]
            seen += [e["node"]["registration"]["key"] for e in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert seen == ids
    finally:
        await session.write_transaction(lambda tx: tx.run(
            "MATCH (dr:DealRegistration) WHERE dr.id IN $ids DETACH DELETE dr", ids=ids))


async def test_a_cursor_of_another_connection_is_refused_by_lineages(gql):
    partners = await gql.data("{ partners(first: 1) { pageInfo { endCursor } } }", persona="enterprise-admin")
    status, body = await gql.post("query($after: String) { dealLineages(first: 1, after: $after) { "
                                  "edges { cursor } } }",
                                  persona="enterprise-admin",
                                  variables={"after": partners["partners"]["pageInfo"]["endCursor"]})
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION"
    assert "dealLineages" in body["errors"][0]["message"]
