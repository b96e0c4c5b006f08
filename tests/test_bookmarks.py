"""Causal reads across gateway processes (docs/DEPLOYMENT.md): a write's bookmark comes back in the
`PartnerGraph-Bookmark` header and `extensions.bookmark`; sent back through another gateway, that gateway's reads
wait for it. On one server every read sees every write anyway, so the tests also show that the bookmark reaches
Neo4j: one Neo4j cannot parse is refused by Neo4j itself."""

from __future__ import annotations

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
