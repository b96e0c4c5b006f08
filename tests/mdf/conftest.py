"""A channel of its own for each MDF test:

    dist (DISTRIBUTOR) ─┬─ res1 (RESELLER) ── sub (RESELLER)
                        ├─ res2 (RESELLER)
                        └─ susp (RESELLER, SUSPENDED)
    other (DISTRIBUTOR)
    outsider (RESELLER, no partnership)

every partner with an admin (`<partner>-admin`), a manager and an associate; every partner but `outsider` with an
ACTIVE partnership in the program `<prefix>-prog` (APPROVED); a relationship manager `<prefix>-rm` who manages
`dist`. Budgets, allocations, requests and claims the test makes hang off the prefixed nodes and go with them."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from graph.shared.client import GraphSession
from tests.channel import link_partners, register_staff
from tests.conftest import GatewayClient, global_id, write

CREATE_BUDGET = """mutation($b: CreateMdfBudgetInput!) { createMdfBudget(budget: $b) {
  budget { id key amount { amount currency } available { amount } } errors { code field message } } }"""
ALLOCATE = """mutation($a: AllocateFundsInput!) { allocateFunds(allocation: $a) {
  allocation { id key amount { amount currency } } errors { code field message } } }"""
SUBMIT_REQUEST = """mutation($r: SubmitFundRequestInput!) { submitFundRequest(request: $r) {
  request { id key status requestedAmount { amount currency } claimBy } errors { code field message } } }"""
DECIDE_REQUEST = """mutation($id: ID!, $d: FundDecision!, $amount: MinorUnits, $reason: String) {
  decideFundRequest(request: $id, decision: $d, approvedAmount: $amount, reason: $reason) {
  request { key status approvedAmount { amount } decisionReason } errors { code field message } } }"""
CANCEL_REQUEST = """mutation($id: ID!, $reason: String) { cancelFundRequest(request: $id, reason: $reason) {
  request { key status cancelReason } errors { code field message } } }"""
SUBMIT_CLAIM = """mutation($c: SubmitFundClaimInput!) { submitFundClaim(claim: $c) {
  claim { id key status amount { amount currency } proofs { name checksum } } errors { code field message } } }"""
DECIDE_CLAIM = """mutation($id: ID!, $d: FundDecision!, $reason: String) {
  decideFundClaim(claim: $id, decision: $d, reason: $reason) {
  claim { key status decisionReason } errors { code field message } } }"""
PAY_CLAIM = """mutation($id: ID!, $ref: String!) { payFundClaim(claim: $id, paymentReference: $ref) {
  claim { key status paymentReference paidAt } errors { code field message } } }"""
ALLOCATION = """query($id: ID!) { fundAllocation(id: $id) { amount { amount } passedDown { amount }
  committed { amount } available { amount } } }"""

PROOF = {"name": "invoice.pdf", "contentType": "application/pdf", "size": 1024,
         "checksum": "sha256:" + "ab" * 32, "storageRef": "s3://proofs/invoice.pdf"}


def payload(data: dict) -> dict:
    (result,) = data.values()
    return result


@dataclass
class Funds:
    prefix: str
    gql: GatewayClient

    def id(self, name: str) -> str:
        return f"{self.prefix}-{name}"

    def gid(self, type_name: str, name: str) -> str:
        return global_id(type_name, self.id(name))

    def staff(self, partner: str, role: str = "admin") -> str:
        return self.id(f"{partner}-{role}")

    async def call(self, document: str, person: str | None = None, persona: str = "enterprise-admin",
                   client: GatewayClient | None = None, **variables: Any) -> dict:
        who = {"person": person} if person else {"persona": persona}
        return payload(await (client or self.gql).data(document, variables=variables, **who))

    async def budget(self, amount: int = 1_000_000, currency: str = "EUR", name: str = "budget",
                     **overrides: Any) -> str:
        result = await self.call(CREATE_BUDGET, b={
            "program": self.gid("Program", "prog"), "name": f"{self.prefix} {name}", "fiscalPeriod": "FY2026-H2",
            "startDate": "2026-07-01", "endDate": "2026-12-31", "currency": currency, "amount": amount,
            "key": self.id(name), **overrides})
        assert result["errors"] == [], result
        return result["budget"]["id"]

    async def allocate(self, source: str, partner: str, amount: int, person: str | None = None,
                       **overrides: Any) -> dict:
        return await self.call(ALLOCATE, person=person, a={
            "source": source, "partner": self.gid("Partner", partner), "amount": amount, **overrides})

    async def allocated(self, source: str, partner: str, amount: int, person: str | None = None) -> str:
        result = await self.allocate(source, partner, amount, person)
        assert result["errors"] == [], result
        return result["allocation"]["id"]

    def request_input(self, allocation: str, amount: int, **overrides: Any) -> dict:
        return {"allocation": allocation, "name": f"{self.prefix} campaign {uuid.uuid4().hex[:6]}",
                "activityType": "WEBINAR", "description": "Four webinars on the new release.",
                "startDate": "2026-08-01", "endDate": "2026-08-31", "amount": amount, "currency": "EUR",
                **overrides}

    async def request(self, allocation: str, amount: int, person: str, **overrides: Any) -> dict:
        return await self.call(SUBMIT_REQUEST, person=person, r=self.request_input(allocation, amount, **overrides))

    async def requested(self, allocation: str, amount: int, person: str, **overrides: Any) -> str:
        result = await self.request(allocation, amount, person, **overrides)
        assert result["errors"] == [], result
        return result["request"]["id"]

    async def decide(self, request: str, decision: str = "APPROVED", amount: int | None = None,
                     reason: str | None = None, **who: Any) -> dict:
        return await self.call(DECIDE_REQUEST, id=request, d=decision, amount=amount, reason=reason, **who)

    async def approved(self, allocation: str, amount: int, person: str, **overrides: Any) -> str:
        request = await self.requested(allocation, amount, person, **overrides)
        result = await self.decide(request)
        assert result["errors"] == [], result
        return request

    async def claim(self, request: str, amount: int, person: str, client: GatewayClient | None = None,
                    proofs: list[dict] | None = None) -> dict:
        return await self.call(SUBMIT_CLAIM, person=person, client=client, c={
            "request": request, "amount": amount, "proofs": [PROOF] if proofs is None else proofs})

    async def standing(self, allocation: str) -> dict:
        data = await self.gql.data(ALLOCATION, variables={"id": allocation})
        return {k: v["amount"] for k, v in data["fundAllocation"].items()}


async def build_channel(session: GraphSession, prefix: str) -> None:
    await write(session, """
        MATCH (io:InternalOrg {id: 'io-channel'})
        CREATE (io)-[:RUNS]->(prog:Program {id: $p + '-prog', name: $p + ' Program', kind: 'RESELLER',
                                            status: 'APPROVED', startDate: date('2026-01-01'), createdAt: datetime()})
        CREATE (prog)-[:HAS_SEGMENT]->(seg:Segment {id: $p + '-member', name: 'Member', rank: 1, isDefault: true})
        CREATE (rm:Person {id: $p + '-rm', name: $p + ' RM', email: 'rm@' + $p + '.example'})
               -[:EMPLOYED_BY {role: 'RELATIONSHIP_MANAGER'}]->(io)
        WITH prog, seg, rm
        UNWIND [['dist', 'DISTRIBUTOR', 'ACTIVE', true], ['res1', 'RESELLER', 'ACTIVE', true],
                ['res2', 'RESELLER', 'ACTIVE', true], ['susp', 'RESELLER', 'SUSPENDED', true],
                ['sub', 'RESELLER', 'ACTIVE', true], ['other', 'DISTRIBUTOR', 'ACTIVE', true],
                ['outsider', 'RESELLER', 'ACTIVE', false]] AS row
        CREATE (p:Partner {id: $p + '-' + row[0], name: $p + ' ' + row[0], type: row[1], status: row[2],
                           country: 'IS', currency: 'EUR', createdAt: datetime()})
        WITH prog, seg, rm, p, row
        CALL (prog, seg, p, row) {
          WITH prog, seg, p, row WHERE row[3]
          CREATE (p)-[:HAS]->(ps:Partnership {id: p.id + '-ps', status: 'ACTIVE', createdAt: datetime()})-[:IN]->(prog)
          CREATE (ps)-[:AT {since: datetime()}]->(seg)
        }
        CALL (rm, p, row) {
          WITH rm, p, row WHERE row[0] = 'dist'
          CREATE (rm)-[:MANAGES]->(p)
        }
        """, p=prefix)
    await register_staff(session, prefix)
    await link_partners(session, prefix, [("dist", "res1"), ("dist", "res2"), ("dist", "susp"), ("res1", "sub")])


async def remove_channel(session: GraphSession, prefix: str) -> None:
    """The prefixed nodes, and the MDF nodes hanging off them (their keys are generated unless a test names them)."""
    await write(session, """
        MATCH (b:MdfBudget)<-[:HAS_BUDGET]-(:Program {id: $p + '-prog'})
        OPTIONAL MATCH (b)<-[:DRAWN_FROM*1..]-(a:FundAllocation)
        OPTIONAL MATCH (a)<-[:DRAWS_ON]-(r:FundRequest)
        OPTIONAL MATCH (r)<-[:CLAIMS]-(c:FundClaim)
        OPTIONAL MATCH (c)-[:PROVEN_BY]->(proof:ProofOfPerformance)
        DETACH DELETE proof, c, r, a, b
        """, p=prefix)
    await write(session, "MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n", p=prefix)


@pytest.fixture
async def funds(session: GraphSession, gql: GatewayClient) -> AsyncIterator[Funds]:
    prefix = f"t-mdf-{uuid.uuid4().hex[:8]}"
    await build_channel(session, prefix)
    try:
        yield Funds(prefix, gql)
    finally:
        await remove_channel(session, prefix)
