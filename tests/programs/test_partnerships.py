"""Setup step 3: partnerships — reads scoped by the partner's visibility, segment history, onboarding
and its refusals (changing nothing), the partnership state machine and segment changes."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import global_id

RESELLER = global_id("Program", "prog-reseller")
SERVICES = global_id("Program", "prog-services")
TRAINING = global_id("Program", "prog-training")
BUILD = global_id("Program", "prog-build")


def _gid(type_name: str, key: str) -> str:
    return global_id(type_name, key)


def _names(connection: dict) -> list[str]:
    return [edge["node"]["partner"]["name"] for edge in connection["edges"]]


async def _delete_partnerships(session, prefix: str) -> None:
    await session.write_transaction(lambda tx: tx.run(
        """MATCH (ps:Partnership) WHERE ps.id STARTS WITH $prefix
           OPTIONAL MATCH (ps)-[:HAD]->(a:SegmentAssignment)
           DETACH DELETE ps, a""", prefix=prefix))


async def _rows(session, cypher: str, **params) -> list[dict]:
    return await session.read_transaction(lambda tx: tx.run(cypher, **params))


# --- reads ---------------------------------------------------------------------------------------

PARTNERSHIP = """query($id: ID!) { node(id: $id) { ... on Partnership { key status onboardedAt offboardedAt
  partner { name } program { name } segment { name }
  segmentHistory { segment { name } from until reason } } } }"""


async def test_partnership_fields_and_history(gql):
    data = await gql.data(PARTNERSHIP, variables={"id": _gid("Partnership", "ps-northwind-reseller")})
    ps = data["node"]
    assert (ps["key"], ps["status"], ps["partner"], ps["program"], ps["segment"]) == (
        "ps-northwind-reseller", "ACTIVE", {"name": "Northwind Distribution"}, {"name": "Reseller Program"},
        {"name": "Platinum"})
    assert ps["onboardedAt"].startswith("2024-02-15T09:00:00") and ps["offboardedAt"] is None
    history = ps["segmentHistory"]
    assert [(h["segment"]["name"], h["reason"]) for h in history] == [
        ("Bronze", "onboarding"), ("Gold", "mid-year review"), ("Platinum", "annual review: revenue above 1M")]
    assert history[0]["until"] == history[1]["from"] and history[-1]["until"] is None
    terminated = (await gql.data(PARTNERSHIP, variables={"id": _gid("Partnership", "ps-bergen-reseller")}))["node"]
    assert terminated["status"] == "TERMINATED" and terminated["offboardedAt"].startswith("2024-11-30")
    assert terminated["segmentHistory"][-1]["until"] is not None


@pytest.mark.parametrize("persona, visible", [
    ("enterprise-admin", True), ("relationship-manager", True), ("partner-admin", False),
    ("partner-manager", False), ("partner-associate", False),
])
async def test_partnership_out_of_scope_reads_as_missing(gql, persona, visible):
    data = await gql.data(PARTNERSHIP, persona=persona, variables={"id": _gid("Partnership", "ps-northwind-reseller")})
    assert (data["node"] is not None) is visible
    own = await gql.data(PARTNERSHIP, persona=persona, variables={"id": _gid("Partnership", "ps-tailspin-reseller")})
    assert own["node"]["partner"] == {"name": "Tailspin IT"} and own["node"]["program"] == {"name": "Reseller Program"}
    missing = await gql.data(PARTNERSHIP, persona=persona, variables={"id": _gid("Partnership", "ps-none")})
    assert missing == {"node": None}


PROGRAM_PARTNERSHIPS = """query($id: ID!, $status: PartnershipStatus) { program(id: $id) {
  partnerships(status: $status, first: 50) { edges { node { status partner { name } } } } } }"""


async def test_program_partnerships_only_of_visible_partners(gql):
    admin = (await gql.data(PROGRAM_PARTNERSHIPS, variables={"id": RESELLER}))["program"]["partnerships"]
    assert {"Northwind Distribution", "Contoso Resellers", "Harbour Resellers",
            "Bergen IT Partner"} <= set(_names(admin))
    manager = (await gql.data(PROGRAM_PARTNERSHIPS, persona="partner-manager", variables={"id": RESELLER}))
    assert _names(manager["program"]["partnerships"]) == ["Fabrikam Solutions", "Tailspin IT"]
    rm = (await gql.data(PROGRAM_PARTNERSHIPS, persona="relationship-manager", variables={"id": RESELLER}))
    assert "Eurolink Distribution" not in _names(rm["program"]["partnerships"])
    terminated = (await gql.data(PROGRAM_PARTNERSHIPS, variables={"id": RESELLER, "status": "TERMINATED"}))
    assert set(_names(terminated["program"]["partnerships"])) >= {"Bergen IT Partner", "Harbour Resellers"}
    assert {e["node"]["status"] for e in terminated["program"]["partnerships"]["edges"]} == {"TERMINATED"}


async def test_partner_partnerships_and_paging(gql):
    query = """query($id: ID!, $after: String) { partner(id: $id) { partnerships(first: 1, after: $after) {
                 edges { node { key program { name } } } pageInfo { hasNextPage endCursor } } } }"""
    data = await gql.data(query, variables={"id": _gid("Partner", "p-kiwi")})
    page = data["partner"]["partnerships"]
    assert [e["node"]["key"] for e in page["edges"]] == ["ps-kiwi-services"] and not page["pageInfo"]["hasNextPage"]
    statuses = await gql.data("""query($id: ID!) { partner(id: $id) { partnerships(status: ACTIVE) {
                                   edges { node { key } } } } }""", variables={"id": _gid("Partner", "p-bergen")})
    assert statuses["partner"]["partnerships"]["edges"] == []


async def test_partnerships_round_trips_are_bounded(gql):
    query = """query($first: Int) { programs(first: $first) { edges { node { name
                 partnerships(first: 10) { edges { node { status partner { name }
                   segmentHistory { reason segment { name } } } } } } } } }"""
    one = await gql.round_trips(query, variables={"first": 1})
    every = await gql.round_trips(query, variables={"first": 50})
    # viewer + programs + partnerships + their partners + segment histories + the histories' segments
    assert one == every == 6


# --- onboarding ----------------------------------------------------------------------------------

ONBOARD = """mutation($items: [OnboardPartnershipInput!]!) { onboardPartnerships(partnerships: $items) {
  partnerships { key status onboardedAt partner { name } program { name } segment { name }
                 segmentHistory { segment { name } reason until } }
  errors { code message field } } }"""


async def test_onboard_partnerships(gql, session):
    prefix = f"onb-{uuid.uuid4().hex[:8]}"
    try:
        items = [{"key": f"{prefix}-1", "partner": _gid("Partner", "p-lyon"), "program": SERVICES},
                 {"key": f"{prefix}-2", "partner": _gid("Partner", "p-lyon"), "program": RESELLER,
                  "segment": _gid("Segment", "seg-reseller-gold")},
                 # Bergen's earlier partnership is TERMINATED: it may join again.
                 {"key": f"{prefix}-3", "partner": _gid("Partner", "p-bergen"), "program": RESELLER}]
        payload = (await gql.data(ONBOARD, variables={"items": items}))["onboardPartnerships"]
        assert payload["errors"] == []
        first, second, third = payload["partnerships"]
        assert (first["status"], first["onboardedAt"], first["partner"], first["program"], first["segment"]) == (
            "PENDING", None, {"name": "Lyon Integration SARL"}, {"name": "Service Provider Program"},
            {"name": "Registered"})
        assert first["segmentHistory"] == [{"segment": {"name": "Registered"}, "reason": "onboarding", "until": None}]
        assert second["segment"] == {"name": "Gold"} and third["segment"] == {"name": "Bronze"}
        rows = await _rows(session, """MATCH (ps:Partnership) WHERE ps.id STARTS WITH $p
                                       RETURN ps.id AS id, COUNT { (ps)-[:AT]->() } AS at,
                                              [(ps)-[:HAD]->(a) | a.assignedBy] AS by ORDER BY id""", p=prefix)
        assert [(r["at"], r["by"]) for r in rows] == [(1, ["demo-enterprise-admin"])] * 3
    finally:
        await _delete_partnerships(session, prefix)


@pytest.mark.parametrize("change, code, field, words", [
    ({"partner": _gid("Partner", "p-none")}, "NOT_FOUND", ["partnerships", "1", "partner"], "partner not found"),
    ({"program": _gid("Program", "prog-none")}, "NOT_FOUND", ["partnerships", "1", "program"], "program not found"),
    ({"program": TRAINING}, "VALIDATION", ["partnerships", "1", "program"], "a retired program takes no partnerships"),
    ({"segment": _gid("Segment", "seg-reseller-gold")}, "VALIDATION", ["partnerships", "1", "segment"],
     "not one of the program's"),
    ({"segment": _gid("Segment", "seg-none")}, "NOT_FOUND", ["partnerships", "1", "segment"], "segment not found"),
    ({"partner": _gid("Partner", "p-litware")}, "CONFLICT", ["partnerships", "1", "program"], "already has"),
    ({"partner": _gid("Partner", "p-lyon")}, "CONFLICT", ["partnerships", "1", "program"], "twice"),
    ({"partner": _gid("Program", "prog-reseller")}, "VALIDATION", ["partnerships", "1", "partner"], "expected"),
])
async def test_onboarding_refusals_create_nothing(gql, session, change, code, field, words):
    prefix = f"bad-{uuid.uuid4().hex[:8]}"
    good = {"key": f"{prefix}-1", "partner": _gid("Partner", "p-lyon"), "program": SERVICES}
    bad = {"key": f"{prefix}-2", "partner": _gid("Partner", "p-pacific"), "program": SERVICES, **change}
    try:
        payload = (await gql.data(ONBOARD, variables={"items": [good, bad]}))["onboardPartnerships"]
        assert payload["partnerships"] == []
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)], payload["errors"]
        assert words in payload["errors"][0]["message"]
        assert await _rows(session, "MATCH (ps:Partnership) WHERE ps.id STARTS WITH $p RETURN ps", p=prefix) == []
        assert await _rows(session,
                           """MATCH (:Partner {id: 'p-lyon'})-[:HAS]->(ps)-[:IN]->(:Program {id: 'prog-services'})
                              RETURN ps""") == []
    finally:
        await _delete_partnerships(session, prefix)


async def test_onboarding_key_clash(gql, session):
    payload = (await gql.data(ONBOARD, variables={"items": [
        {"key": "ps-kiwi-services", "partner": _gid("Partner", "p-lyon"), "program": SERVICES}]}))
    assert [(e["code"], e["field"]) for e in payload["onboardPartnerships"]["errors"]] == [
        ("CONFLICT", ["partnerships", "0", "key"])]
    assert await _rows(session, "MATCH (:Partner {id: 'p-lyon'})-[:HAS]->(ps) RETURN ps") == []


@pytest.mark.parametrize("persona", ["partner-admin", "partner-manager", "relationship-manager"])
async def test_only_the_enterprise_admin_onboards(gql, session, persona):
    payload = (await gql.data(ONBOARD, persona=persona, variables={"items": [
        {"key": "ps-forbidden", "partner": _gid("Partner", "p-fabrikam"), "program": SERVICES}]}))
    assert [e["code"] for e in payload["onboardPartnerships"]["errors"]] == ["FORBIDDEN"]
    assert await _rows(session, "MATCH (ps:Partnership {id: 'ps-forbidden'}) RETURN ps") == []


# --- lifecycle and segment changes ---------------------------------------------------------------

STATUS = """mutation($ps: ID!, $s: PartnershipStatus!) { changePartnershipStatus(partnership: $ps, status: $s) {
  partnership { status onboardedAt offboardedAt segmentHistory { until } } errors { code message field } } }"""
SEGMENT = """mutation($ps: ID!, $seg: ID!, $why: String!) {
  changePartnershipSegment(partnership: $ps, segment: $seg, reason: $why) {
    partnership { segment { name } segmentHistory { segment { name } from until reason } }
    errors { code message field } } }"""


@pytest.fixture
async def pending(gql, session):
    """A fresh PENDING partnership of Pacific in the Service Provider Program (Registered), removed afterwards."""
    key = f"tps-{uuid.uuid4().hex[:8]}"
    payload = (await gql.data(ONBOARD, variables={"items": [
        {"key": key, "partner": _gid("Partner", "p-pacific"), "program": SERVICES}]}))["onboardPartnerships"]
    assert payload["errors"] == []
    yield key
    await _delete_partnerships(session, key)


async def test_partnership_state_machine(gql, session, pending):
    ps = _gid("Partnership", pending)

    async def move(status: str) -> dict:
        return (await gql.data(STATUS, variables={"ps": ps, "s": status}))["changePartnershipStatus"]

    wrong = await move("SUSPENDED")
    assert wrong["partnership"] is None and [(e["code"], e["field"]) for e in wrong["errors"]] == [
        ("INVALID_TRANSITION", ["status"])]
    active = await move("ACTIVE")
    assert active["errors"] == [] and active["partnership"]["onboardedAt"] is not None
    onboarded = active["partnership"]["onboardedAt"]
    assert (await move("SUSPENDED"))["partnership"]["status"] == "SUSPENDED"
    again = await move("ACTIVE")
    assert again["partnership"]["onboardedAt"] == onboarded  # only the first ACTIVE onboards
    terminated = (await move("TERMINATED"))["partnership"]
    assert terminated["status"] == "TERMINATED" and terminated["offboardedAt"] is not None
    assert [h["until"] for h in terminated["segmentHistory"]] == [terminated["offboardedAt"]]
    final = await move("ACTIVE")
    assert final["errors"][0]["code"] == "INVALID_TRANSITION" and "final state" in final["errors"][0]["message"]
    rows = await _rows(session, "MATCH (ps:Partnership {id: $id}) "
                                "RETURN ps.status AS s, COUNT { (ps)-[:AT]->() } AS at",
                       id=pending)
    assert rows == [{"s": "TERMINATED", "at": 1}]
    missing = (await gql.data(STATUS, variables={"ps": _gid("Partnership", "ps-none"), "s": "ACTIVE"}))
    assert [(e["code"], e["field"]) for e in missing["changePartnershipStatus"]["errors"]] == [
        ("NOT_FOUND", ["partnership"])]


async def test_segment_history_after_two_changes(gql, session, pending):
    ps = _gid("Partnership", pending)
    first = (await gql.data(SEGMENT, variables={"ps": ps, "seg": _gid("Segment", "seg-services-advanced"),
                                                "why": "500 managed seats"}))["changePartnershipSegment"]
    assert first["errors"] == [] and first["partnership"]["segment"] == {"name": "Advanced"}
    second = (await gql.data(SEGMENT, variables={"ps": ps, "seg": _gid("Segment", "seg-services-premier"),
                                                 "why": "5,000 managed seats"}))["changePartnershipSegment"]
    history = second["partnership"]["segmentHistory"]
    assert [(h["segment"]["name"], h["reason"]) for h in history] == [
        ("Registered", "onboarding"), ("Advanced", "500 managed seats"), ("Premier", "5,000 managed seats")]
    assert history[0]["until"] == history[1]["from"] and history[1]["until"] == history[2]["from"]
    assert history[2]["until"] is None
    rows = await _rows(session, """MATCH (ps:Partnership {id: $id})
                                   RETURN [(ps)-[:AT]->(s) | s.id] AS at,
                                          [(ps)-[:HAD]->(a) WHERE a.until IS NULL | a.id] AS open,
                                          [(ps)-[:HAD]->(a) | a.assignedBy] AS by""", id=pending)
    assert rows[0]["at"] == ["seg-services-premier"] and len(rows[0]["open"]) == 1
    assert set(rows[0]["by"]) == {"demo-enterprise-admin"}
    partners = await gql.data("""query($id: ID!) { node(id: $id) { ... on Segment { partners(first: 50) {
                                   edges { node { name } } } } } }""",
                              variables={"id": _gid("Segment", "seg-services-premier")})
    assert "Pacific Channel Group" in [e["node"]["name"] for e in partners["node"]["partners"]["edges"]]


@pytest.mark.parametrize("segment, reason, code, field, words", [
    ("seg-services-registered", "x", "CONFLICT", ["segment"], "already in that segment"),
    ("seg-reseller-gold", "x", "VALIDATION", ["segment"], "not one of the partnership's program"),
    ("seg-none", "x", "NOT_FOUND", ["segment"], "segment not found"),
    ("seg-services-premier", "  ", "VALIDATION", ["reason"], "blank"),
])
async def test_segment_change_refusals_change_nothing(gql, session, pending, segment, reason, code, field, words):
    before = await _rows(session, """MATCH (ps:Partnership {id: $id}) RETURN [(ps)-[:AT]->(s) | s.id] AS at,
                                     [(ps)-[:HAD]->(a) | [a.id, a.until]] AS history""", id=pending)
    payload = (await gql.data(SEGMENT, variables={"ps": _gid("Partnership", pending), "seg": _gid("Segment", segment),
                                                  "why": reason}))["changePartnershipSegment"]
    assert payload["partnership"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)]
    assert words in payload["errors"][0]["message"]
    after = await _rows(session, """MATCH (ps:Partnership {id: $id}) RETURN [(ps)-[:AT]->(s) | s.id] AS at,
                                    [(ps)-[:HAD]->(a) | [a.id, a.until]] AS history""", id=pending)
    assert after == before


async def test_terminated_partnership_keeps_its_segment(gql, session):
    payload = (await gql.data(SEGMENT, variables={"ps": _gid("Partnership", "ps-bergen-reseller"),
                                                  "seg": _gid("Segment", "seg-reseller-gold"), "why": "x"}))
    assert [(e["code"], e["field"]) for e in payload["changePartnershipSegment"]["errors"]] == [
        ("INVALID_TRANSITION", ["partnership"])]
    rows = await _rows(session, "MATCH (:Partnership {id: 'ps-bergen-reseller'})-[:AT]->(s) RETURN s.id AS s")
    assert rows == [{"s": "seg-reseller-silver"}]


async def test_partner_staff_cannot_change_partnerships(gql, session):
    payload = await gql.data(STATUS, persona="partner-admin",
                             variables={"ps": _gid("Partnership", "ps-contoso-reseller"), "s": "SUSPENDED"})
    assert [e["code"] for e in payload["changePartnershipStatus"]["errors"]] == ["FORBIDDEN"]
    assert await _rows(session, "MATCH (ps:Partnership {id: 'ps-contoso-reseller'}) RETURN ps.status AS s") == [
        {"s": "ACTIVE"}]
