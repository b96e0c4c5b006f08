"""Causal reads across gateway processes (docs/DEPLOYMENT.md): a write's bookmark comes back in the
`PartnerGraph-Bookmark` header and `extensions.bookmark`; sent back through another gateway, that gateway's reads
wait for it. On one server every read sees every write anyway, so the tests also show that the bookmark reaches
Neo4j: one Neo4j cannot parse is refused by Neo4j itself."""

from __future__ import annotations

import asyncio
import base64
import uuid
from collections.abc import Iterator

import httpx
import pytest

from gateway.bookmarks import HEADER, MAX_BYTES
from tests.conftest import global_id
from tests.serve_process import ServeProcess

CREATE = """mutation($partners: [CreatePartnerInput!]!) {
  createPartners(partners: $partners) { partners { key } errors { code } } }"""
READ = "query($id: ID!) { partner(id: $id) { name } }"


@pytest.fixture(scope="module")
def two_gateways(settings, neo4j_server) -> Iterator[tuple[ServeProcess, ServeProcess]]:
    gateways = (ServeProcess(settings), ServeProcess(settings))
    try:
        for gateway in gateways:
            gateway.wait_ready()
        yield gateways
    finally:
        for gateway in gateways:
            gateway.close()


@pytest.fixture
async def partner_key(session):
    key = f"bm{uuid.uuid4().hex[:8]}"
    yield key
    await session.write_transaction(lambda tx: tx.run("MATCH (p:Partner {id: $key}) DETACH DELETE p", key=key))


def _post(gateway: ServeProcess, gql, query: str, variables: dict, **headers: str) -> httpx.Response:
    return httpx.post(gateway.url + "/graphql", json={"query": query, "variables": variables},
                      headers={"authorization": f"Bearer {gql.token('enterprise-admin')}", **headers})


def test_a_write_through_one_gateway_is_read_through_another(two_gateways, gql, partner_key):
    writer, reader = two_gateways
    wrote = _post(writer, gql, CREATE, {"partners": [{"key": partner_key, "name": "Bookmarked", "type": "RESELLER"}]})
    assert wrote.json()["data"]["createPartners"] == {"partners": [{"key": partner_key}], "errors": []}
    bookmark = wrote.headers[HEADER]
    assert bookmark.startswith("FB:") and wrote.json()["extensions"]["bookmark"] == bookmark

    read = _post(reader, gql, READ, {"id": global_id("Partner", partner_key)}, **{HEADER: bookmark})
    assert read.json()["data"] == {"partner": {"name": "Bookmarked"}}
    # A read changes nothing: the client keeps the bookmark it sent.
    assert read.headers[HEADER] == bookmark and read.json()["extensions"]["bookmark"] == bookmark
    # The same bookmark as `extensions.bookmark` in the body.
    body = {"query": READ, "variables": {"id": global_id("Partner", partner_key)}, "extensions": {"bookmark": bookmark}}
    read = httpx.post(reader.url + "/graphql", json=body,
                      headers={"authorization": f"Bearer {gql.token('enterprise-admin')}"})
    assert read.json()["data"] == {"partner": {"name": "Bookmarked"}} and read.headers[HEADER] == bookmark


def _ahead(bookmark: str) -> str:
    """The bookmark of the transaction after `bookmark`'s: Neo4j's bookmark is "FB:" and base64 of PackStream
    bytes, a header of 19 (with the database's id), the transaction id as a PackStream integer, and a tail."""
    raw = base64.b64decode(bookmark[3:])
    marker = raw[19]
    width = {0xC8: 1, 0xC9: 2, 0xCA: 4, 0xCB: 8}.get(marker, 0)  # else a tiny integer: the marker itself
    tx = int.from_bytes(raw[20:20 + width], "big", signed=True) if width else marker
    ahead = raw[:19] + b"\xcb" + (tx + 1).to_bytes(8, "big", signed=True) + raw[20 + width:]
    return "FB:" + base64.b64encode(ahead).decode()


async def test_a_read_waits_until_the_database_has_applied_the_bookmark(two_gateways, gql, session, partner_key):
    """A bookmark one transaction ahead of the database (a write that has not reached this server yet, as on a
    lagging follower): the read through the other gateway waits for that transaction and then sees it."""
    writer, reader = two_gateways
    wrote = _post(writer, gql, CREATE, {"partners": [{"key": partner_key, "name": "Before", "type": "RESELLER"}]})
    pending = _ahead(wrote.headers[HEADER])
    async with httpx.AsyncClient(timeout=120) as http:
        read = asyncio.create_task(http.post(
            reader.url + "/graphql", json={"query": READ, "variables": {"id": global_id("Partner", partner_key)}},
            headers={"authorization": f"Bearer {gql.token('enterprise-admin')}", HEADER: pending}))
        await asyncio.sleep(0.5)  # room for a read that does not wait to answer (the bug), never needed to pass
        assert not read.done()
        # The next transaction of the database (nothing else writes during the tests): the one the read waits for.
        await session.write_transaction(lambda tx: tx.run("MATCH (p:Partner {id: $key}) SET p.name = 'After'",
                                                          key=partner_key))
        answer = await read
    assert answer.json()["data"] == {"partner": {"name": "After"}}


def test_reads_without_a_bookmark_carry_none(two_gateways, gql):
    read = _post(two_gateways[1], gql, "{ viewer { persona } }", {})
    assert HEADER not in read.headers and "extensions" not in read.json()


def test_the_bookmark_reaches_neo4j(two_gateways, gql):
    """Well-formed to the gateway, but not a bookmark Neo4j issued: Neo4j refuses it, so the gateway passed it on."""
    read = _post(two_gateways[1], gql, "{ viewer { persona } }", {}, **{HEADER: "FB:kcwQnotabookmark"})
    assert read.status_code == 400
    assert read.json()["errors"][0]["extensions"]["code"] == "INVALID_BOOKMARK"


@pytest.mark.parametrize("bad", ["not a bookmark", "FB:a;b", ",".join(["FB:a"] * 17), "FB:" + "a" * MAX_BYTES])
async def test_malformed_bookmarks_are_refused_before_any_cypher(client, gql, bad):
    response = await client.post("/graphql", json={"query": "{ viewer { persona } }"},
                                 headers={"authorization": f"Bearer {gql.token('enterprise-admin')}", HEADER: bad,
                                          "x-partnergraph-debug": "1"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_BOOKMARK"


@pytest.mark.parametrize("bad", [17, ["FB:a"], {"a": 1}])
async def test_a_bookmark_in_extensions_must_be_a_string(client, gql, bad):
    response = await client.post("/graphql", json={"query": "{ viewer { persona } }", "extensions": {"bookmark": bad}},
                                 headers={"authorization": f"Bearer {gql.token('enterprise-admin')}"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_BOOKMARK"


async def test_a_request_without_a_token_takes_no_bookmark(client):
    """The anonymous are given none (a bookmark would tell a duplicate partner application from a fresh one), so
    one they send is refused before any Cypher."""
    response = await client.post("/graphql", json={"query": "query($p: ID!) { applicationForm(program: $p) { name } }",
                                                    "variables": {"p": global_id("Program", "prog-reseller")}},
                                 headers={HEADER: "FB:kcwQnotabookmark"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_BOOKMARK"
