"""Setup step 2: programs, segments and criteria — reads scoped per persona, the round-trip bound,
and every mutation's success path, refusals (changing nothing) and the program state machine."""

from __future__ import annotations

import uuid

import pytest

from graph.shared import migrations
from tests.conftest import global_id

RESELLER = global_id("Program", "prog-reseller")
BUILD = global_id("Program", "prog-build")
TRAINING = global_id("Program", "prog-training")
CHANNEL = global_id("InternalOrg", "io-channel")
DEMO_PROGRAMS = {"Reseller Program", "Service Provider Program", "Build Program", "Authorized Training Program"}

PROGRAMS = """query($status: ProgramStatus) { programs(status: $status, first: 50) {
  edges { node { name status } } } }"""

CREATE = """mutation($programs: [CreateProgramInput!]!) { createPrograms(programs: $programs) {
  programs { id key name kind status startDate endDate internalOrg { name }
             segments { key name rank isDefault criteria { metric operator threshold } } }
  errors { code message field } } }"""


def _names(connection: dict) -> list[str]:
    return [edge["node"]["name"] for edge in connection["edges"]]


def _program(prefix: str, **overrides) -> dict:
    """A program input keyed `prefix` (its segments' keys start with it too)."""
    key = prefix
    value = {"key": key, "name": f"Test {key}", "kind": "REFERRAL", "internalOrg": CHANNEL, "startDate": "2025-01-01",
             "segments": [{"key": f"{key}-top", "name": "Top", "rank": 1, "isDefault": False,
                           "criteria": [{"metric": "REVENUE", "operator": "GTE", "threshold": 100000}]},
                          {"key": f"{key}-base", "name": "Base", "rank": 2, "isDefault": True}]}
    value.update(overrides)
    return value


async def _delete_programs(session, prefix: str) -> None:
    await session.write_transaction(lambda tx: tx.run(
        """MATCH (prog:Program) WHERE prog.id STARTS WITH $prefix
           OPTIONAL MATCH (prog)-[:HAS_SEGMENT]->(s:Segment)
           OPTIONAL MATCH (s)-[:REQUIRES]->(c:Criterion)
           DETACH DELETE prog, s, c""", prefix=prefix))


async def _count(session, cypher: str, **params) -> int:
    rows = await session.read_transaction(lambda tx: tx.run(cypher, **params))
    return rows[0]["n"]


@pytest.fixture
async def test_program(gql, session):
    """A fresh DRAFT program with segments Top (rank 1) and Base (rank 2, default), removed afterwards."""
    key = f"tp-{uuid.uuid4().hex[:8]}"
    data = await gql.data(CREATE, variables={"programs": [_program(key)]})
    assert data["createPrograms"]["errors"] == []
    yield key
    await _delete_programs(session, key)


# --- reads ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona, sees_draft", [
    ("enterprise-admin", True), ("enterprise-executive", True), ("relationship-manager", True),
    ("partner-agent", True), ("partner-admin", False), ("partner-manager", False), ("partner-associate", False),
])
async def test_program_list_per_persona(gql, persona, sees_draft):
    names = set(_names((await gql.data(PROGRAMS, persona=persona))["programs"])) & DEMO_PROGRAMS
    assert names == (DEMO_PROGRAMS if sees_draft else DEMO_PROGRAMS - {"Build Program"})


async def test_draft_program_by_id_and_node(gql):
    query = """query($id: ID!, $seg: ID!) { program(id: $id) { name } node(id: $id) { id }
               segment: node(id: $seg) { id } }"""
    variables = {"id": BUILD, "seg": global_id("Segment", "seg-build-member")}
    admin = await gql.data(query, variables=variables)
    assert admin["program"] == {"name": "Build Program"} and admin["segment"] is not None
    manager = await gql.data(query, persona="partner-manager", variables=variables)
    assert manager == {"program": None, "node": None, "segment": None}
    missing = await gql.data(query, persona="partner-manager",
                             variables={"id": global_id("Program", "prog-none"), "seg": global_id("Segment", "none")})
    assert missing == manager


