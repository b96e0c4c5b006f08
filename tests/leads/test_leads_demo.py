"""The demo's leads as each persona sees them (cypher/demo/06_leads.cypher), and the demo lineage that starts at a
lead."""

from __future__ import annotations

import pytest

from tests.conftest import global_id

INBOX = """{ leads(first: 100) { edges { node { key status } } } }"""
US = {"lead-demo-routed", "lead-demo-handed", "lead-demo-accepted", "lead-demo-rerouted", "lead-demo-converted"}
ALL = US | {"lead-demo-new", "lead-demo-unroutable", "lead-demo-expired", "lead-demo-disqualified"}


@pytest.mark.parametrize("persona,keys", [
    ("enterprise-admin", ALL),
    ("enterprise-executive", ALL),
    ("relationship-manager", US),  # Northwind's subtree
    ("partner-agent", set()),
    ("partner-admin", US - {"lead-demo-rerouted"}),  # Contoso and below: not Proseware, its sibling
    ("partner-manager", {"lead-demo-routed", "lead-demo-handed", "lead-demo-converted"}),  # Fabrikam and below
    ("partner-associate", {"lead-demo-handed"}),  # assigned to Tina
])
async def test_each_persona_sees_the_demo_leads_its_hierarchy_allows(gql, persona, keys):
    data = await gql.data(INBOX, persona=persona)
    assert {e["node"]["key"] for e in data["leads"]["edges"] if e["node"]["key"].startswith("lead-demo-")} == keys


async def test_every_lasting_status_is_in_the_demo(gql):
    data = await gql.data(INBOX)
    statuses = {e["node"]["status"] for e in data["leads"]["edges"] if e["node"]["key"].startswith("lead-demo-")}
    assert statuses == {"NEW", "ROUTED", "ACCEPTED", "EXPIRED", "CONVERTED", "DISQUALIFIED"}


async def test_the_demo_lineage_starts_at_a_lead(gql):
    data = await gql.data("""query($id: ID!) { dealLineage(id: $id) { lead { key partner { key } }
        registration { key } opportunity { key } } }""", persona="partner-manager",
                          variables={"id": global_id("DealRegistration", "dr-demo-fabrikam-globex")})
    lineage = data["dealLineage"]
    assert lineage["lead"] == {"key": "lead-demo-converted", "partner": {"key": "p-fabrikam"}}
    assert lineage["registration"]["key"] == "dr-demo-fabrikam-globex" and lineage["opportunity"] is not None


async def test_the_demo_handed_down_lead_keeps_its_chain(gql):
    data = await gql.data("""{ lead(id: "%s") { status assignee { key } offers { outcome partner { key }
        handedOffBy { key } rule { key } } } }""" % global_id("Lead", "lead-demo-handed"), persona="partner-manager")
    assert data["lead"] == {"status": "ROUTED", "assignee": {"key": "demo-partner-associate"}, "offers": [
        {"outcome": "HANDED_OFF", "partner": {"key": "p-fabrikam"}, "handedOffBy": None, "rule": None},
        {"outcome": "PENDING", "partner": {"key": "p-tailspin"}, "handedOffBy": {"key": "p-fabrikam"}, "rule": None}]}
