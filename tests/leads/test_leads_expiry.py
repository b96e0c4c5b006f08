"""Acceptance deadlines under a controlled clock: accepting up to the deadline, routing on at it (`expire_leads`,
`partnergraph leads expire`), expiry when no partner is left."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from typer.testing import CliRunner

from gateway.cli import app
from graph.leads.writes import expire_leads
from tests.conftest import write
from tests.leads.conftest import MOVE, ROUTE

START = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


async def _routed(channel, gql, clock, name: str) -> str:
    clock.set(START)
    (lead,) = await channel.leads(name)
    data = await gql.data(ROUTE, variables={"l": [lead]})
    assert data["routeLeads"]["leads"][0]["partner"]["key"] == channel.id("res1")
    return lead


async def test_accepting_is_possible_until_the_deadline_and_not_at_it(channel, clocked_gql, clock):
    await channel.rules({"name": "two hours", "priority": 1, "acceptHours": 2, "partnerTypes": ["RESELLER"]})
    early = await _routed(channel, clocked_gql, clock, "early")
    late = await _routed(channel, clocked_gql, clock, "late")
    clock.set(START + timedelta(hours=2) - timedelta(seconds=1))
    accepted = await clocked_gql.data(MOVE, person=channel.admin("res1"), variables={"id": early, "move": "ACCEPT"})
    assert accepted["moveLead"]["lead"]["status"] == "ACCEPTED"
    clock.set(START + timedelta(hours=2))
    refused = await clocked_gql.data(MOVE, person=channel.admin("res1"), variables={"id": late, "move": "ACCEPT"})
    assert refused["moveLead"]["errors"][0]["code"] == "INVALID_TRANSITION"


async def test_expiry_routes_on_at_the_deadline_and_expires_when_none_is_left(channel, clocked_gql, clock, session):
    await channel.rules({"name": "two hours", "priority": 1, "acceptHours": 2, "partnerTypes": ["RESELLER"]})
    await _routed(channel, clocked_gql, clock, "slow")
    deadline = START + timedelta(hours=2)
    before = await expire_leads(session, deadline - timedelta(seconds=1))
    assert channel.id("slow") not in before.rerouted + before.expired
    at = await expire_leads(session, deadline)
    assert channel.id("slow") in at.rerouted
    later = await expire_leads(session, deadline + timedelta(hours=2))  # res2's two hours pass too
    assert channel.id("slow") in later.expired
    offers = await write(session, """MATCH (l:Lead {id: $id})-[:OFFERED]->(o:LeadOffer)-[:TO]->(p)
        RETURN p.id AS partner, o.outcome AS outcome, toString(o.acceptBy) AS acceptBy,
               l.status AS status ORDER BY o.seq""", id=channel.id("slow"))
    assert offers == [
        {"partner": channel.id("res1"), "outcome": "TIMED_OUT", "acceptBy": "2026-07-01T14:00:00Z",
         "status": "EXPIRED"},
        {"partner": channel.id("res2"), "outcome": "TIMED_OUT", "acceptBy": "2026-07-01T16:00:00Z",
         "status": "EXPIRED"}]
    changes = await write(session, """MATCH (c:Change {entityId: $id}) WHERE c.actorPersona = 'system'
        RETURN c.operation AS operation, c.toState AS state ORDER BY c.seq""", id=channel.id("slow"))
    assert changes == [{"operation": "UPDATED", "state": None}, {"operation": "STATE_CHANGED", "state": "EXPIRED"}]


def test_the_command_reports_and_refuses_a_bad_moment(settings, neo4j_server, monkeypatch):
    """`partnergraph leads expire --now …` against the test server; nothing is due in 2020."""
    monkeypatch.setenv("PARTNERGRAPH_STATE_DIR", str(settings.state_dir))
    monkeypatch.setenv("PARTNERGRAPH_NEO4J_BOLT_PORT", str(settings.neo4j_bolt_port))
    result = CliRunner().invoke(app, ["leads", "expire", "--now", "2020-01-01T00:00:00"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("0 lead(s) routed on, 0 expired as of 2020-01-01T00:00:00+00:00\n")
    bad = CliRunner().invoke(app, ["leads", "expire", "--now", "yesterday"])
    assert bad.exit_code == 1 and "--now is not an ISO 8601" in bad.output
