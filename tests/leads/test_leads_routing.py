"""Routing: the order among matching partners, capacity (also under concurrent routing), the reasons a lead stays
NEW, re-routing on rejection (never twice to one partner) and expiry."""

from __future__ import annotations

import asyncio

from graph.leads.writes import NO_PARTNER_LEFT, NO_RULE
from tests.conftest import global_id, write
from tests.leads.conftest import ROUTE

CRM = global_id("Product", "prod-crm")


async def test_routing_order_highest_segment_then_fewest_open_then_round_robin(channel):
    await channel.rules({"name": "resellers", "priority": 10, "capacity": 2,
                         "partnerTypes": ["RESELLER", "SYSTEM_INTEGRATOR"]})
    leads = await channel.leads(*(f"l{n}" for n in range(1, 8)))
    routed = await channel.route(*leads)
    assert [(r["key"], r["status"], r["partner"] and r["partner"]["key"]) for r in routed] == [
        (channel.id("l1"), "ROUTED", channel.id("res1")),  # gold first
        (channel.id("l2"), "ROUTED", channel.id("res1")),  # still under its capacity of 2
        (channel.id("l3"), "ROUTED", channel.id("res2")),  # silver, tied: by id
        (channel.id("l4"), "ROUTED", channel.id("res3")),  # fewest open leads
        (channel.id("l5"), "ROUTED", channel.id("res2")),  # tied again: offered a lead longest ago
        (channel.id("l6"), "ROUTED", channel.id("res3")),  # res2 at capacity
        (channel.id("l7"), "NEW", None),                   # everyone at capacity
    ]
    assert routed[-1]["unroutedReason"] == NO_PARTNER_LEFT


async def test_a_lead_no_rule_matches_stays_new_with_the_reason(channel):
    await channel.rules({"name": "distributors only", "priority": 10, "partnerTypes": ["DISTRIBUTOR"],
                         "program": None})
    (elsewhere,) = await channel.leads("far", country="GL")  # Greenland: no rule names it
    (routed,) = await channel.route(elsewhere)
    assert (routed["status"], routed["unroutedReason"]) == ("NEW", NO_RULE)
    (here,) = await channel.leads("near")
    (routed,) = await channel.route(here)
    assert (routed["status"], routed["partner"]["key"]) == ("ROUTED", channel.id("dist"))


async def test_rules_are_tried_by_priority_and_inactive_ones_route_nothing(channel):
    first, _ = await channel.rules({"name": "integrators", "priority": 1, "partnerTypes": ["SYSTEM_INTEGRATOR"]},
                                   {"name": "resellers", "priority": 2, "partnerTypes": ["RESELLER"]})
    (lead,) = await channel.leads("a")
    (routed,) = await channel.route(lead)
    assert routed["partner"]["key"] == channel.id("res3")
    data = await channel.gql.data("""mutation($r: ID!) { updateLeadRoutingRule(rule: $r, active: false) {
        rule { active } errors { code } } }""", variables={"r": first})
    assert data["updateLeadRoutingRule"] == {"rule": {"active": False}, "errors": []}
    (lead,) = await channel.leads("b")
    (routed,) = await channel.route(lead)
    assert routed["partner"]["key"] == channel.id("res1")


async def test_segment_and_specialization_conditions(channel):
    await channel.rules({"name": "silver CRM specialists", "priority": 1, "requireSpecialization": True,
                         "segments": [channel.gid("Segment", "silver")]})
    (lead,) = await channel.leads("crm", product=CRM)
    (routed,) = await channel.route(lead)
    assert (routed["status"], routed["unroutedReason"]) == ("NEW", NO_RULE)  # nobody declares CRM yet
    data = await channel.gql.data("""mutation($p: ID!, $products: [ID!]!) {
        setPartnerSpecializations(partner: $p, products: $products) {
          partner { key specializations { key } } errors { code } } }""",
                                  person=channel.admin("res3"),
                                  variables={"p": channel.gid("Partner", "res3"),
                                             "products": [CRM]})
    assert data["setPartnerSpecializations"] == {
        "partner": {"key": channel.id("res3"), "specializations": [{"key": "prod-crm"}]}, "errors": []}
    (lead,) = await channel.leads("crm2", product=CRM)
    (routed,) = await channel.route(lead)
    assert routed["partner"]["key"] == channel.id("res3")  # silver and declaring CRM; res1 is gold