async def test_program_status_filter_and_paging(gql):
    approved = _names((await gql.data(PROGRAMS, variables={"status": "APPROVED"}))["programs"])
    assert set(approved) & DEMO_PROGRAMS == {"Reseller Program", "Service Provider Program"}
    seen, after = [], None
    while True:
        data = await gql.data("""query($after: String) { programs(first: 1, after: $after) {
                                   edges { node { name } } pageInfo { hasNextPage endCursor } } }""",
                              variables={"after": after})
        seen += _names(data["programs"])
        if not data["programs"]["pageInfo"]["hasNextPage"]:
            break
        after = data["programs"]["pageInfo"]["endCursor"]
    assert seen == sorted(seen) and DEMO_PROGRAMS <= set(seen) and len(seen) == len(set(seen))


async def test_program_fields_segments_and_criteria(gql):
    query = """query($id: ID!) { program(id: $id) { key name kind status startDate endDate internalOrg { name }
                 segments { key name rank isDefault program { name } criteria { metric operator threshold } } } }"""
    program = (await gql.data(query, persona="partner-manager", variables={"id": RESELLER}))["program"]
    assert {k: program[k] for k in ("key", "name", "kind", "status", "startDate", "endDate")} == {
        "key": "prog-reseller", "name": "Reseller Program", "kind": "RESELLER", "status": "APPROVED",
        "startDate": "2024-01-01", "endDate": None}
    assert program["internalOrg"] == {"name": "Global Channel Sales"}
    segments = program["segments"]
    assert [(s["name"], s["rank"], s["isDefault"]) for s in segments] == [
        ("Platinum", 1, False), ("Gold", 2, False), ("Silver", 3, False), ("Bronze", 4, True)]
    assert {s["program"]["name"] for s in segments} == {"Reseller Program"}
    assert {"metric": "REVENUE", "operator": "GTE", "threshold": 1000000.0} in segments[0]["criteria"]
    retired = (await gql.data(query, variables={"id": TRAINING}))["program"]
    assert retired["status"] == "RETIRED" and retired["endDate"] == "2024-12-31"


async def test_segment_partners_are_scoped(gql):
    query = ("query($id: ID!) { node(id: $id) { ... on Segment { name partners(first: 20) { "
             "edges { node { name } } } } } }")
    variables = {"id": global_id("Segment", "seg-reseller-bronze")}
    admin = _names((await gql.data(query, variables=variables))["node"]["partners"])
    # Harbour's partnership is TERMINATED: no longer in the segment.
    assert admin == ["Adatum Systems", "Alpine Reseller GmbH", "Tailspin IT"]
    manager = _names((await gql.data(query, persona="partner-manager", variables=variables))["node"]["partners"])
    assert manager == ["Tailspin IT"]


PROGRAM_TREE = """query($first: Int) { programs(first: $first) { edges { node { name
  segments { name partners(first: 10) { edges { node { name } } } } } } } }"""


async def test_round_trips_do_not_grow_with_programs(gql):
    one = await gql.round_trips(PROGRAM_TREE, variables={"first": 1})
    every = await gql.round_trips(PROGRAM_TREE, variables={"first": 50})
    data = await gql.data(PROGRAM_TREE, variables={"first": 50})
    assert len(data["programs"]["edges"]) >= 4
    # viewer + programs + segments + segment partners
    assert one == every == 4


# --- createPrograms ------------------------------------------------------------------------------


async def test_create_programs(gql, session):
    key = f"cp-{uuid.uuid4().hex[:8]}"
    try:
        data = await gql.data(CREATE, variables={"programs": [_program(key, endDate="2026-12-31"),
                                                              _program(key + "-b", kind="OEM")]})
        payload = data["createPrograms"]
        assert payload["errors"] == []
        first, second = payload["programs"]
        assert first["key"] == key and first["status"] == "DRAFT" and first["kind"] == "REFERRAL"
        assert first["endDate"] == "2026-12-31" and first["internalOrg"] == {"name": "Global Channel Sales"}
        assert [(s["name"], s["rank"], s["isDefault"]) for s in first["segments"]] == [
            ("Top", 1, False), ("Base", 2, True)]
        assert first["segments"][0]["criteria"] == [{"metric": "REVENUE", "operator": "GTE", "threshold": 100000.0}]
        assert second["kind"] == "OEM"
        found = await gql.data("query($id: ID!) { node(id: $id) { ... on Program { name } } }",
                               variables={"id": first["id"]})
        assert found["node"] == {"name": f"Test {key}"}
    finally:
        await _delete_programs(session, key)


