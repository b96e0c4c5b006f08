"""Fixtures of the partner application tests: a program of their own (APPROVED, two segments, three questions),
unique names, and the cleanup of everything an application and its approval made."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

import httpx
import pytest

from gateway.app import create_app
from tests.conftest import GatewayClient, global_id, write

SUBMIT = """mutation($a: PartnerApplicationInput!) { submitPartnerApplication(application: $a) {
  receipt { reference status submittedAt } errors { code field message } } }"""

REVIEW = """mutation($id: ID!, $d: ApplicationDecision!, $r: String, $s: ApprovedPartnerStatus, $seg: ID) {
  reviewPartnerApplication(application: $id, decision: $d, reason: $r, partnerStatus: $s, segment: $seg) {
    application { key status decisionReason decidedAt decidedBy { key }
      partner { key name type status country
        staff { edges { node { key name email partnerRole } } }
        partnerships { edges { node { key status program { key } segment { key } } } } } }
    errors { code field message } } }"""

APPLICATION = """query($id: ID!) { partnerApplication(id: $id) { key status company country type adminName adminEmail
  submittedAt answers { question answer } program { key } partner { key }
  duplicates { found sameCompany sameEmail otherApplications partners { key } people { key }
               applications { key } } } }"""


async def create_program(session, prefix: str, status: str = "APPROVED") -> str:
    """A program keyed `prefix` (segments `<prefix>-gold`, `<prefix>-base` the default) asking three questions."""
    await write(session, """
        MATCH (org:InternalOrg {id: 'io-channel'})
        CREATE (org)-[:RUNS]->(prog:Program {id: $prefix, name: $prefix + ' Program', kind: 'RESELLER',
                                             status: $status, startDate: date('2025-01-01'), createdAt: datetime()})
        CREATE (prog)-[:HAS_SEGMENT]->(:Segment {id: $prefix + '-gold', name: 'Gold', rank: 1, isDefault: false})
        CREATE (prog)-[:HAS_SEGMENT]->(:Segment {id: $prefix + '-base', name: 'Base', rank: 2, isDefault: true})
        CREATE (prog)-[:ASKS]->(:ApplicationQuestion {key: 'revenue', text: 'Revenue?', required: true, position: 0})
        CREATE (prog)-[:ASKS]->(:ApplicationQuestion {key: 'regions', text: 'Regions?', required: true, position: 1})
        CREATE (prog)-[:ASKS]->(:ApplicationQuestion {key: 'notes', text: 'Anything else?', required: false,
                                                      position: 2})""", prefix=prefix, status=status)
    return global_id("Program", prefix)


async def remove_applications(session, prefix: str) -> None:
    """The program, its applications and whatever their approvals created (partners, admins, partnerships and
    their segment history). Their change records stay (the log's seqs have no gaps); they read as anchored to
    nothing."""
    await write(session, """
        MATCH (prog:Program {id: $prefix})
        OPTIONAL MATCH (a:PartnerApplication)-[:TO]->(prog)
        OPTIONAL MATCH (a)-[:BECAME]->(p:Partner)
        OPTIONAL MATCH (p)<-[:MEMBER_OF]-(person:Person)
        OPTIONAL MATCH (p)-[:HAS]->(ps:Partnership)
        OPTIONAL MATCH (ps)-[:HAD]->(history:SegmentAssignment)
        OPTIONAL MATCH (prog)-[:HAS_SEGMENT]->(seg:Segment)
        OPTIONAL MATCH (prog)-[:ASKS]->(q:ApplicationQuestion)
        WITH collect(DISTINCT a) + collect(DISTINCT p) + collect(DISTINCT person) + collect(DISTINCT ps)
             + collect(DISTINCT history) + collect(DISTINCT seg) + collect(DISTINCT q) + collect(DISTINCT prog)
             AS doomed
        UNWIND doomed AS n
        WITH DISTINCT n
        DETACH DELETE n""", prefix=prefix)


@pytest.fixture
async def program(session) -> AsyncIterator[dict[str, str]]:
    prefix = f"t-app-{uuid.uuid4().hex[:8]}"
    program_id = await create_program(session, prefix)
    yield {"prefix": prefix, "program": program_id}
    await remove_applications(session, prefix)


def application(program_id: str, prefix: str, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "company": f"{prefix} Widgets", "country": "NL", "type": "RESELLER", "program": program_id,
        "adminName": "Ada Applicant", "adminEmail": f"ada@{prefix}.example",
        "answers": [{"question": "revenue", "answer": "1.2M"}, {"question": "regions", "answer": "Benelux"}],
    }
    values.update(overrides)
    return values


async def submit(gql: GatewayClient, values: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """The payload of submitPartnerApplication, sent without a token unless told otherwise."""
    kwargs.setdefault("persona", None)
    data = await gql.data(SUBMIT, variables={"a": values}, **kwargs)
    return data["submitPartnerApplication"]


async def submitted(gql: GatewayClient, values: dict[str, Any]) -> str:
    """Submit (anonymously), expecting success: the application's global ID."""
    payload = await submit(gql, values)
    assert payload["errors"] == [], payload
    return payload["receipt"]["reference"]


@asynccontextmanager
async def gateway(settings, graph, addresses: tuple[str, ...] = ("127.0.0.1",), clock=None,
                  **overrides: Any) -> AsyncIterator[list[GatewayClient]]:
    """A gateway of its own (so its own submission limits), with settings changed by `overrides`: one client per
    address in `addresses`, each reaching it from that address."""
    app = create_app(settings.model_copy(update=overrides), graph, clock)
    async with AsyncExitStack() as stack:
        clients = []
        for address in addresses:
            transport = httpx.ASGITransport(app=app, client=(address, 4321))
            http = await stack.enter_async_context(httpx.AsyncClient(transport=transport, base_url="http://gateway"))
            clients.append(GatewayClient(http, settings))
        yield clients
