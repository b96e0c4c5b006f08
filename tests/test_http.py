"""GraphQL over HTTP: methods, media types and the status codes the spec gives each."""

from __future__ import annotations

import json

import pytest

from tests.conftest import GRAPHQL_RESPONSE

QUERY = "{ viewer { persona } }"


@pytest.fixture(scope="module")
def auth(gql):
    return {"authorization": f"Bearer {gql.token('enterprise-admin')}"}


async def test_post_json_both_media_types(client, auth):
    for accept in (GRAPHQL_RESPONSE, "application/json"):
        response = await client.post("/graphql", json={"query": QUERY}, headers={**auth, "accept": accept})
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(accept)
        assert response.json() == {"data": {"viewer": {"persona": "ENTERPRISE_ADMIN"}}}


async def test_missing_accept_means_application_json(client, auth):
    response = await client.post("/graphql", json={"query": QUERY}, headers=auth)
    assert response.headers["content-type"].startswith("application/json")


async def test_get_runs_queries(client, auth):
    response = await client.get("/graphql", params={"query": "query($n: Int) { partners(first: $n) { edges { node { name } } } }",
                                                    "variables": json.dumps({"n": 2})},
                                headers={**auth, "accept": GRAPHQL_RESPONSE})
    assert response.status_code == 200
    assert len(response.json()["data"]["partners"]["edges"]) == 2


async def test_get_refuses_mutations(client, auth):
    response = await client.get("/graphql", params={"query": "mutation { anything }"}, headers=auth)
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


async def test_validation_error_status_per_media_type(client, auth):
    bad = {"query": "{ viewer { nope } }"}
    new = await client.post("/graphql", json=bad, headers={**auth, "accept": GRAPHQL_RESPONSE})
    legacy = await client.post("/graphql", json=bad, headers={**auth, "accept": "application/json"})
    assert new.status_code == 400 and legacy.status_code == 200
    assert "data" not in new.json() and "nope" in new.json()["errors"][0]["message"]


async def test_syntax_error_is_a_request_error(client, auth):
    response = await client.post("/graphql", json={"query": "{ viewer {"}, headers={**auth, "accept": GRAPHQL_RESPONSE})
    assert response.status_code == 400
    assert "Syntax Error" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "kwargs, status",
    [
        ({"content": "{ viewer { persona } }", "headers": {"content-type": "application/graphql"}}, 415),
        ({"content": "{not json", "headers": {"content-type": "application/json"}}, 400),
        ({"json": [{"query": QUERY}, {"query": QUERY}]}, 400),
        ({"json": {"query": ""}}, 400),
        ({"json": {"query": QUERY, "variables": [1]}}, 400),
        ({"json": {"query": "query A { viewer { persona } }", "operationName": "B"}}, 400),
    ],
)
async def test_malformed_requests(client, auth, kwargs, status):
    headers = {**auth, **kwargs.pop("headers", {})}
    response = await client.post("/graphql", headers=headers, **kwargs)
    assert response.status_code == status, response.text
    assert response.json()["errors"][0]["message"]


async def test_unacceptable_accept_header(client, auth):
    response = await client.post("/graphql", json={"query": QUERY}, headers={**auth, "accept": "text/csv"})
    assert response.status_code == 406


async def test_browser_gets_the_playground_without_a_token(client):
    response = await client.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 200  # `make test` installs the playground's assets first
    assert response.headers["content-type"].startswith("text/html")
    assert "/playground/assets/graphiql/graphiql.min.js" in response.text
    assert "http://" not in response.text and "https://" not in response.text


async def test_health_and_readiness(client):
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}


async def test_request_id_is_echoed_only_when_safe(client, auth):
    kept = await client.post("/graphql", json={"query": QUERY}, headers={**auth, "x-request-id": "trace-42"})
    assert kept.headers["x-request-id"] == "trace-42"
    forged = await client.post("/graphql", json={"query": QUERY}, headers={**auth, "x-request-id": "a b\tFAKE LOG"})
    assert forged.headers["x-request-id"] != "a b\tFAKE LOG" and len(forged.headers["x-request-id"]) == 32