@pytest.mark.parametrize("change, code, field", [
    ({"segments": [{"name": "A", "rank": 1, "isDefault": True}, {"name": "B", "rank": 2, "isDefault": True}]},
     "VALIDATION", ["programs", "1", "segments"]),
    ({"segments": [{"name": "A", "rank": 1, "isDefault": False}]}, "VALIDATION", ["programs", "1", "segments"]),
    ({"segments": []}, "VALIDATION", ["programs", "1", "segments"]),
    ({"segments": [{"name": "A", "rank": 1, "isDefault": True}, {"name": "B", "rank": 1, "isDefault": False}]},
     "VALIDATION", ["programs", "1", "segments", "1", "rank"]),
    ({"endDate": "2024-12-31"}, "VALIDATION", ["programs", "1", "endDate"]),
    ({"internalOrg": global_id("InternalOrg", "io-none")}, "NOT_FOUND", ["programs", "1", "internalOrg"]),
    ({"internalOrg": global_id("Partner", "p-contoso")}, "VALIDATION", ["programs", "1", "internalOrg"]),
    ({"key": "prog-reseller"}, "CONFLICT", ["programs", "1", "key"]),
    ({"name": "  "}, "VALIDATION", ["programs", "1", "name"]),
])
async def test_create_programs_refusals_create_nothing(gql, session, change, code, field):
    key = f"bad-{uuid.uuid4().hex[:8]}"
    good = _program(key + "-good")
    bad = _program(key + "-bad", **change)
    try:
        payload = (await gql.data(CREATE, variables={"programs": [good, bad]}))["createPrograms"]
        assert payload["programs"] == []
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)], payload["errors"]
        assert await _count(session, "MATCH (p:Program) WHERE p.id STARTS WITH $k RETURN count(p) AS n", k=key) == 0
        assert await _count(session, "MATCH (s:Segment) WHERE s.id STARTS WITH $k RETURN count(s) AS n", k=key) == 0
    finally:
        await _delete_programs(session, key)


async def test_create_programs_key_clash_inside_the_batch(gql, session):
    key = f"dup-{uuid.uuid4().hex[:8]}"
    try:
        payload = (await gql.data(CREATE, variables={"programs": [_program(key), _program(key)]}))["createPrograms"]
        fields = [(e["code"], e["field"]) for e in payload["errors"]]
        assert ("CONFLICT", ["programs", "1", "key"]) in fields
        assert ("CONFLICT", ["programs", "1", "segments", "0", "key"]) in fields
        assert await _count(session, "MATCH (p:Program) WHERE p.id STARTS WITH $k RETURN count(p) AS n", k=key) == 0
    finally:
        await _delete_programs(session, key)


@pytest.mark.parametrize("persona", ["partner-admin", "enterprise-executive", "relationship-manager"])
async def test_only_the_enterprise_admin_sets_up_programs(gql, session, persona):
    key = f"forbidden-{uuid.uuid4().hex[:8]}"
    payload = (await gql.data(CREATE, persona=persona, variables={"programs": [_program(key)]}))["createPrograms"]
    assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    assert await _count(session, "MATCH (p:Program {id: $k}) RETURN count(p) AS n", k=key) == 0


# --- segments and criteria -----------------------------------------------------------------------

ADD_SEGMENT = """mutation($program: ID!, $segment: SegmentInput!) { addSegment(program: $program, segment: $segment) {
  segment { key name rank isDefault program { key } criteria { metric } } errors { code message field } } }"""
SEGMENTS = ("query($id: ID!) { program(id: $id) { segments { key rank isDefault "
            "criteria { metric operator threshold } } } }")


async def _segments(gql, key: str) -> list[dict]:
    return (await gql.data(SEGMENTS, variables={"id": global_id("Program", key)}))["program"]["segments"]