async def test_only_new_leads_are_routed_and_a_refused_batch_routes_nothing(channel, session):
    await channel.rules({"name": "all", "priority": 1})
    first, second = await channel.leads("a", "b")
    await channel.route(first)
    status, body = await channel.gql.post(ROUTE, variables={"l": [second, first]})
    assert body["data"]["routeLeads"]["errors"] == [{"code": "INVALID_TRANSITION", "field": ["leads", "1"],
                                                     "message": "only NEW leads are routed; this one is ROUTED"}]
    rows = await write(session, "MATCH (l:Lead {id: $id}) RETURN l.status AS status, l.version AS version",
                       id=channel.id("b"))
    assert rows == [{"status": "NEW", "version": 0}]


async def test_capacity_holds_under_concurrent_routing(channel, session):
    """Six routeLeads calls at once, each wanting places at three partners of capacity one. With the routing lock
    taken first they run one after the other. Without it, two calls can both read the partners' open leads before
    either commits and fill a partner twice: when the lock was removed this test failed in most runs (Neo4j's own
    lock conflicts make some interleavings deadlock and retry, which hides the race); it cannot pass wrongly."""
    await channel.rules({"name": "one each", "priority": 1, "capacity": 1,
                         "partnerTypes": ["RESELLER", "SYSTEM_INTEGRATOR"]})
    leads = await channel.leads(*(f"c{n}" for n in range(12)))
    batches = [leads[n:n + 2] for n in range(0, 12, 2)]
    answers = await asyncio.gather(*(channel.gql.post(ROUTE, variables={"l": b}) for b in batches))
    assert all(status == 200 and body["data"]["routeLeads"]["errors"] == [] for status, body in answers), answers
    rows = await write(session, """
        MATCH (p:Partner) WHERE p.id STARTS WITH $p
        RETURN p.id AS partner, COUNT { (p)<-[:ROUTED_TO]-(:Lead {status: 'ROUTED'}) } AS open ORDER BY partner""",
                       p=channel.prefix)
    assert {r["partner"]: r["open"] for r in rows} == {
        channel.id("dist"): 0, channel.id("res1"): 1, channel.id("res2"): 1, channel.id("res3"): 1,
        channel.id("sub"): 0}


async def test_a_rejected_lead_routes_on_never_twice_to_one_partner_then_expires(channel, session):
    await channel.rules({"name": "resellers", "priority": 1, "partnerTypes": ["RESELLER", "SYSTEM_INTEGRATOR"]})
    (lead,) = await channel.leads("r")
    (routed,) = await channel.route(lead)
    holders = [routed["partner"]["key"]]
    without_reason = await channel.move(lead, "REJECT", channel.admin("res1"))
    assert without_reason["errors"] == [{"code": "VALIDATION", "field": ["reason"], "message": "must not be blank"}]
    for partner in ("res1", "res2", "res3"):
        assert holders[-1] == channel.id(partner)
        moved = await channel.move(lead, "REJECT", channel.admin(partner), reason=f"{partner} is busy")
        assert moved["errors"] == [] and moved["lead"] is None  # routed on: out of the rejecting partner's sight
        rows = await write(session, """MATCH (l:Lead {id: $id})
            RETURN l.status AS status, l.unroutedReason AS reason,
                   head(COLLECT { MATCH (l)-[:ROUTED_TO]->(p) RETURN p.id }) AS holder""", id=channel.id("r"))
        holders.append(rows[0]["holder"])
    assert holders[1:] == [channel.id("res2"), channel.id("res3"), None]
    assert rows == [{"status": "EXPIRED", "reason": NO_PARTNER_LEFT, "holder": None}]
    offers = await write(session, """MATCH (:Lead {id: $id})-[:OFFERED]->(o:LeadOffer)-[:TO]->(p)
        RETURN p.id AS partner, o.outcome AS outcome, o.reason AS reason ORDER BY o.seq""", id=channel.id("r"))
    assert offers == [{"partner": channel.id(p), "outcome": "REJECTED", "reason": f"{p} is busy"}
                      for p in ("res1", "res2", "res3")]
