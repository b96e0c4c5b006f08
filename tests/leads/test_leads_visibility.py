"""Who sees a lead, its routing history, its change records and the routing rules: every persona, before and after
the lead moves on to another partner."""

from __future__ import annotations

import pytest

from tests.conftest import global_id, write

READ = """query($id: ID!) { lead(id: $id) { key offers { partner { key } } } }"""
RULES = "{ leadRoutingRules { key } }"
TRAIL = """query($id: ID!) { lead(id: $id) { auditTrail { edges { node { operation
  fields { field } } } } } }"""


def _viewers(channel) -> dict[str, dict]:
    """Each viewer, as a person of the channel or a demo persona."""
    people = {name: {"person": channel.id(name)} for name in (
        "dist-admin", "dist-manager", "dist-associate", "res1-admin", "res1-manager", "res1-associate",
        "res2-admin", "sub-admin")}
    personas = {name: {"persona": name} for name in (
        "enterprise-admin", "enterprise-executive", "relationship-manager", "partner-agent", "partner-admin")}
    return people | personas


async def test_who_sees_a_routed_lead_and_after_it_moves_on(channel, session):
    await channel.rules({"name": "resellers", "priority": 1, "partnerTypes": ["RESELLER"]})
    (lead,) = await channel.leads("v")
    await channel.route(lead)
    viewers = _viewers(channel)

    async def seeing() -> set[str]:
        seen = set()
        for name, who in viewers.items():
            data = await channel.gql.data(READ, variables={"id": lead}, **who)
            if data["lead"] is not None:
                seen.add(name)
        return seen

    # Routed to res1: its admins and managers, those of its ancestor, the enterprise; not its unassigned
    # associate, a sibling, the partner below it, a partner agent, other partners, or a relationship manager of
    # other partners.
    assert await seeing() == {"dist-admin", "dist-manager", "res1-admin", "res1-manager", "enterprise-admin",
                              "enterprise-executive"}
    await write(session, """MATCH (rm:Person {id: 'demo-relationship-manager'}), (p:Partner {id: $id})
        CREATE (rm)-[:MANAGES]->(p)""", id=channel.id("dist"))
    assert "relationship-manager" in await seeing()
    await channel.move(lead, "REJECT", channel.admin("res1"), reason="not our region")
    assert await seeing() == {"dist-admin", "dist-manager", "res2-admin", "enterprise-admin", "enterprise-executive",
                              "relationship-manager"}
    # The new holder sees only its own offer; the distributor above both sees both.
    res2 = await channel.gql.data(READ, person=channel.admin("res2"), variables={"id": lead})
    assert res2["lead"]["offers"] == [{"partner": {"key": channel.id("res2")}}]
    dist = await channel.gql.data(READ, person=channel.admin("dist"), variables={"id": lead})
    assert [o["partner"]["key"] for o in dist["lead"]["offers"]] == [channel.id("res1"), channel.id("res2")]


async def test_a_partner_reads_only_the_records_of_its_own_time_with_the_lead(channel):
    await channel.rules({"name": "resellers", "priority": 1, "partnerTypes": ["RESELLER"]})
    (lead,) = await channel.leads("t")
    await channel.route(lead)
    await channel.move(lead, "REJECT", channel.admin("res1"), reason="busy")
    await channel.move(lead, "ACCEPT", channel.admin("res2"))
    mine = await channel.gql.data(TRAIL, person=channel.admin("res2"), variables={"id": lead})
    operations = [e["node"]["operation"] for e in mine["lead"]["auditTrail"]["edges"]]
    # Newest first: the acceptance, and the rejection that routed it here (res1's record names res1: not shown).
    assert operations == ["STATE_CHANGED"]
    everything = await channel.gql.data(TRAIL, variables={"id": lead})
    assert [e["node"]["operation"] for e in everything["lead"]["auditTrail"]["edges"]] == [
        "STATE_CHANGED", "UPDATED", "STATE_CHANGED", "CREATED"]
    fields = {f["field"] for e in mine["lead"]["auditTrail"]["edges"] for f in e["node"]["fields"]}
    assert "partner" not in fields


@pytest.mark.parametrize("persona,sees", [("enterprise-admin", True), ("enterprise-executive", True),
                                          ("relationship-manager", True), ("partner-agent", True),
                                          ("partner-admin", False), ("partner-manager", False),
                                          ("partner-associate", False)])
async def test_routing_rules_are_the_enterprise_s(channel, persona, sees):
    (rule,) = await channel.rules({"name": "secret", "priority": 1})
    data = await channel.gql.data(RULES, persona=persona)
    assert (rule in [global_id("LeadRoutingRule", r["key"]) for r in data["leadRoutingRules"]]) is sees
    node = await channel.gql.data("query($id: ID!) { node(id: $id) { id } }", persona=persona, variables={"id": rule})
    assert (node["node"] is not None) is sees


async def test_partner_leads_and_the_inbox(channel):
    await channel.rules({"name": "resellers", "priority": 1, "partnerTypes": ["RESELLER"], "capacity": 1})
    a, b, c = await channel.leads("a", "b", "c")
    await channel.route(a, b)  # a → res1, b → res2; c stays NEW
    tree = await channel.gql.data("""query($id: ID!) { partner(id: $id) { children { edges { node { key
        leads(statuses: [ROUTED, ACCEPTED]) { edges { node { key } } } } } } } }""",
                                  person=channel.admin("dist"), variables={"id": channel.gid("Partner", "dist")})
    leads = {e["node"]["key"]: [x["node"]["key"] for x in e["node"]["leads"]["edges"]]
             for e in tree["partner"]["children"]["edges"]}
    assert leads == {channel.id("res1"): [channel.id("a")], channel.id("res2"): [channel.id("b")],
                     channel.id("res3"): []}
    inbox = """query($f: LeadFilter) { leads(filter: $f) { edges { node { key status } } } }"""
    enterprise = await channel.gql.data(inbox, variables={"f": {"country": "IS", "statuses": ["NEW"]}})
    assert [e["node"]["key"] for e in enterprise["leads"]["edges"]
            if e["node"]["key"].startswith(channel.prefix)] == [channel.id("c")]
    partner = await channel.gql.data(inbox, person=channel.admin("res1"), variables={"f": None})
    assert [e["node"]["key"] for e in partner["leads"]["edges"]] == [channel.id("a")]
    subtree = await channel.gql.data(inbox, variables={"f": {"partnerSubtree": channel.gid("Partner", "dist")}})
    assert [e["node"]["key"] for e in subtree["leads"]["edges"]] == [channel.id("a"), channel.id("b")]
    status, body = await channel.gql.post(inbox, variables={"f": {"country": "Iceland"}})
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION"
