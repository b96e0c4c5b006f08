"""Retention (`partnergraph changes prune`): a prefix of the log goes, each entity keeps a ChangeSummary that its
audit trail shows under its own visibility, the horizon moves so old cursors and since exports expire, `last`
never moves back, concurrent prunes and writers leave a consistent log, and the CLI refuses bad cutoffs.

Pruning deletes the oldest records of the whole log, so these tests run on their own Neo4j with the demo data
(and its history, cypher/demo/05_changes.cypher: 25 records, seq 1 to 25, from 2024-01-15 to 2026-05-02)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
import orjson
import pytest

from gateway.app import create_app
from gateway.exports import exporter, viewers
from gateway.exports.exporter import ExportExpired, ExportRequest
from gateway.settings import Settings
from graph.changes.writes import prune
from graph.shared.client import GraphSession
from tests.change_log import last_seq, mutate
from tests.conftest import GatewayClient, global_id, private_neo4j, write

DEMO_RECORDS = 25
NOW = datetime(2026, 12, 1, tzinfo=UTC)
TRAIL = """query($id: ID!) { auditTrail(entity: $id) { edges { node { seq operation } }
  pruned { changes firstSeq lastSeq firstAt lastAt createdAt createdBy { key persona } deletedAt lastState } } }"""
NESTED = """query($id: ID!) { node(id: $id) { ... on Partner { auditTrail { pruned { changes } } } } }"""
FEED = """query($after: String) { changes(after: $after, first: 100) {
  edges { node { seq } } pageInfo { endCursor } } }"""
RENAME = """mutation($id: ID!, $name: String!) { updatePartner(partner: $id, name: $name) {
  partner { name } errors { code message } } }"""


@dataclass
class Retention:
    settings: Settings
    session: GraphSession
    gql: GatewayClient
    http: httpx.AsyncClient


@pytest.fixture(scope="module")
async def retention() -> AsyncIterator[Retention]:
    async with private_neo4j("partnergraph-retention-") as (settings, graph):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(settings, graph)),
                                     base_url="http://gateway") as http:
            yield Retention(settings, graph.session(), GatewayClient(http, settings), http)


async def _seqs(session: GraphSession) -> list[int]:
    rows = await write(session, "MATCH (c:Change) RETURN c.seq AS seq ORDER BY seq")
    return [row["seq"] for row in rows]


async def _horizon(session: GraphSession) -> dict:
    (row,) = await session.read("changes/reads/horizon")
    return row


async def _trail(gql: GatewayClient, gid: str, persona: str | None = None, person: str | None = None) -> dict:
    return (await gql.data(TRAIL, persona=persona, person=person, variables={"id": gid}))["auditTrail"]


async def test_the_demo_log_starts_whole(retention):
    assert await _seqs(retention.session) == list(range(1, DEMO_RECORDS + 1))
    assert await _horizon(retention.session) == {"last": DEMO_RECORDS, "prunedThrough": 0}
    assert (await _trail(retention.gql, global_id("Partner", "p-fabrikam"), "enterprise-admin"))["pruned"] is None


async def test_a_prune_removes_the_prefix_before_the_cutoff_and_keeps_summaries(retention):
    session, gql = retention.session, retention.gql
    batches = []
    # Records 1-10 are older than 2026-04-01T09:00 (Fabrikam's onboarding, its partnership, a case, a withdrawn
    # draft); batches of 3 take four transactions.
    report = await prune(session, datetime(2026, 4, 1, 9, 0, tzinfo=UTC), NOW, batch_size=3, on_batch=batches.append)
    assert (report.pruned, report.pruned_through, batches) == (10, 10, [3, 3, 3, 1])
    assert await _seqs(session) == list(range(11, DEMO_RECORDS + 1))
    assert await _horizon(session) == {"last": DEMO_RECORDS, "prunedThrough": 10}  # `last` never moves back

    fabrikam = global_id("Partner", "p-fabrikam")
    trail = await _trail(gql, fabrikam, "enterprise-admin")
    assert trail["edges"] == []
    assert trail["pruned"] == {
        "changes": 3, "firstSeq": 1, "lastSeq": 3, "firstAt": "2024-01-15T09:00:00+00:00",
        "lastAt": "2024-02-01T09:00:00+00:00", "createdAt": "2024-01-15T09:00:00+00:00",
        "createdBy": {"key": "demo-enterprise-admin", "persona": "enterprise-admin"}, "deletedAt": None,
        "lastState": "ACTIVE"}
    # The summary has its entity's visibility: Fabrikam's manager sees it, Lyon's admin (another branch) not.
    assert (await _trail(gql, fabrikam, "partner-manager"))["pruned"]["changes"] == 3
    assert (await _trail(gql, fabrikam, person="p-lyon-admin"))["pruned"] is None
    nested = await gql.data(NESTED, persona="partner-admin", variables={"id": fabrikam})
    assert nested["node"]["auditTrail"]["pruned"] == {"changes": 3}

    # The withdrawn draft's tombstone was pruned: its summary keeps its creation and deletion.
    withdrawn = await _trail(gql, global_id("DealRegistration", "dr-demo-contoso-withdrawn"), "partner-admin")
    assert withdrawn["pruned"]["deletedAt"] == "2026-03-25T09:00:00+00:00"
    assert withdrawn["pruned"]["createdBy"] == {"key": "demo-partner-admin", "persona": "partner-admin"}
    # An entity with records on both sides of the horizon: no summary yet, its trail as it was.
    initech = await _trail(gql, global_id("DealRegistration", "dr-demo-contoso-initech"), "enterprise-admin")
    assert initech["pruned"] is None and len(initech["edges"]) == 5


async def test_cursors_and_since_exports_below_the_horizon_expire(retention):
    gql, http = retention.gql, retention.http
    status, body = await gql.post(FEED, variables={"after": "5"})
    assert body["errors"][0]["extensions"]["code"] == "CURSOR_EXPIRED" and body["data"] is None
    at_horizon = (await gql.data(FEED, variables={"after": "10"}))["changes"]
    from_start = (await gql.data(FEED, variables={"after": None}))["changes"]
    assert [e["node"]["seq"] for e in from_start["edges"]][:2] == [11, 12]
    assert from_start == at_horizon

    token = gql.token("enterprise-admin")
    for name in ("changes", "lineages"):
        expired = await http.get(f"/export/{name}", params={"since": "9"}, headers={"authorization": f"Bearer {token}"})
        assert expired.status_code == 410 and expired.json()["errors"][0]["extensions"]["code"] == "CURSOR_EXPIRED"
        assert "run a full export" in expired.json()["errors"][0]["message"]
        fine = await http.get(f"/export/{name}", params={"since": "10"}, headers={"authorization": f"Bearer {token}"})
        assert fine.status_code == 200
    full = await http.get("/export/changes", headers={"authorization": f"Bearer {token}"})
    assert full.status_code == 200 and len(full.content.splitlines()) == DEMO_RECORDS - 10


async def test_an_empty_feed_page_from_the_start_stands_at_the_horizon(retention):
    session, gql = retention.session, retention.gql
    # Fabrikam's associate-less view: a viewer who sees none of the records after the horizon.
    data = await gql.data(FEED, persona="partner-associate", variables={"after": None})
    assert data["changes"]["edges"] == [] and data["changes"]["pageInfo"]["endCursor"] == "10"
    again = await gql.data(FEED, persona="partner-associate", variables={"after": "10"})
    assert again["changes"]["pageInfo"]["endCursor"] == "10"
    assert (await _horizon(session))["prunedThrough"] == 10


async def test_a_record_numbered_after_a_newer_one_is_kept(retention):
    session = retention.session
    # A long request: its clock read before a later-numbered record's, committed after it.
    seq = await last_seq(session) + 1
    await write(session, "MATCH (s:ChangeSequence {name: 'changes'}) SET s.last = $seq "
                "CREATE (:Change {seq: $seq, at: datetime('2026-01-01T00:00:00Z'), actorPersona: 'system', "
                "entityType: 'Partner', entityId: 'p-fabrikam', operation: 'UPDATED', enterpriseOnly: false, "
                "scope: 'partner', scopeId: 'p-fabrikam', partnerId: 'p-fabrikam'})", seq=seq)
    # Records 11-17 are before 2026-04-05T09:00; record 18 is not, so the prune stops there.
    report = await prune(session, datetime(2026, 4, 5, 9, 0, tzinfo=UTC), NOW)
    assert (report.pruned, report.pruned_through) == (7, 17)
    assert (await _seqs(session))[0] == 18 and seq in await _seqs(session)
    # Run again with the same cutoff: nothing more goes.
    assert (await prune(session, datetime(2026, 4, 5, 9, 0, tzinfo=UTC), NOW)).pruned == 0
    summary = (await write(session, "MATCH (s:ChangeSummary {entityType: 'DealRegistration', "
                           "entityId: 'dr-demo-lyon-rejected'}) RETURN s.changes AS changes, s.lastState AS state"))
    assert summary == [{"changes": 2, "state": "SUBMITTED"}]
    # The internal work note's summary stays enterprise-only.
    (note,) = await write(session, "MATCH (s:ChangeSummary {entityId: 'cmt-demo-2'}) RETURN s.enterpriseOnly AS e")
    assert note["e"] is True


async def test_concurrent_prunes_and_writers_leave_a_consistent_log(retention):
    session, gql = retention.session, retention.gql
    before_records = await _seqs(session)
    cutoff = datetime(2026, 5, 1, tzinfo=UTC)
    expected = [s for s in before_records if s <= 23]  # 18-23 are before May; 24 is at 2026-05-02, so 26 stays
    pruned_before = sum(r["n"] for r in await write(session, "MATCH (s:ChangeSummary) RETURN sum(s.changes) AS n"))

    async def rename(n: int) -> None:
        await mutate(gql, "enterprise-admin", RENAME, id=global_id("Partner", "p-wingtip"), name=f"Wingtip {n}")

    results = await asyncio.gather(prune(session, cutoff, NOW, batch_size=1), prune(session, cutoff, NOW, batch_size=2),
                                   *(rename(n) for n in range(4)))
    pruned = results[0].pruned + results[1].pruned
    assert pruned == len(expected) == 6
    remaining = await _seqs(session)
    horizon = await _horizon(session)
    assert remaining[0] == horizon["prunedThrough"] + 1 == 24
    assert remaining == list(range(24, horizon["last"] + 1))  # the four renames appended, no gap
    assert horizon["last"] == before_records[-1] + 4
    total = sum(r["n"] for r in await write(session, "MATCH (s:ChangeSummary) RETURN sum(s.changes) AS n"))
    assert total - pruned_before == pruned


async def test_an_export_a_prune_overtakes_fails_instead_of_skipping(retention):
    session = retention.session
    request = ExportRequest.parse("changes", "ndjson", None, None, batch_size=1)
    export = await exporter.start(session, request, await viewers.scope_of(session, None))
    chunks = export.chunks()
    await anext(chunks)  # the start, then the first record after the horizon
    first = await anext(chunks)
    assert orjson.loads(first)["seq"] == export.pruned_through + 1 == 24
    # A prune now removes 24 to 26, two of them not read yet: the export must not end as if whole.
    assert (await prune(session, datetime(2026, 5, 3, tzinfo=UTC), NOW)).pruned_through == 26
    with pytest.raises(ExportExpired, match="changes up to seq 26 were pruned"):
        async for _ in chunks:
            pass


def _prune_cli(settings: Settings, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTNERGRAPH_STATE_DIR": str(settings.state_dir),
           "PARTNERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port)}
    return subprocess.run([sys.executable, "-c", "from gateway.cli import app; app()", "changes", "prune", *args],
                          env=env, capture_output=True, timeout=120, check=False, text=True)


async def test_the_cli_prunes_and_refuses_bad_cutoffs(retention):
    settings, session = retention.settings, retention.session
    before = await _seqs(session)
    for cutoff, message in (("2999-01-01", "is in the future"), ("last tuesday", "not an ISO 8601 date")):
        refused = await asyncio.to_thread(_prune_cli, settings, "--before", cutoff)
        assert refused.returncode == 1 and message in refused.stderr, refused.stderr
    assert await _seqs(session) == before
    # Everything before today: the four renames' records (the gateway's clock) and any other left.
    done = await asyncio.to_thread(_prune_cli, settings, "--before", datetime.now(UTC).isoformat(),
                                   "--batch-size", "100")
    assert done.returncode == 0, done.stderr
    horizon = await _horizon(session)
    assert "pruned 4 change record(s)" in done.stdout
    assert f"the log now starts after seq {horizon['prunedThrough']}" in done.stdout
    assert horizon["prunedThrough"] == horizon["last"] == 30 and await _seqs(session) == []
