"""Partner cases: reads scoped per persona (comments and work notes kept apart), the case lifecycle
and its refusals (changing nothing), SLA arithmetic under a controlled clock, segment-specific
targets, and the round-trip bound of a distributor's subtree query."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import global_id

CASE_FIELDS = """key number status priority openedAt firstResponseAt resolvedAt closedAt
  sla { responseMinutes resolutionMinutes responseDueAt resolutionDueAt pausedSeconds paused
        responseBreached resolutionBreached breached responseRemainingSeconds resolutionRemainingSeconds }"""

READ = ("query($id: ID!) { case(id: $id) { %s partner { key } account { key } openedBy { key } assignee { key } "
        "queue { key name } } }" % CASE_FIELDS)
NODE = "query($id: ID!) { node(id: $id) { ... on Case { key } } }"
COMMENTS = "query($id: ID!) { case(id: $id) { comments { edges { node { body visibility author { key } } } } } }"

OPEN = ("mutation($c: OpenCaseInput!) { openCase(case: $c) { case { %s } "
        "errors { code field message } } }" % CASE_FIELDS)
COMMENT = """mutation($id: ID!, $body: String!, $internal: Boolean!) {
  addCaseComment(case: $id, body: $body, internal: $internal) {
    case { %s } comment { body visibility } errors { code field message } } }""" % CASE_FIELDS
ASSIGN = """mutation($id: ID!, $agent: ID, $queue: ID) { assignCase(case: $id, agent: $agent, queue: $queue) {
  case { key assignee { key } queue { key } } errors { code field message } } }"""
MOVE = """mutation($id: ID!, $status: CaseStatus!) { changeCaseStatus(case: $id, status: $status) {
  case { %s } errors { code field message } } }""" % CASE_FIELDS

PARTNER_CASES = """query($id: ID!, $subtree: Boolean!, $breached: Boolean, $open: Boolean,
                        $first: Int, $after: String) {
  partner(id: $id) { cases(includeSubtree: $subtree, breached: $breached, open: $open, first: $first, after: $after) {
    edges { cursor node { key number status partner { key } account { key } openedBy { key } sla { breached } } }
    pageInfo { hasNextPage endCursor } } } }"""

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def _gid(key: str) -> str:
    return global_id("Case", key)


def _keys(connection: dict) -> list[str]:
    return [edge["node"]["key"] for edge in connection["edges"]]


async def _rows(session, cypher: str, **params) -> list[dict]:
    return await session.read_transaction(lambda tx: tx.run(cypher, **params))


async def _open(client, key: str, *, persona: str | None = "partner-admin", partner: str = "p-contoso",
                person: str | None = None, **fields) -> dict:
    item = {"key": key, "partner": global_id("Partner", partner), "subject": f"subject of {key}", **fields}
    data = await client.data(OPEN, persona=persona, person=person, variables={"c": item})
    assert data["openCase"]["errors"] == [], data
    return data["openCase"]["case"]


async def _move(client, key: str, status: str, persona: str = "partner-agent") -> dict:
    return (await client.data(MOVE, persona=persona, variables={"id": _gid(key), "status": status}))["changeCaseStatus"]


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


async def _graph_case(session, key: str) -> dict:
    (row,) = await _rows(session, """MATCH (c:Case {id: $id})
        RETURN c.status AS status, c.version AS version, c.commentCount AS comments,
               COUNT { (c)<-[:ON]-(:CaseComment) } AS commentNodes,
               [(c)-[:IN_QUEUE]->(q) | q.id] AS queues, [(c)-[:ASSIGNED_TO]->(a) | a.id] AS agents""", id=key)
    return row


# --- reads: every persona's view of the demo cases --------------------------------------------

DEMO_VIEW = {
    "enterprise-admin": [1, 2, 3, 4, 5, 6, 7, 8],
    "enterprise-executive": [1, 2, 3, 4, 5, 6, 7, 8],
    "relationship-manager": [1, 2, 3, 4, 5, 7],  # Northwind's subtree
    "partner-agent": [1, 2, 3, 4, 5, 6, 7],  # assigned to them or in the queue they work; not 8 (escalations)
    "partner-admin": [1, 2, 3, 5],  # Contoso and below
    "partner-manager": [1, 2, 5],  # Fabrikam and below
    "partner-associate": [1],  # only what they opened or own
}
LIST = "query($f: CaseFilter) { cases(filter: $f, first: 100) { edges { node { key } } } }"


@pytest.mark.parametrize("persona", sorted(DEMO_VIEW))
async def test_each_persona_sees_its_cases(gql, persona):
    data = await gql.data(LIST, persona=persona)
    seen = sorted(int(k.rsplit("-", 1)[1]) for k in _keys(data["cases"]) if k.startswith("case-demo-"))
    assert seen == DEMO_VIEW[persona]
    for n in range(1, 9):
        by_id = await gql.data(READ, persona=persona, variables={"id": _gid(f"case-demo-{n}")})
        by_node = await gql.data(NODE, persona=persona, variables={"id": _gid(f"case-demo-{n}")})
        visible = n in DEMO_VIEW[persona]
        assert (by_id["case"] is not None, by_node["node"] is not None) == (visible, visible), n


async def test_out_of_scope_reads_like_missing_through_a_partner(gql):
    # Fabrikam's manager reaching Contoso's cases: Contoso itself is out of scope.
    data = await gql.data(PARTNER_CASES, persona="partner-manager",
                          variables={"id": global_id("Partner", "p-contoso"), "subtree": True})
    assert data["partner"] is None
    missing = await gql.data(READ, persona="enterprise-admin", variables={"id": _gid("case-none")})
    assert missing["case"] is None


async def test_work_notes_are_hidden_from_partners(gql):
    partner = await gql.data(COMMENTS, persona="partner-manager", variables={"id": _gid("case-demo-2")})
    agent = await gql.data(COMMENTS, persona="partner-agent", variables={"id": _gid("case-demo-2")})
    assert [e["node"]["visibility"] for e in partner["case"]["comments"]["edges"]] == ["PARTNER", "PARTNER"]
    assert [e["node"]["visibility"] for e in agent["case"]["comments"]["edges"]] == ["PARTNER", "INTERNAL", "PARTNER"]
    internal = await gql.data('query($id: ID!) { case(id: $id) { comments(visibility: INTERNAL) { '
                              'edges { node { body } } } } }',
                              persona="partner-admin", variables={"id": _gid("case-demo-3")})
    assert internal["case"]["comments"]["edges"] == []


async def test_demo_sla_figures_hold_at_any_later_date(gql):
    async def sla(key: str) -> dict:
        return (await gql.data(READ, variables={"id": _gid(key)}))["case"]["sla"]

    never_answered = await sla("case-demo-1")
    assert never_answered["responseBreached"] and never_answered["resolutionBreached"]
    assert never_answered["responseRemainingSeconds"] < 0
    paused = await sla("case-demo-3")  # answered in time, awaiting the partner since 3 hours after opening
    assert paused["paused"] and not paused["breached"]
    assert paused["resolutionRemainingSeconds"] == 4320 * 60 - 3 * 3600
    resolved = await sla("case-demo-4")  # Platinum P2, resolved after 6 hours
    assert (resolved["responseMinutes"], resolved["resolutionMinutes"]) == (120, 720)
    assert not resolved["breached"] and resolved["resolutionRemainingSeconds"] is None
    cancelled = await sla("case-demo-6")
    assert not cancelled["breached"]


async def test_breached_open_cases_of_a_subtree(gql):
    def keys(data):
        return sorted(k for k in _keys(data["partner"]["cases"]) if k.startswith("case-demo-"))

    northwind = await gql.data(PARTNER_CASES, variables={"id": global_id("Partner", "p-northwind"), "subtree": True,
                                                         "breached": True, "open": True})
    assert keys(northwind) == ["case-demo-1", "case-demo-2", "case-demo-7"]
    own_only = await gql.data(PARTNER_CASES, variables={"id": global_id("Partner", "p-northwind"), "subtree": False})
    assert keys(own_only) == ["case-demo-4"]
    fine = await gql.data(PARTNER_CASES, variables={"id": global_id("Partner", "p-northwind"), "subtree": True,
                                                    "breached": False})
    assert keys(fine) == ["case-demo-3", "case-demo-4", "case-demo-5"]
    # The partner admin of Contoso sees the same question for its own subtree.
    contoso = await gql.data(PARTNER_CASES, persona="partner-admin",
                             variables={"id": global_id("Partner", "p-contoso"), "subtree": True, "breached": True,
                                        "open": True})
    assert keys(contoso) == ["case-demo-1", "case-demo-2"]


async def test_pages_follow_the_number(gql):
    first = await gql.data(PARTNER_CASES, variables={"id": global_id("Partner", "p-northwind"), "subtree": True,
                                                     "breached": True, "open": True, "first": 2})
    page = first["partner"]["cases"]
    assert len(page["edges"]) == 2 and page["pageInfo"]["hasNextPage"]
    numbers = [e["node"]["number"] for e in page["edges"]]
    assert numbers == sorted(numbers, reverse=True)
    rest = await gql.data(PARTNER_CASES, variables={"id": global_id("Partner", "p-northwind"), "subtree": True,
                                                    "breached": True, "open": True, "first": 50,
                                                    "after": page["pageInfo"]["endCursor"]})
    later = [e["node"]["number"] for e in rest["partner"]["cases"]["edges"]]
    assert later and max(later) < min(numbers)


async def test_filters(gql):
    query = """query($id: ID!, $acct: ID, $by: ID) { partner(id: $id) {
      p1: cases(includeSubtree: true, priority: [P1]) { edges { node { key } } }
      waiting: cases(includeSubtree: true, status: [AWAITING_PARTNER]) { edges { node { key } } }
      acme: cases(includeSubtree: true, account: $acct) { edges { node { key } } }
      mine: cases(includeSubtree: true, openedBy: $by) { edges { node { key } } } } }"""
    data = await gql.data(query, variables={"id": global_id("Partner", "p-northwind"),
                                            "acct": global_id("Account", "acct-acme"),
                                            "by": global_id("Person", "demo-partner-admin")})
    demo = {name: sorted(k for k in _keys(conn) if k.startswith("case-demo-"))
            for name, conn in data["partner"].items()}
    assert demo == {"p1": ["case-demo-2"], "waiting": ["case-demo-3"], "acme": ["case-demo-1", "case-demo-7"],
                    "mine": ["case-demo-3"]}


async def test_subtree_query_round_trips_are_bounded(gql):
    # viewer + partner + cases + each case's partner + account + opener = 6, whatever the subtree's size.
    small = await gql.round_trips(PARTNER_CASES, variables={"id": global_id("Partner", "p-fabrikam"), "subtree": True,
                                                            "breached": True, "open": True})
    large = await gql.round_trips(PARTNER_CASES, variables={"id": global_id("Partner", "p-northwind"), "subtree": True,
                                                            "breached": True, "open": True})
    assert small == large == 6
    many = """{ partners(first: 50) { edges { node { name cases(includeSubtree: true, breached: true, open: true) {
      edges { node { number partner { name } account { name } openedBy { name } } } } } } } }"""
    assert await gql.round_trips(many) == 6  # the listing replaces partner(id:): still 6 for every partner


async def test_agent_lists_a_queue_and_pages_comments(gql):
    queue = global_id("Queue", "queue-partner-support")
    data = await gql.data(LIST, persona="partner-agent", variables={"f": {"queue": queue, "open": True}})
    assert sorted(k for k in _keys(data["cases"]) if k.startswith("case-demo-")) == [
        "case-demo-1", "case-demo-3", "case-demo-7"]
    page = """query($id: ID!, $after: String) { case(id: $id) { comments(first: 2, after: $after) {
      edges { node { body visibility } } pageInfo { hasNextPage endCursor } } } }"""
    first = (await gql.data(page, persona="partner-agent", variables={"id": _gid("case-demo-2")}))["case"]["comments"]
    assert len(first["edges"]) == 2 and first["pageInfo"]["hasNextPage"]
    rest = (await gql.data(page, persona="partner-agent", variables={"id": _gid("case-demo-2"),
                                                                     "after": first["pageInfo"]["endCursor"]}))
    assert [e["node"]["body"] for e in rest["case"]["comments"]["edges"]] == [
        "Globex reports the portal is still down."]
    queue_node = await gql.data('query($id: ID!) { node(id: $id) { ... on Queue { name isDefault } } }',
                                persona="partner-agent", variables={"id": queue})
    assert queue_node["node"] == {"name": "Partner Support", "isDefault": True}
