"""Case writes under a controlled clock: the lifecycle, SLA arithmetic (pauses, response and
resolution breaches), segment-specific targets, who may do what, and refusals that change nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.cases.test_cases import (
    ASSIGN,
    COMMENT,
    COMMENTS,
    NODE,
    OPEN,
    PARTNER_CASES,
    READ,
    _at,
    _gid,
    _graph_case,  # noqa: F401 - prefix is a fixture
    _keys,
    _move,
    _open,
)
from tests.conftest import global_id

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
ESCALATIONS = global_id("Queue", "queue-escalations")
SUPPORT = global_id("Queue", "queue-partner-support")
AGENT = global_id("Person", "demo-partner-agent")


async def _comment(client, key: str, body: str, *, internal: bool = False, persona: str = "partner-agent") -> dict:
    data = await client.data(COMMENT, persona=persona, variables={"id": _gid(key), "body": body, "internal": internal})
    return data["addCaseComment"]


async def test_lifecycle_with_pause(clocked_gql, clock, session, prefix):
    key = f"{prefix}-life"
    clock.set(T0)
    case = await _open(clocked_gql, key, priority="P2", account=global_id("Account", "acct-initech"))
    assert (case["status"], case["number"].startswith("CASE-"), case["firstResponseAt"]) == ("NEW", True, None)
    # Contoso is Gold, which sets no targets: the default P2 policy applies.
    assert (case["sla"]["responseMinutes"], case["sla"]["resolutionMinutes"]) == (240, 1440)
    assert _at(case["sla"]["responseDueAt"]) == T0 + timedelta(hours=4)
    assert case["sla"]["responseRemainingSeconds"] == 4 * 3600

    clock.set(T0 + timedelta(minutes=10))
    moved = await _move(clocked_gql, key, "IN_PROGRESS")  # the agent sees it in the queue they work
    assert moved["errors"] == [] and _at(moved["case"]["firstResponseAt"]) == T0 + timedelta(minutes=10)
    assert moved["case"]["sla"]["responseRemainingSeconds"] is None and not moved["case"]["sla"]["responseBreached"]

    note = await _comment(clocked_gql, key, "customer runs an unsupported build", internal=True)
    assert note["errors"] == [] and note["comment"]["visibility"] == "INTERNAL"
    clock.set(T0 + timedelta(hours=1))
    asked = await _move(clocked_gql, key, "AWAITING_PARTNER")
    assert asked["case"]["sla"]["paused"]

    clock.set(T0 + timedelta(hours=6))
    waiting = (await clocked_gql.data(READ, variables={"id": _gid(key)}))["case"]["sla"]
    assert waiting["resolutionRemainingSeconds"] == 23 * 3600  # frozen while paused
    assert _at(waiting["resolutionDueAt"]) == T0 + timedelta(hours=29)
    supplied = await _move(clocked_gql, key, "IN_PROGRESS", persona="partner-admin")
    assert supplied["errors"] == []
    assert supplied["case"]["sla"]["pausedSeconds"] == 5 * 3600 and not supplied["case"]["sla"]["paused"]

    clock.set(T0 + timedelta(hours=7))
    resolved = await _move(clocked_gql, key, "RESOLVED")
    assert resolved["errors"] == [] and _at(resolved["case"]["resolvedAt"]) == T0 + timedelta(hours=7)
    assert not resolved["case"]["sla"]["breached"] and resolved["case"]["sla"]["resolutionRemainingSeconds"] is None

    clock.set(T0 + timedelta(hours=8))
    closed = await _move(clocked_gql, key, "CLOSED", persona="partner-admin")
    assert closed["errors"] == [] and closed["case"]["status"] == "CLOSED"
    assert _at(closed["case"]["closedAt"]) == T0 + timedelta(hours=8)

    # The partner sees its own comments, never the work note; a closed case takes no comment.
    partner_view = await clocked_gql.data(COMMENTS, persona="partner-admin", variables={"id": _gid(key)})
    assert partner_view["case"]["comments"]["edges"] == []
    before = await _graph_case(session, key)
    refused = await _comment(clocked_gql, key, "one more thing", persona="partner-admin")
    assert [e["code"] for e in refused["errors"]] == ["INVALID_TRANSITION"] and refused["case"] is None
    after = await _graph_case(session, key)
    assert (after["status"], after["comments"], after["commentNodes"]) == ("CLOSED", 1, 1)
    assert after["version"] == before["version"]  # the lock was rolled back with the refusal
    again = await _move(clocked_gql, key, "IN_PROGRESS", persona="partner-admin")
    assert [e["code"] for e in again["errors"]] == ["INVALID_TRANSITION"]


async def test_response_and_resolution_breaches(clocked_gql, clock, prefix):
    key = f"{prefix}-breach"
    clock.set(T0)
    await _open(clocked_gql, key, priority="P2")  # default P2: respond in 4 h, resolve in 24 h
    breached = """query($id: ID!) { partner(id: $id) {
      cases(includeSubtree: true, breached: true, open: true, first: 100) {
      edges { node { key } } } } }"""
    contoso = {"id": global_id("Partner", "p-contoso")}

    clock.set(T0 + timedelta(hours=4))
    on_time = (await clocked_gql.data(READ, variables={"id": _gid(key)}))["case"]["sla"]
    assert not on_time["responseBreached"] and on_time["responseRemainingSeconds"] == 0
    assert key not in _keys((await clocked_gql.data(breached, variables=contoso))["partner"]["cases"])

    clock.set(T0 + timedelta(hours=5))
    late = (await clocked_gql.data(READ, variables={"id": _gid(key)}))["case"]["sla"]
    assert late["responseBreached"] and not late["resolutionBreached"] and late["breached"]
    assert late["responseRemainingSeconds"] == -3600
    assert key in _keys((await clocked_gql.data(breached, variables=contoso))["partner"]["cases"])

    answered = await _comment(clocked_gql, key, "Looking into it.")
    assert _at(answered["case"]["firstResponseAt"]) == T0 + timedelta(hours=5)
    assert answered["case"]["sla"]["responseBreached"]  # stays breached: the response came late

    clock.set(T0 + timedelta(hours=6))
    await _move(clocked_gql, key, "IN_PROGRESS")
    await _move(clocked_gql, key, "AWAITING_PARTNER")
    clock.set(T0 + timedelta(hours=30))  # past 24 h, but paused for the last 24 h
    paused = (await clocked_gql.data(READ, variables={"id": _gid(key)}))["case"]["sla"]
    assert not paused["resolutionBreached"] and paused["resolutionRemainingSeconds"] == 18 * 3600
    await _move(clocked_gql, key, "IN_PROGRESS", persona="partner-admin")

    clock.set(T0 + timedelta(hours=48))
    due = (await clocked_gql.data(READ, variables={"id": _gid(key)}))["case"]["sla"]
    assert _at(due["resolutionDueAt"]) == T0 + timedelta(hours=48) and not due["resolutionBreached"]
    clock.set(T0 + timedelta(hours=48, seconds=1))
    over = (await clocked_gql.data(READ, variables={"id": _gid(key)}))["case"]["sla"]
    assert over["resolutionBreached"] and over["resolutionRemainingSeconds"] == -1

    resolved = await _move(clocked_gql, key, "RESOLVED")
    assert resolved["case"]["sla"]["resolutionBreached"]  # resolved late stays breached
    clock.set(T0 + timedelta(days=5))
    later = (await clocked_gql.data(READ, variables={"id": _gid(key)}))["case"]["sla"]
    assert later["resolutionBreached"] and later["pausedSeconds"] == 24 * 3600
    assert key not in _keys((await clocked_gql.data(breached, variables=contoso))["partner"]["cases"])  # not open


async def test_segment_targets(clocked_gql, clock, prefix):
    clock.set(T0)
    platinum = await _open(clocked_gql, f"{prefix}-plat", persona=None, partner="p-northwind", priority="P1",
                           person="p-northwind-admin")
    gold = await _open(clocked_gql, f"{prefix}-gold", partner="p-contoso", priority="P1")
    bronze = await _open(clocked_gql, f"{prefix}-bronze", persona="partner-associate", partner="p-tailspin",
                         priority="P1")
    targets = [(c["sla"]["responseMinutes"], c["sla"]["resolutionMinutes"]) for c in (platinum, gold, bronze)]
    assert targets == [(30, 240), (60, 480), (120, 960)]  # Platinum, the default, Bronze
    assert _at(platinum["sla"]["resolutionDueAt"]) == T0 + timedelta(hours=4)
    assert _at(bronze["sla"]["resolutionDueAt"]) == T0 + timedelta(hours=16)


async def test_reopen_only_within_the_window(clocked_gql, clock, session, prefix):
    clock.set(T0)
    for suffix in ("soon", "late"):
        await _open(clocked_gql, f"{prefix}-{suffix}")
        await _move(clocked_gql, f"{prefix}-{suffix}", "IN_PROGRESS")
        await _move(clocked_gql, f"{prefix}-{suffix}", "RESOLVED")
    clock.set(T0 + timedelta(days=6, hours=23))
    reopened = await _move(clocked_gql, f"{prefix}-soon", "IN_PROGRESS", persona="partner-admin")
    assert reopened["errors"] == [] and reopened["case"]["resolvedAt"] is None
    assert reopened["case"]["sla"]["pausedSeconds"] == (6 * 24 + 23) * 3600  # the resolved days do not count
    clock.set(T0 + timedelta(days=7, seconds=1))
    late = await _move(clocked_gql, f"{prefix}-late", "IN_PROGRESS", persona="partner-admin")
    assert [e["code"] for e in late["errors"]] == ["INVALID_TRANSITION"] and late["case"] is None
    assert (await _graph_case(session, f"{prefix}-late"))["status"] == "RESOLVED"


async def test_invalid_moves_change_nothing(clocked_gql, clock, session, prefix):
    clock.set(T0)
    key = f"{prefix}-bad"
    await _open(clocked_gql, key)
    before = await _graph_case(session, key)

    skip = await _move(clocked_gql, key, "RESOLVED")  # NEW → RESOLVED is not a move
    assert [e["code"] for e in skip["errors"]] == ["INVALID_TRANSITION"]
    await _move(clocked_gql, key, "IN_PROGRESS")
    before = await _graph_case(session, key)
    by_partner = await _move(clocked_gql, key, "RESOLVED", persona="partner-admin")  # only the enterprise resolves
    assert [e["code"] for e in by_partner["errors"]] == ["FORBIDDEN"]
    assigned = await clocked_gql.data(ASSIGN, persona="partner-admin", variables={"id": _gid(key), "agent": AGENT})
    assert [e["code"] for e in assigned["assignCase"]["errors"]] == ["FORBIDDEN"]
    note = await _comment(clocked_gql, key, "a partner work note", internal=True, persona="partner-admin")
    assert [e["code"] for e in note["errors"]] == ["FORBIDDEN"]
    for persona in ("enterprise-executive", "relationship-manager"):
        watched = await _comment(clocked_gql, key, "read-only persona", persona=persona)
        assert [e["code"] for e in watched["errors"]] == ["FORBIDDEN"]
    stranger = await _comment(clocked_gql, key, "not my case", persona="partner-manager")  # Fabrikam: Contoso's case
    assert [e["code"] for e in stranger["errors"]] == ["NOT_FOUND"]
    both = await clocked_gql.data(ASSIGN, variables={"id": _gid(key), "agent": AGENT, "queue": ESCALATIONS})
    assert [e["code"] for e in both["assignCase"]["errors"]] == ["VALIDATION"]
    nobody = await clocked_gql.data(ASSIGN, variables={"id": _gid(key),
                                                       "agent": global_id("Person", "demo-partner-admin")})
    assert [e["code"] for e in nobody["assignCase"]["errors"]] == ["NOT_FOUND"]
    after = await _graph_case(session, key)
    assert after == before and after["queues"] == ["queue-partner-support"] and after["agents"] == []


async def test_open_refusals(clocked_gql, clock, session, prefix):
    clock.set(T0)

    async def refused(persona: str, **fields) -> list[tuple[str, list[str]]]:
        item = {"key": f"{prefix}-x", "subject": "refused", **fields}
        data = await clocked_gql.data(OPEN, persona=persona, variables={"c": item})
        assert data["openCase"]["case"] is None
        return [(e["code"], e["field"]) for e in data["openCase"]["errors"]]

    contoso, tailspin = global_id("Partner", "p-contoso"), global_id("Partner", "p-tailspin")
    # An account no partner in Contoso's scope serves reads as missing.
    assert await refused("partner-admin", partner=contoso, account=global_id("Account", "acct-lumiere")) == [
        ("NOT_FOUND", ["account"])]
    # Visible (Litware is below Contoso), but not served by Tailspin or a partner below it.
    assert await refused("partner-admin", partner=tailspin, account=global_id("Account", "acct-umbrella")) == [
        ("VALIDATION", ["account"])]
    assert await refused("partner-manager", partner=contoso) == [("NOT_FOUND", ["partner"])]  # above Fabrikam
    assert await refused("partner-admin", partner=contoso, about=global_id("Order", "no-such-order")) == [
        ("NOT_FOUND", ["about"])]
    assert await refused("partner-admin", partner=contoso, about=global_id("Partner", "p-contoso")) == [
        ("VALIDATION", ["about"])]
    assert await refused("partner-admin", partner=contoso, owner=global_id("Person", "p-fabrikam-admin")) == [
        ("VALIDATION", ["owner"])]
    assert await refused("enterprise-admin", partner=contoso) == [("FORBIDDEN", [])]
    rows = await session.read_transaction(lambda tx: tx.run("MATCH (c:Case) WHERE c.id STARTS WITH $p RETURN c.id",
                                                            p=prefix))
    assert rows == []


async def test_case_about_a_deal_registration(clocked_gql, clock, session, prefix):
    clock.set(T0)
    deal = f"{prefix}-deal"
    await session.write_transaction(lambda tx: tx.run("CREATE (:DealRegistration {id: $id})", id=deal))
    try:
        await _open(clocked_gql, f"{prefix}-about", about=global_id("DealRegistration", deal))
        rows = await session.read_transaction(lambda tx: tx.run(
            "MATCH (:Case {id: $c})-[:ABOUT]->(d:DealRegistration) RETURN d.id AS id", c=f"{prefix}-about"))
        assert rows == [{"id": deal}]
    finally:
        await session.write_transaction(lambda tx: tx.run("MATCH (d:DealRegistration {id: $id}) DETACH DELETE d",
                                                          id=deal))


async def test_agent_sees_assigned_and_queue_cases_only(clocked_gql, clock, prefix):
    clock.set(T0)
    key = f"{prefix}-route"
    await _open(clocked_gql, key)

    async def agent_sees() -> bool:
        return (await clocked_gql.data(NODE, persona="partner-agent", variables={"id": _gid(key)}))["node"] is not None

    assert await agent_sees()  # new cases land in the default queue, which the agent works
    moved = await clocked_gql.data(ASSIGN, variables={"id": _gid(key), "queue": ESCALATIONS})
    assert moved["assignCase"]["case"]["queue"] == {"key": "queue-escalations"}
    assert not await agent_sees()
    lost = await _comment(clocked_gql, key, "can I?")  # the agent cannot reach it any more
    assert [e["code"] for e in lost["errors"]] == ["NOT_FOUND"]
    given = await clocked_gql.data(ASSIGN, variables={"id": _gid(key), "agent": AGENT})
    assert given["assignCase"]["case"]["assignee"] == {"key": "demo-partner-agent"}
    assert given["assignCase"]["case"]["queue"] is None
    assert await agent_sees()
    back = await clocked_gql.data(ASSIGN, persona="partner-agent", variables={"id": _gid(key), "queue": SUPPORT})
    assert back["assignCase"]["errors"] == [] and await agent_sees()


async def test_associate_sees_cases_opened_or_owned(clocked_gql, clock, prefix):
    clock.set(T0)
    owned = await _open(clocked_gql, f"{prefix}-owned", partner="p-tailspin",
                        owner=global_id("Person", "demo-partner-associate"))
    other = await _open(clocked_gql, f"{prefix}-other", persona="partner-manager", partner="p-tailspin")
    own = await _open(clocked_gql, f"{prefix}-own", persona="partner-associate", partner="p-tailspin")
    assert own["status"] == "NEW"
    listed = await clocked_gql.data(PARTNER_CASES, persona="partner-associate",
                                    variables={"id": global_id("Partner", "p-tailspin"), "subtree": False})
    keys = {k for k in _keys(listed["partner"]["cases"]) if k.startswith(prefix)}
    assert keys == {owned["key"], own["key"]} and other["key"] not in keys
    # The associate follows up their own case: comments, and cannot touch the other one.
    ok = await _comment(clocked_gql, own["key"], "more detail", persona="partner-associate")
    assert ok["errors"] == []
    hidden = await _comment(clocked_gql, other["key"], "peek", persona="partner-associate")
    assert [e["code"] for e in hidden["errors"]] == ["NOT_FOUND"]
    cancelled = await _move(clocked_gql, own["key"], "CANCELLED", persona="partner-associate")
    assert cancelled["errors"] == [] and cancelled["case"]["closedAt"] is not None
    after = await _comment(clocked_gql, own["key"], "too late", persona="partner-associate")
    assert [e["code"] for e in after["errors"]] == ["INVALID_TRANSITION"]


async def test_case_numbers_are_sequential(clocked_gql, clock, prefix):
    clock.set(T0)
    first = await _open(clocked_gql, f"{prefix}-n1")
    second = await _open(clocked_gql, f"{prefix}-n2")
    assert int(second["number"][5:]) == int(first["number"][5:]) + 1
    taken = await clocked_gql.data(OPEN, persona="partner-admin", variables={"c": {
        "key": f"{prefix}-n1", "partner": global_id("Partner", "p-contoso"), "subject": "again"}})
    assert [e["code"] for e in taken["openCase"]["errors"]] == ["CONFLICT"]
