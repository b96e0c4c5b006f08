"""A channel of its own for each leads test, in a country no other data uses (Iceland), so routing sees only it:

    dist (DISTRIBUTOR) ─┬─ res1 (RESELLER, gold) ── sub (RESELLER, no partnership)
                        ├─ res2 (RESELLER, silver)
                        └─ res3 (SYSTEM_INTEGRATOR, silver)

every partner ACTIVE with an admin (`<partner>-admin`), a manager and an associate; the program `<prefix>-prog`
(APPROVED) with segments gold (rank 1) and silver (rank 2, default). Leads, offers, rules and registrations the test
makes carry the prefix (or hang off what does) and go with it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from graph.shared.client import GraphSession
from tests.channel import link_partners, register_staff
from tests.conftest import GatewayClient, global_id, write

COUNTRY = "IS"

CREATE_RULES = """mutation($r: [CreateLeadRoutingRuleInput!]!) { createLeadRoutingRules(rules: $r) {
  rules { id key } errors { code field message } } }"""
CREATE_LEADS = """mutation($l: [CreateLeadInput!]!) { createLeads(leads: $l) {
  leads { id key status } errors { code field message } } }"""
ROUTE = """mutation($l: [ID!]!) { routeLeads(leads: $l) {
  leads { key status unroutedReason partner { key } } errors { code field message } } }"""
MOVE = """mutation($id: ID!, $move: LeadMove!, $reason: String) { moveLead(lead: $id, move: $move, reason: $reason) {
  lead { key status partner { key } } errors { code field message } } }"""


@dataclass
class Channel:
    prefix: str
    gql: GatewayClient

    def id(self, name: str) -> str:
        return f"{self.prefix}-{name}"

    def gid(self, type_name: str, name: str) -> str:
        return global_id(type_name, self.id(name))

    def admin(self, partner: str) -> str:
        return self.id(f"{partner}-admin")

    async def rules(self, *rules: dict, persona: str = "enterprise-admin") -> list[str]:
        body = [{"key": self.id(f"rule-{uuid.uuid4().hex[:6]}"), "countries": [COUNTRY],
                 "program": self.gid("Program", "prog"), **r} for r in rules]
        data = await self.gql.data(CREATE_RULES, persona=persona, variables={"r": body})
        assert data["createLeadRoutingRules"]["errors"] == [], data
        return [r["id"] for r in data["createLeadRoutingRules"]["rules"]]

    def lead_input(self, label: str, **overrides) -> dict:
        return {"key": self.id(label), "name": f"{label} lead", "company": f"{self.prefix} {label} Corp",
                "contactName": "Jon Jonsson", "contactEmail": f"{label}@{self.prefix}.example", "country": COUNTRY,
                "estimatedAmount": 500000, "currency": "EUR", "source": "WEBSITE", **overrides}

    async def leads(self, *names: str, **overrides) -> list[str]:
        data = await self.gql.data(CREATE_LEADS, variables={"l": [self.lead_input(n, **overrides) for n in names]})
        assert data["createLeads"]["errors"] == [], data
        return [lead["id"] for lead in data["createLeads"]["leads"]]

    async def route(self, *ids: str) -> list[dict]:
        data = await self.gql.data(ROUTE, variables={"l": list(ids)})
        assert data["routeLeads"]["errors"] == [], data
        return data["routeLeads"]["leads"]

    async def move(self, lead: str, move: str, person: str, reason: str | None = None) -> dict:
        return (await self.gql.data(MOVE, person=person, variables={"id": lead, "move": move,
                                                                    "reason": reason}))["moveLead"]


async def build_channel(session: GraphSession, prefix: str) -> None:
    await write(session, """
        MATCH (io:InternalOrg {id: 'io-channel'})
        CREATE (io)-[:RUNS]->(prog:Program {id: $p + '-prog', name: $p + ' Program', kind: 'RESELLER',
                                            status: 'APPROVED', startDate: date('2026-01-01'), createdAt: datetime()})
        CREATE (prog)-[:HAS_SEGMENT]->(:Segment {id: $p + '-gold', name: 'Gold', rank: 1, isDefault: false})
        CREATE (prog)-[:HAS_SEGMENT]->(:Segment {id: $p + '-silver', name: 'Silver', rank: 2, isDefault: true})
        WITH prog
        UNWIND [['dist', 'DISTRIBUTOR', null, null], ['res1', 'RESELLER', 'dist', 'gold'],
                ['res2', 'RESELLER', 'dist', 'silver'], ['res3', 'SYSTEM_INTEGRATOR', 'dist', 'silver'],
                ['sub', 'RESELLER', 'res1', null]] AS row
        CREATE (p:Partner {id: $p + '-' + row[0], name: $p + ' ' + row[0], type: row[1], status: 'ACTIVE',
                           country: $country, currency: 'EUR', createdAt: datetime()})
        WITH prog, p, row
        CALL (prog, p, row) {
          MATCH (seg:Segment {id: $p + '-' + row[3]})
          CREATE (p)-[:HAS]->(ps:Partnership {id: p.id + '-ps', status: 'ACTIVE', createdAt: datetime()})-[:IN]->(prog)
          CREATE (ps)-[:AT {since: datetime()}]->(seg)
        }
        """, p=prefix, country=COUNTRY)
    await register_staff(session, prefix)
    await link_partners(session, prefix, [("dist", "res1"), ("dist", "res2"), ("dist", "res3"), ("res1", "sub")])


async def remove_channel(session: GraphSession, prefix: str) -> None:
    """The prefixed nodes, and what hangs off them without the prefix: offers, deal registrations and accounts made
    by conversions, assignments of segments, line items."""
    await write(session, """
        MATCH (l:Lead) WHERE l.id STARTS WITH $p
        OPTIONAL MATCH (l)-[:OFFERED]->(o:LeadOffer)
        OPTIONAL MATCH (l)-[:CONVERTED_TO]->(dr:DealRegistration)
        OPTIONAL MATCH (dr)-[:HAS_LINE]->(li:LineItem)
        DETACH DELETE o, li, dr
        """, p=prefix)
    await write(session, """
        MATCH (a:Account) WHERE a.name STARTS WITH $p OR a.id STARTS WITH $p DETACH DELETE a
        """, p=prefix)
    await write(session, "MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n", p=prefix)


@pytest.fixture
async def channel(session: GraphSession, gql: GatewayClient) -> AsyncIterator[Channel]:
    prefix = f"t-lead-{uuid.uuid4().hex[:8]}"
    await build_channel(session, prefix)
    try:
        yield Channel(prefix, gql)
    finally:
        await remove_channel(session, prefix)
