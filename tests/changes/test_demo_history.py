"""The demo's change history (cypher/demo/05_changes.cypher): the first 25 seqs of the log, which each persona
reads as the change log's visibility rule says, enterprise-only parts for enterprise staff only."""

from __future__ import annotations

from tests.conftest import global_id

DEMO_RECORDS = 25
FEED = """{ changes(first: 100) { edges { node { seq entityType entityKey operation fromState toState
  actor { key persona } fields { field enterpriseOnly } } } } }"""
TRAIL = """query($id: ID!) { auditTrail(entity: $id, filter: {until: "2026-06-01T00:00:00Z"}) { edges { node {
  operation toState actor { key } fields { field new enterpriseOnly } } } } }"""


async def _demo_feed(gql, persona):
    edges = (await gql.data(FEED, persona=persona))["changes"]["edges"]
    return [edge["node"] for edge in edges if edge["node"]["seq"] <= DEMO_RECORDS]


async def test_the_demo_history_is_the_start_of_the_log(gql):
    feed = await _demo_feed(gql, "enterprise-admin")
    assert [c["seq"] for c in feed] == list(range(1, DEMO_RECORDS + 1))
    assert {c["entityType"] for c in feed} == {"Partner", "Partnership", "Case", "DealRegistration", "DealComment",
                                                "Opportunity"}
    assert {c["operation"] for c in feed} == {"CREATED", "RELATED", "STATE_CHANGED", "DELETED"}
    assert ("dr-demo-contoso-withdrawn", "DELETED") in {(c["entityKey"], c["operation"]) for c in feed}


async def test_partners_read_their_branch_of_the_demo_history(gql):
    everything = {c["seq"]: c for c in await _demo_feed(gql, "enterprise-admin")}
    contoso = await _demo_feed(gql, "partner-admin")  # Contoso and Fabrikam below it
    keys = {c["entityKey"] for c in contoso}
    assert "dr-demo-contoso-withdrawn" in keys and "dr-demo-fabrikam-submitted" in keys and "p-fabrikam" in keys
    assert "dr-demo-lyon-rejected" not in keys  # Lyon is in another branch
    assert "cmt-demo-2" not in keys and "cmt-demo-2" in {c["entityKey"] for c in everything.values()}  # a work note
    assert all(not f["enterpriseOnly"] for c in contoso for f in c["fields"])
    assert all(everything[c["seq"]]["entityKey"] == c["entityKey"] for c in contoso)


async def test_a_rejection_keeps_its_reason_from_partners(gql):
    rejected = global_id("DealRegistration", "dr-demo-lyon-rejected")
    trail = [e["node"] for e in (await gql.data(TRAIL, variables={"id": rejected}))["auditTrail"]["edges"]]
    assert [n["toState"] for n in trail] == ["REJECTED", "UNDER_REVIEW", "SUBMITTED", None]
    reason = {f["field"]: f for f in trail[0]["fields"]}["decisionReason"]
    assert reason == {"field": "decisionReason", "new": "The account is served directly by the enterprise.",
                      "enterpriseOnly": True}
    lyon = [e["node"] for e in (await gql.data(TRAIL, person="p-lyon-admin", variables={"id": rejected}))
            ["auditTrail"]["edges"]]
    assert [n["toState"] for n in lyon] == [n["toState"] for n in trail]
    assert "decisionReason" not in {f["field"] for n in lyon for f in n["fields"]}
