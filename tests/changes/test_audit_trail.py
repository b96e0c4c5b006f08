"""Audit trails: an entity's records newest first, as the viewer may see the entity; enterprise-only fields and
records never reach partners; filters by actor, operation and time; a deleted draft keeps its tombstone."""

from __future__ import annotations

import uuid

import pytest
from strawberry import relay

from tests.change_log import mutate
from tests.conftest import global_id, write
from tests.selling.test_selling_flow import COMMENT, CREATE, DELETE, MOVE, _deal

TRAIL = """query($id: ID!, $filter: AuditTrailFilter) { auditTrail(entity: $id, filter: $filter) { edges { node {
  operation fromState toState actor { key persona } entityType entityKey
  fields { field old new enterpriseOnly } } } } }"""
NESTED = """query($id: ID!) { dealRegistration(id: $id) { auditTrail(first: 2) {
  edges { node { operation toState } } pageInfo { hasNextPage endCursor } } } }"""


@pytest.fixture
async def deal(gql, session):
    prefix = f"t-trail-{uuid.uuid4().hex[:8]}"
    (reg,) = (await mutate(gql, "partner-manager", CREATE, r=[_deal(f"{prefix}-a")]))["registrations"]
    await mutate(gql, "partner-manager", MOVE, id=reg["id"], move="SUBMIT")
    await mutate(gql, "enterprise-admin", MOVE, id=reg["id"], move="START_REVIEW")
    await mutate(gql, "enterprise-admin", MOVE, id=reg["id"], move="APPROVE", reason="strong fit")
    await mutate(gql, "enterprise-admin", COMMENT, id=reg["id"], body="margin thin", v="INTERNAL")
    yield reg["id"]
    await write(session, "MATCH (dr:DealRegistration) WHERE dr.id STARTS WITH $p "
                "OPTIONAL MATCH (dr)-[:HAS_LINE]->(li) OPTIONAL MATCH (c:Comment)-[:ON]->(dr) DETACH DELETE dr, li, c",
                p=prefix)


async def _trail(gql, gid, persona, filter=None):
    data = await gql.data(TRAIL, persona=persona, variables={"id": gid, "filter": filter})
    return [edge["node"] for edge in data["auditTrail"]["edges"]]


async def test_the_trail_is_newest_first_with_enterprise_fields_for_enterprise_staff(gql, deal):
    trail = await _trail(gql, deal, "enterprise-admin")
    assert [(n["operation"], n["toState"]) for n in trail] == [
        ("STATE_CHANGED", "APPROVED"), ("STATE_CHANGED", "UNDER_REVIEW"), ("STATE_CHANGED", "SUBMITTED"),
        ("CREATED", None)]
    approval = {f["field"]: f for f in trail[0]["fields"]}
    assert approval["decisionReason"] == {"field": "decisionReason", "old": None, "new": "strong fit",
                                          "enterpriseOnly": True}
    assert approval["status"]["old"] == "UNDER_REVIEW" and trail[0]["actor"] == {"key": "demo-enterprise-admin",
                                                                               "persona": "enterprise-admin"}
    created = {f["field"]: f["new"] for f in trail[-1]["fields"]}
    assert created["status"] == "DRAFT" and created["estimatedAmount"] == 900000 and created["partner"] == "p-fabrikam"
    assert trail[-1]["actor"]["persona"] == "partner-manager"


async def test_partners_in_scope_see_the_trail_without_enterprise_fields_others_nothing(gql, deal):
    everything = await _trail(gql, deal, "enterprise-admin")
    for persona in ("partner-manager", "partner-admin", "relationship-manager"):
        trail = await _trail(gql, deal, persona)
        assert [n["operation"] for n in trail] == [n["operation"] for n in everything]
        fields = {f["field"] for n in trail for f in n["fields"]}
        assert ("decisionReason" in fields) == (persona == "relationship-manager"), persona
    # An associate of Tailspin (below Fabrikam) and the partner agent see no trail of a Fabrikam deal.
    assert await _trail(gql, deal, "partner-associate") == []
    assert await _trail(gql, deal, "partner-agent") == []


async def test_work_notes_are_enterprise_only_records(gql, session, deal):
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (c:Change {entityType: 'DealComment', lineageId: $id}) RETURN c.entityId AS id",
        id=_key(deal)))
    (note,) = rows
    feed = """query($after: String) { changes(after: $after, types: ["DealComment"], first: 100) {
      edges { node { entityKey } } } }"""
    start = str(await _seq_before(session, note["id"]))
    seen = {p: [e["node"]["entityKey"] for e in (await gql.data(feed, persona=p, variables={"after": start}))
                ["changes"]["edges"]] for p in ("enterprise-admin", "partner-manager")}
    assert note["id"] in seen["enterprise-admin"] and note["id"] not in seen["partner-manager"]


async def test_filters_by_operation_actor_and_time(gql, deal):
    only = await _trail(gql, deal, "enterprise-admin", {"operations": ["CREATED"]})
    assert [n["operation"] for n in only] == ["CREATED"]
    by_admin = await _trail(gql, deal, "enterprise-admin", {"actor": global_id("Person", "demo-enterprise-admin")})
    assert [n["toState"] for n in by_admin] == ["APPROVED", "UNDER_REVIEW"]
    assert await _trail(gql, deal, "enterprise-admin", {"until": "2001-01-01T00:00:00Z"}) == []
    assert len(await _trail(gql, deal, "enterprise-admin", {"since": "2001-01-01T00:00:00Z"})) == 4


async def test_the_nested_connection_pages(gql, deal):
    data = await gql.data(NESTED, persona="partner-manager", variables={"id": deal})
    trail = data["dealRegistration"]["auditTrail"]
    assert [e["node"]["toState"] for e in trail["edges"]] == ["APPROVED", "UNDER_REVIEW"]
    assert trail["pageInfo"]["hasNextPage"] is True
    rest = """query($id: ID!, $after: String) { dealRegistration(id: $id) { auditTrail(after: $after) {
      edges { node { operation toState } } pageInfo { hasNextPage } } } }"""
    after = trail["pageInfo"]["endCursor"]
    data = await gql.data(rest, persona="partner-manager", variables={"id": deal, "after": after})
    assert [e["node"]["toState"] for e in data["dealRegistration"]["auditTrail"]["edges"]] == ["SUBMITTED", None]


async def test_a_deleted_draft_keeps_its_tombstone_for_its_partner(gql, session):
    key = f"t-trail-{uuid.uuid4().hex[:8]}"
    (reg,) = (await mutate(gql, "partner-manager", CREATE, r=[_deal(key)]))["registrations"]
    await mutate(gql, "partner-manager", DELETE, id=reg["id"])
    trail = await _trail(gql, reg["id"], "partner-manager")
    assert [(n["operation"], n["entityKey"]) for n in trail] == [("DELETED", key), ("CREATED", key)]
    assert {f["field"]: f["old"] for f in trail[0]["fields"]}["status"] == "DRAFT"
    assert await _trail(gql, reg["id"], "partner-agent") == []


async def test_an_entity_without_a_trail_is_refused(gql):
    status, body = await gql.post(TRAIL, variables={"id": global_id("Product", "prod-crm")})
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION"
    status, body = await gql.post(TRAIL, variables={"id": "not-an-id"})
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION"


def _key(gid: str) -> str:
    return relay.GlobalID.from_id(gid).node_id


async def _seq_before(session, comment_id: str) -> int:
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (c:Change {entityId: $id}) RETURN c.seq - 1 AS seq", id=comment_id))
    return rows[0]["seq"]