async def test_add_segment(gql, test_program):
    segment = {"key": f"{test_program}-mid", "name": "Middle", "rank": 3, "isDefault": False,
               "criteria": [{"metric": "STAFF_COUNT", "operator": "GTE", "threshold": 2}]}
    payload = (await gql.data(ADD_SEGMENT, variables={"program": global_id("Program", test_program),
                                                      "segment": segment}))["addSegment"]
    assert payload["errors"] == []
    assert payload["segment"] == {"key": f"{test_program}-mid", "name": "Middle", "rank": 3, "isDefault": False,
                                  "program": {"key": test_program}, "criteria": [{"metric": "STAFF_COUNT"}]}
    assert [s["rank"] for s in await _segments(gql, test_program)] == [1, 2, 3]


@pytest.mark.parametrize("segment, code, field, words", [
    ({"name": "X", "rank": 5, "isDefault": True}, "CONFLICT", ["segment", "isDefault"], "setDefaultSegment"),
    ({"name": "X", "rank": 2, "isDefault": False}, "CONFLICT", ["segment", "rank"], "rank 2"),
    ({"name": "X", "rank": 0, "isDefault": False}, "VALIDATION", ["segment", "rank"], "ranks start at 1"),
])
async def test_add_segment_refusals(gql, test_program, segment, code, field, words):
    before = await _segments(gql, test_program)
    payload = (await gql.data(ADD_SEGMENT, variables={"program": global_id("Program", test_program),
                                                      "segment": segment}))["addSegment"]
    assert payload["segment"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)]
    assert words in payload["errors"][0]["message"]
    assert await _segments(gql, test_program) == before


async def test_add_segment_to_a_retired_or_missing_program(gql, session):
    segment = {"key": "seg-training-extra", "name": "Extra", "rank": 9, "isDefault": False}
    retired = (await gql.data(ADD_SEGMENT, variables={"program": TRAINING, "segment": segment}))["addSegment"]
    assert [(e["code"], e["field"]) for e in retired["errors"]] == [("VALIDATION", ["program"])]
    missing = (await gql.data(ADD_SEGMENT, variables={"program": global_id("Program", "prog-none"),
                                                      "segment": segment}))["addSegment"]
    assert [(e["code"], e["field"]) for e in missing["errors"]] == [("NOT_FOUND", ["program"])]
    assert await _count(session, "MATCH (s:Segment {id: 'seg-training-extra'}) RETURN count(s) AS n") == 0


async def test_set_default_segment_moves_the_default(gql, session, test_program):
    query = """mutation($s: ID!) { setDefaultSegment(segment: $s) { segment { key isDefault } errors { code } } }"""
    payload = (await gql.data(query, variables={"s": global_id("Segment", f"{test_program}-top")}))["setDefaultSegment"]
    assert payload == {"segment": {"key": f"{test_program}-top", "isDefault": True}, "errors": []}
    assert [(s["key"], s["isDefault"]) for s in await _segments(gql, test_program)] == [
        (f"{test_program}-top", True), (f"{test_program}-base", False)]
    assert await _count(session, "MATCH (:Program {id: $k})-[:HAS_SEGMENT]->(s:Segment {isDefault: true}) "
                                 "RETURN count(s) AS n", k=test_program) == 1
    missing = (await gql.data(query, variables={"s": global_id("Segment", "seg-none")}))["setDefaultSegment"]
    assert missing["errors"] == [{"code": "NOT_FOUND"}]


async def test_add_criteria(gql, test_program):
    query = """mutation($s: ID!, $c: [CriterionInput!]!) { addCriteria(segment: $s, criteria: $c) {
                 segment { criteria { metric operator threshold } } errors { code field } } }"""
    segment = global_id("Segment", f"{test_program}-base")
    payload = (await gql.data(query, variables={"s": segment, "c": [
        {"metric": "STAFF_COUNT", "operator": "GTE", "threshold": 1},
        {"metric": "WIN_RATE", "operator": "LT", "threshold": 0.5}]}))["addCriteria"]
    assert payload["errors"] == []
    assert payload["segment"]["criteria"] == [{"metric": "STAFF_COUNT", "operator": "GTE", "threshold": 1.0},
                                              {"metric": "WIN_RATE", "operator": "LT", "threshold": 0.5}]
    empty = (await gql.data(query, variables={"s": segment, "c": []}))["addCriteria"]
    assert empty["errors"] == [{"code": "VALIDATION", "field": ["criteria"]}]
    base = [s for s in await _segments(gql, test_program) if s["key"] == f"{test_program}-base"][0]
    assert len(base["criteria"]) == 2


