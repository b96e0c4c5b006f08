"""Nested reads of leads stay at one round trip per relation field per level, however many partners and leads;
and the refusals of bad input to the leads mutations, typed and writing nothing."""

from __future__ import annotations

from tests.conftest import global_id, write
from tests.leads.conftest import CREATE_LEADS, CREATE_RULES

TREE = """query($id: ID!) { partner(id: $id) { children { edges { node { key
  leads(statuses: [ACCEPTED, CONVERTED]) { edges { node { key status
    registration { key status account { key name } } } } } } } } } }"""


async def test_a_distributors_resellers_leads_with_their_registrations_cost_one_round_trip_per_level(channel):
    await channel.rules({"name": "resellers", "priority": 1, "partnerTypes": ["RESELLER", "SYSTEM_INTEGRATOR"],
                         "capacity": 2})
    dist = channel.gid("Partner", "dist")
    convert = """mutation($id: ID!, $p: ID!) { convertLead(lead: $id, program: $p) { errors { code } } }"""

    async def accept_and_convert(names: list[str], converted: set[str]) -> None:
        leads = await channel.leads(*names)
        for lead, name, row in zip(leads, names, await channel.route(*leads), strict=True):
            holder = row["partner"]["key"].removeprefix(channel.prefix + "-")
            await channel.move(lead, "ACCEPT", channel.admin(holder))
            if name in converted:
                data = await channel.gql.data(convert, person=channel.admin(holder),
                                              variables={"id": lead, "p": channel.gid("Program", "prog")})
                assert data["convertLead"]["errors"] == []

    async def tree() -> tuple[list[tuple[str, str, bool]], int]:
        status, body = await channel.gql.post(TREE, person=channel.admin("dist"), variables={"id": dist})
        assert status == 200 and "errors" not in body, body
        shown = sorted((lead["node"]["key"], lead["node"]["status"], bool(lead["node"]["registration"]))
                       for child in body["data"]["partner"]["children"]["edges"]
                       for lead in child["node"]["leads"]["edges"])
        return shown, body["extensions"]["cypher"]["roundTrips"]

    # viewer + partner + children + leads + registration (its account read along: a companion), for one lead as for
    # six over three partners
    await accept_and_convert(["w0"], {"w0"})
    assert await tree() == ([(channel.id("w0"), "CONVERTED", True)], 5)
    await accept_and_convert([f"w{n}" for n in range(1, 6)], {"w2", "w4"})
    assert await tree() == (sorted((channel.id(f"w{n}"), "CONVERTED" if n % 2 == 0 else "ACCEPTED", n % 2 == 0)
                                   for n in range(6)), 5)


async def test_bad_leads_are_refused_with_typed_errors_and_nothing_written(channel, session):
    bad = [channel.lead_input("a", country="XX", contactEmail="nobody", estimatedAmount=-1, currency="EURO",
                              name=" ", product=global_id("Product", "no-such-product")),
           channel.lead_input("a", source="EVENT"), channel.lead_input("ok", key="bad key!")]
    data = await channel.gql.data(CREATE_LEADS, variables={"l": bad})
    assert sorted((e["code"], ".".join(e["field"])) for e in data["createLeads"]["errors"]) == [
        ("VALIDATION", "leads.0.contactEmail"), ("VALIDATION", "leads.0.country"), ("VALIDATION", "leads.0.currency"),
        ("VALIDATION", "leads.0.estimatedAmount"), ("VALIDATION", "leads.0.name"), ("VALIDATION", "leads.2.key")]
    data = await channel.gql.data(CREATE_LEADS, variables={"l": [channel.lead_input("a"), channel.lead_input("a"),
                                                                 channel.lead_input("b", product=global_id(
                                                                     "Product", "no-such-product"))]})
    assert sorted((e["code"], ".".join(e["field"])) for e in data["createLeads"]["errors"]) == [
        ("CONFLICT", "leads.1.key"), ("NOT_FOUND", "leads.2.product")]
    assert await write(session, "MATCH (l:Lead) WHERE l.id STARTS WITH $p RETURN count(l) AS n",
                       p=channel.prefix) == [{"n": 0}]


async def test_bad_routing_rules_are_refused_with_typed_errors_and_nothing_written(channel, session):
    other = global_id("Segment", "seg-reseller-gold")
    rules = [{"key": channel.id("r0"), "name": "r", "priority": -1, "capacity": 0, "acceptHours": 0,
              "countries": ["Iceland"]},
             {"key": channel.id("r1"), "name": "r", "priority": 1, "segments": [channel.gid("Segment", "gold")]},
             {"key": channel.id("r2"), "name": "r", "priority": 1, "program": channel.gid("Program", "prog"),
              "segments": [other]},
             {"key": channel.id("r3"), "name": "r", "priority": 1, "program": global_id("Program", "no-such")}]
    data = await channel.gql.data(CREATE_RULES, variables={"r": rules})
    assert sorted((e["code"], ".".join(e["field"])) for e in data["createLeadRoutingRules"]["errors"]) == [
        ("VALIDATION", "rules.0.acceptHours"), ("VALIDATION", "rules.0.capacity"),
        ("VALIDATION", "rules.0.countries.0"), ("VALIDATION", "rules.0.priority")]
    data = await channel.gql.data(CREATE_RULES, variables={"r": rules[1:]})
    assert sorted((e["code"], ".".join(e["field"])) for e in data["createLeadRoutingRules"]["errors"]) == [
        ("NOT_FOUND", "rules.2.program"), ("VALIDATION", "rules.0.segments"), ("VALIDATION", "rules.1.segments")]
    assert await write(session, "MATCH (r:LeadRoutingRule) WHERE r.id STARTS WITH $p RETURN count(r) AS n",
                       p=channel.prefix) == [{"n": 0}]
