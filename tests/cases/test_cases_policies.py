"""SLA policies set through the API (setSlaPolicy, slaPolicies): who may set them, validation that
changes nothing, new targets applying to cases opened afterwards only; and partner comments that
supply information, resuming the SLA clock of a case awaiting the partner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.cases.test_cases import COMMENT, READ, _at, _gid, _move, _open, _rows
from tests.conftest import global_id

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
GOLD = global_id("Segment", "seg-reseller-gold")  # Contoso's segment, which sets no targets in the demo
BRONZE = global_id("Segment", "seg-reseller-bronze")  # Tailspin's

SET = """mutation($segment: ID, $priority: CasePriority!, $response: Int!, $resolution: Int!) {
  setSlaPolicy(segment: $segment, priority: $priority, responseMinutes: $response, resolutionMinutes: $resolution) {
    policy { key priority responseMinutes resolutionMinutes isDefault updatedAt segment { key } }
    errors { code field message } } }"""
POLICIES = """query($segment: ID) { slaPolicies(segment: $segment) {
  key priority responseMinutes resolutionMinutes isDefault segment { key } } }"""

SNAPSHOT = """MATCH (pol:SlaPolicy)
RETURN pol.id AS id, properties(pol) AS props, [(s:Segment)-[:HAS_SLA]->(pol) | s.id] AS segments
ORDER BY id"""


async def _policies(session) -> list[dict]:
    return await _rows(session, SNAPSHOT)


@pytest.fixture
async def restore_policies(session):
    """Puts every SLA policy back as it was (other tests rely on the demo and default policies)."""
    before = await _policies(session)
    yield before
    await session.write_transaction(lambda tx: tx.run(
        """MATCH (pol:SlaPolicy) WHERE NOT pol.id IN [row IN $rows | row.id] DETACH DELETE pol
           WITH count(*) AS _
           UNWIND $rows AS row
           MATCH (pol:SlaPolicy {id: row.id})
           SET pol = row.props
           WITH pol, row
           CALL (pol, row) {
             MATCH (s:Segment)-[r:HAS_SLA]->(pol) WHERE NOT s.id IN row.segments DELETE r
           }
           CALL (pol, row) {
             UNWIND row.segments AS segmentId
             MATCH (s:Segment {id: segmentId}) MERGE (s)-[:HAS_SLA]->(pol)
           }""", rows=before))
    assert await _policies(session) == before


async def _set(client, segment: str | None, priority: str, response: int, resolution: int,
               persona: str = "enterprise-admin") -> dict:
    variables = {"segment": segment, "priority": priority, "response": response, "resolution": resolution}
    return (await client.data(SET, persona=persona, variables=variables))["setSlaPolicy"]


def _targets(case: dict) -> tuple[int, int]:
    return case["sla"]["responseMinutes"], case["sla"]["resolutionMinutes"]


async def test_segment_policy_applies_to_cases_opened_afterwards(clocked_gql, clock, session, prefix,
                                                                restore_policies):
    clock.set(T0)
    earlier = await _open(clocked_gql, f"{prefix}-before", priority="P3")  # Contoso (Gold): the default P3
    assert _targets(earlier) == (480, 4320)

    clock.set(T0 + timedelta(minutes=5))
    created = await _set(clocked_gql, GOLD, "P3", 90, 600)
    assert created["errors"] == []
    policy = created["policy"]
    assert (policy["key"], policy["priority"], policy["responseMinutes"], policy["resolutionMinutes"],
            policy["isDefault"], policy["segment"]) == ("sla-seg-reseller-gold-p3", "P3", 90, 600, False,
                                                        {"key": "seg-reseller-gold"})
    assert _at(policy["updatedAt"]) == T0 + timedelta(minutes=5)
    listed = (await clocked_gql.data(POLICIES, variables={"segment": GOLD}))["slaPolicies"]
    assert [(p["key"], p["responseMinutes"], p["resolutionMinutes"]) for p in listed] == [
        ("sla-seg-reseller-gold-p3", 90, 600)]
    # Partner staff read their segment's targets too (the program is not a draft).
    by_partner = (await clocked_gql.data(POLICIES, persona="partner-admin", variables={"segment": GOLD}))
    assert [p["key"] for p in by_partner["slaPolicies"]] == ["sla-seg-reseller-gold-p3"]

    later = await _open(clocked_gql, f"{prefix}-after", priority="P3")
    assert _targets(later) == (90, 600)
    assert _at(later["sla"]["resolutionDueAt"]) == T0 + timedelta(minutes=5 + 600)
    other_priority = await _open(clocked_gql, f"{prefix}-p2", priority="P2")
    assert _targets(other_priority) == (240, 1440)  # Gold still sets no P2 targets: the default
    # The case opened before keeps the minutes copied at opening.
    assert _targets((await clocked_gql.data(READ, variables={"id": _gid(f"{prefix}-before")}))["case"]) == (480, 4320)

    # Setting it again replaces the same policy: still one Gold P3 policy, under the same key.
    replaced = await _set(clocked_gql, GOLD, "P3", 120, 720)
    assert replaced["errors"] == [] and replaced["policy"]["key"] == "sla-seg-reseller-gold-p3"
    rows = await _rows(session, """MATCH (:Segment {id: 'seg-reseller-gold'})-[:HAS_SLA]->(pol:SlaPolicy)
        RETURN pol.id AS id, pol.responseMinutes AS response, pol.resolutionMinutes AS resolution,
               [(c:Case)-[:UNDER_SLA]->(pol) | c.id] AS cases""")
    assert rows == [{"id": "sla-seg-reseller-gold-p3", "response": 120, "resolution": 720,
                     "cases": [f"{prefix}-after"]}]
    assert _targets((await clocked_gql.data(READ, variables={"id": _gid(f"{prefix}-after")}))["case"]) == (90, 600)
    assert _targets(await _open(clocked_gql, f"{prefix}-third", priority="P3")) == (120, 720)


async def test_replacing_a_demo_segment_policy(clocked_gql, clock, session, prefix, restore_policies):
    clock.set(T0)
    replaced = await _set(clocked_gql, BRONZE, "P1", 60, 300)
    assert replaced["errors"] == [] and replaced["policy"]["key"] == "sla-bronze-p1"  # updated in place
    case = await _open(clocked_gql, f"{prefix}-bronze", persona="partner-associate", partner="p-tailspin",
                       priority="P1")
    assert _targets(case) == (60, 300)
    listed = (await clocked_gql.data(POLICIES, variables={"segment": BRONZE}))["slaPolicies"]
    assert [(p["priority"], p["responseMinutes"], p["resolutionMinutes"]) for p in listed] == [
        ("P1", 60, 300), ("P2", 480, 2880), ("P3", 960, 7200), ("P4", 2880, 14400)]
    # The demo case opened under Bronze P2 keeps its minutes.
    demo = (await clocked_gql.data(READ, variables={"id": _gid("case-demo-1")}))["case"]
    assert _targets(demo) == (480, 2880)


async def test_default_policy_update(clocked_gql, clock, prefix, restore_policies):
    clock.set(T0)
    defaults = (await clocked_gql.data(POLICIES))["slaPolicies"]
    assert [(p["key"], p["isDefault"], p["segment"]) for p in defaults] == [
        (f"sla-default-p{n}", True, None) for n in range(1, 5)]
    updated = await _set(clocked_gql, None, "P4", 600, 5000)
    assert updated["errors"] == []
    assert (updated["policy"]["key"], updated["policy"]["isDefault"], updated["policy"]["segment"]) == (
        "sla-default-p4", True, None)
    # Contoso's Gold sets no P4 targets, so its new P4 cases take the default ones.
    case = await _open(clocked_gql, f"{prefix}-default", priority="P4")
    assert _targets(case) == (600, 5000)
    # Platinum sets its own P4 targets, which still win for Northwind.
    platinum = await _open(clocked_gql, f"{prefix}-plat", persona=None, partner="p-northwind", priority="P4",
                           person="p-northwind-admin")
    assert _targets(platinum) == (720, 7200)
    listed = (await clocked_gql.data(POLICIES))["slaPolicies"]
    assert [(p["responseMinutes"], p["resolutionMinutes"]) for p in listed] == [
        (60, 480), (240, 1440), (480, 4320), (600, 5000)]


async def test_refusals_change_nothing(clocked_gql, clock, session, restore_policies):
    clock.set(T0)
    before = await _policies(session)

    async def codes(segment: str | None, response: int, resolution: int, persona: str = "enterprise-admin"):
        result = await _set(clocked_gql, segment, "P2", response, resolution, persona=persona)
        assert result["policy"] is None
        return [(e["code"], e["field"]) for e in result["errors"]]

    assert await codes(GOLD, 0, 600) == [("VALIDATION", ["responseMinutes"])]
    assert await codes(GOLD, 60, -5) == [("VALIDATION", ["resolutionMinutes"])]
    assert await codes(None, 0, 0) == [("VALIDATION", ["responseMinutes"]), ("VALIDATION", ["resolutionMinutes"])]
    assert await codes(GOLD, 500, 400) == [("VALIDATION", ["responseMinutes"])]
    assert await codes(None, 60, 366 * 24 * 60 + 1) == [("VALIDATION", ["resolutionMinutes"])]
    assert await codes(global_id("Segment", "seg-none"), 60, 600) == [("NOT_FOUND", ["segment"])]
    assert await codes(global_id("Partner", "p-contoso"), 60, 600) == [("VALIDATION", ["segment"])]
    for persona in ("enterprise-executive", "relationship-manager", "partner-agent", "partner-admin",
                    "partner-manager", "partner-associate"):
        assert await codes(GOLD, 60, 600, persona=persona) == [("FORBIDDEN", [])], persona
        assert await codes(None, 60, 600, persona=persona) == [("FORBIDDEN", [])], persona
    assert await _policies(session) == before


async def test_partner_comment_resumes_the_clock(clocked_gql, clock, session, prefix):
    key = f"{prefix}-supply"
    clock.set(T0)
    await _open(clocked_gql, key, priority="P2")  # default P2: resolve in 24 h

    async def comment(body: str, persona: str) -> dict:
        data = await clocked_gql.data(COMMENT, persona=persona, variables={"id": _gid(key), "body": body,
                                                                           "internal": False})
        assert data["addCaseComment"]["errors"] == [], data
        return data["addCaseComment"]["case"]

    assert (await comment("more detail", "partner-admin"))["status"] == "NEW"  # nothing to resume
    clock.set(T0 + timedelta(minutes=10))
    await _move(clocked_gql, key, "IN_PROGRESS")
    clock.set(T0 + timedelta(hours=1))
    await _move(clocked_gql, key, "AWAITING_PARTNER")
    clock.set(T0 + timedelta(hours=2))
    asked = await comment("Please send the logs.", "partner-agent")  # the enterprise's comment keeps waiting
    assert asked["status"] == "AWAITING_PARTNER" and asked["sla"]["paused"]

    clock.set(T0 + timedelta(hours=3))
    supplied = await comment("Logs attached.", "partner-admin")
    assert supplied["status"] == "IN_PROGRESS"
    assert not supplied["sla"]["paused"] and supplied["sla"]["pausedSeconds"] == 2 * 3600
    assert _at(supplied["firstResponseAt"]) == T0 + timedelta(minutes=10)  # a partner comment is no response
    assert _at(supplied["sla"]["resolutionDueAt"]) == T0 + timedelta(hours=26)
    (row,) = await _rows(session, """MATCH (c:Case {id: $id}) RETURN c.status AS status, c.pausedSince AS pausedSince,
        c.updatedAt AS updatedAt, COUNT { (c)<-[:ON]-(:CaseComment) } AS comments""", id=key)
    assert (row["status"], row["pausedSince"], row["comments"]) == ("IN_PROGRESS", None, 3)
    assert row["updatedAt"].to_native() == T0 + timedelta(hours=3)

    clock.set(T0 + timedelta(hours=4))
    again = await comment("One more thing.", "partner-admin")  # already in progress: no change
    assert again["status"] == "IN_PROGRESS" and again["sla"]["pausedSeconds"] == 2 * 3600