@pytest.mark.parametrize("metric", ["x' OR 1=1", "annualRevenue", "certifiedStaff", "revenue", ""])
async def test_add_criteria_refuses_a_metric_the_graph_cannot_evaluate(gql, session, test_program, metric):
    """Criteria metrics are the CriterionMetric enum: anything else is refused before any resolver runs,
    and nothing is written."""
    query = """mutation($s: ID!, $c: [CriterionInput!]!) { addCriteria(segment: $s, criteria: $c) {
                 segment { key } errors { code field } } }"""
    status, body = await gql.post(query, variables={"s": global_id("Segment", f"{test_program}-base"), "c": [
        {"metric": "REVENUE", "operator": "GTE", "threshold": 1},
        {"metric": metric, "operator": "EQ", "threshold": 1}]})
    assert status == 400 and body.get("data") is None  # a request error (application/graphql-response+json)
    assert "CriterionMetric" in body["errors"][0]["message"]
    assert await _count(session, "MATCH (:Segment {id: $s})-[:REQUIRES]->(c:Criterion) RETURN count(c) AS n",
                        s=f"{test_program}-base") == 0


async def test_migration_renames_the_old_metric_names(gql, session, test_program):
    """Migration 0007: criteria stored under the old names read as the CriterionMetric of the same figure;
    another stored metric stays as it was and reads as null (NOT_EVALUABLE in the segment evaluation)."""
    segment = f"{test_program}-base"
    old = ["annualRevenue", "annualOrders", "openPipeline", "winRate", "slaAttainment", "staffCount", "certifiedStaff"]
    await session.write_transaction(lambda tx: tx.run(
        """MATCH (s:Segment {id: $s}) UNWIND $metrics AS metric
           CREATE (s)-[:REQUIRES]->(:Criterion {id: $s + '-' + metric, metric: metric, operator: 'GTE',
                                                threshold: 1.0})""",
        s=segment, metrics=old))
    await session.write_transaction(lambda tx: tx.run("MATCH (m:Migration {version: 7}) DELETE m"))
    assert [m.version for m in await migrations.migrate(session)] == [7]
    [base] = [s for s in await _segments(gql, test_program) if s["key"] == segment]
    assert sorted((c["metric"] or "") for c in base["criteria"]) == [
        "", "OPEN_PIPELINE", "ORDERS", "REVENUE", "SLA_ATTAINMENT", "STAFF_COUNT", "WIN_RATE"]
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (:Segment {id: $s})-[:REQUIRES]->(c:Criterion) RETURN c.id AS id, c.metric AS metric", s=segment))
    assert {r["id"]: r["metric"] for r in rows}[f"{segment}-certifiedStaff"] == "certifiedStaff"


# --- program lifecycle ---------------------------------------------------------------------------

STATUS = """mutation($p: ID!, $s: ProgramStatus!) { changeProgramStatus(program: $p, status: $s) {
  program { status } errors { code message field } } }"""


async def test_program_state_machine(gql, test_program):
    program = global_id("Program", test_program)

    async def move(status: str) -> dict:
        return (await gql.data(STATUS, variables={"p": program, "s": status}))["changeProgramStatus"]

    assert await move("APPROVED") == {"program": {"status": "APPROVED"}, "errors": []}
    back = await move("DRAFT")
    assert back["program"] is None and [(e["code"], e["field"]) for e in back["errors"]] == [
        ("INVALID_TRANSITION", ["status"])]
    assert await move("RETIRED") == {"program": {"status": "RETIRED"}, "errors": []}
    again = await move("APPROVED")
    assert again["errors"][0]["code"] == "INVALID_TRANSITION" and "final state" in again["errors"][0]["message"]
    status = (await gql.data("query($id: ID!) { program(id: $id) { status } }", variables={"id": program}))
    assert status == {"program": {"status": "RETIRED"}}


async def test_program_status_of_missing_program(gql):
    payload = (await gql.data(STATUS, variables={"p": global_id("Program", "prog-none"), "s": "APPROVED"}))
    assert [(e["code"], e["field"]) for e in payload["changeProgramStatus"]["errors"]] == [("NOT_FOUND", ["program"])]
