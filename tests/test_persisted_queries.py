"""Documents by hash: Apollo's persisted queries (register once, then send only the sha256), and the trusted
documents mode, in which only the documents of a manifest run."""

from __future__ import annotations

import json
from contextlib import asynccontextmanager

import httpx
import pytest

from gateway.app import create_app
from gateway.documents import DocumentStore, sha256_hex

QUERY = "query Persona { viewer { persona } }"
OTHER = "query Me { viewer { person { name } } }"
PERSONA = {"viewer": {"persona": "ENTERPRISE_ADMIN"}}


def persisted(digest: str) -> dict:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


@asynccontextmanager
async def gateway(settings, graph, **overrides):
    app = create_app(settings.model_copy(update=overrides), graph)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://g") as http:
        yield http


async def post(http, gql, body: dict) -> tuple[int, dict]:
    response = await http.post("/graphql", json=body,
                               headers={"authorization": f"Bearer {gql.token('enterprise-admin')}"})
    return response.status_code, response.json()


async def test_a_query_registers_once_and_then_runs_by_its_hash(settings, graph, gql):
    digest = sha256_hex(QUERY)
    async with gateway(settings, graph) as http:
        status, body = await post(http, gql, {"extensions": persisted(digest)})
        assert status == 200 and body["errors"][0]["message"] == "PersistedQueryNotFound"
        assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND" and "data" not in body
        status, body = await post(http, gql, {"query": QUERY, "extensions": persisted(digest)})
        assert status == 200 and body == {"data": PERSONA}
        status, body = await post(http, gql, {"extensions": persisted(digest), "operationName": "Persona"})
        assert status == 200 and body == {"data": PERSONA}
        response = await http.get("/graphql", params={"extensions": json.dumps(persisted(digest))},
                                  headers={"authorization": f"Bearer {gql.token('enterprise-admin')}"})
        assert response.status_code == 200 and response.json() == {"data": PERSONA}


async def test_a_hash_that_does_not_match_its_query_registers_nothing(settings, graph, gql):
    wrong = sha256_hex(OTHER)
    async with gateway(settings, graph) as http:
        status, body = await post(http, gql, {"query": QUERY, "extensions": persisted(wrong)})
        assert status == 400 and body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
        assert body["errors"][0]["message"] == "provided sha does not match query"
        status, body = await post(http, gql, {"extensions": persisted(wrong)})
        assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_only_an_authenticated_client_registers_a_document(settings, graph, gql):
    digest = sha256_hex(QUERY)
    async with gateway(settings, graph) as http:
        response = await http.post("/graphql", json={"query": QUERY, "extensions": persisted(digest)})
        assert response.status_code == 401
        status, body = await post(http, gql, {"extensions": persisted(digest)})
        assert body["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.parametrize("extension", [{"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}},
                                       {"persistedQuery": {"version": 1, "sha256Hash": "not hex"}},
                                       {"persistedQuery": "abc"}])
async def test_a_malformed_extension_is_a_bad_request(settings, graph, gql, extension):
    async with gateway(settings, graph) as http:
        status, body = await post(http, gql, {"query": QUERY, "extensions": extension})
    assert status == 400 and body["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_only_the_documents_of_the_trusted_manifest_run(settings, graph, gql, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": "apollo-persisted-query-manifest", "version": 1,
                                    "operations": [{"id": sha256_hex(QUERY), "body": QUERY, "name": "Persona"}]}))
    async with gateway(settings, graph, trusted_documents=manifest) as http:
        assert await post(http, gql, {"extensions": persisted(sha256_hex(QUERY))}) == (200, {"data": PERSONA})
        assert await post(http, gql, {"query": QUERY}) == (200, {"data": PERSONA})
        for body in ({"query": OTHER}, {"query": OTHER, "extensions": persisted(sha256_hex(OTHER))}):
            status, answer = await post(http, gql, body)
            assert status == 400 and answer["errors"][0]["extensions"]["code"] == "DOCUMENT_NOT_TRUSTED"
        status, answer = await post(http, gql, {"extensions": persisted(sha256_hex(OTHER))})
        assert answer["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"  # nothing registered


def test_a_manifest_that_is_not_one_is_refused_at_start(settings, graph, tmp_path):
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": "apollo-persisted-query-manifest", "version": 1,
                                    "operations": [{"id": "0" * 64, "body": QUERY}]}))
    with pytest.raises(ValueError, match="sha256"):
        create_app(settings.model_copy(update={"trusted_documents": manifest}), graph)


def test_the_store_keeps_the_most_recent_documents_within_its_bytes():
    first, second, third = QUERY, QUERY.replace("Persona", "Persona2"), QUERY.replace("Persona", "Persona3")
    store = DocumentStore(None, capacity_bytes=len(second) + len(third))  # room for two of them
    for document in (first, second):
        store.document({"query": document, "extensions": persisted(sha256_hex(document))})
    store.document({"extensions": persisted(sha256_hex(first))})  # the first is now the most recent
    store.document({"query": third, "extensions": persisted(sha256_hex(third))})
    assert store.document({"extensions": persisted(sha256_hex(first))}) == first
    assert store.document({"extensions": persisted(sha256_hex(third))}) == third
    with pytest.raises(Exception, match="PersistedQueryNotFound"):
        store.document({"extensions": persisted(sha256_hex(second))})
