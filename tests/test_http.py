"""GraphQL over HTTP: methods, media types and the status codes the spec gives each."""

from __future__ import annotations

import json
import socket
import time

import httpx
import jwt
import pytest
import uvicorn

from gateway.app import create_app
from gateway.local_neo4j import free_port
from gateway.server_protocol import BoundedHttpToolsProtocol
from gateway.settings import Settings
from tests.conftest import GRAPHQL_RESPONSE, serving

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
    response = await client.get("/graphql",
                                params={"query": "query($n: Int) { partners(first: $n) { edges { node { name } } } }",
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
        # GraphQL over HTTP: `extensions` is an object or absent (issue 18, part 7).
        ({"json": {"query": QUERY, "extensions": "x"}}, 400),
        ({"json": {"query": QUERY, "extensions": 1}}, 400),
        ({"json": {"query": QUERY, "extensions": True}}, 400),
        ({"json": {"query": QUERY, "extensions": [1]}}, 400),
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


# Sizes and shapes refused before any work, always with a JSON error.

def _small_app(settings, graph, **caps):
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(settings.model_copy(update=caps), graph)),
                             base_url="http://gateway")


async def test_a_body_over_the_cap_gets_413_unread(settings, graph, auth):
    async with _small_app(settings, graph, max_body_bytes=1024) as small:
        fits = await small.post("/graphql", json={"query": QUERY + " " * 900}, headers=auth)
        assert fits.status_code == 200
        declared = await small.post("/graphql", json={"query": QUERY + " " * 2000}, headers=auth)

        async def chunks():  # no Content-Length: the cap is met while reading
            yield b'{"query": "' + QUERY.encode()
            for _ in range(100):
                yield b" " * 100
            yield b'"}'

        streamed = await small.post("/graphql", content=chunks(), headers={**auth, "content-type": "application/json"})
    for response in (declared, streamed):
        assert response.status_code == 413
        assert response.headers["content-type"].startswith("application/json")
        assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


def test_a_1000_item_batch_fits_the_default_body_cap():
    items = [{"key": f"k{i}", "name": f"Partner number {i} of the batch", "type": "RESELLER", "country": "DE",
              "currency": "EUR", "parent": f"k{i - 1}" if i else None} for i in range(1000)]
    body = json.dumps({"query": "mutation($p: [PartnerInput!]!) { createPartners(partners: $p) { errors { code } } }",
                       "variables": {"p": items}})
    assert 4 * len(body) < Settings().max_body_bytes  # room to spare


async def test_a_query_string_over_the_cap_gets_414(settings, graph, auth):
    async with _small_app(settings, graph, max_body_bytes=256) as small:
        response = await small.get("/graphql", params={"query": QUERY + " " * 300}, headers=auth)
    assert response.status_code == 414
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


async def test_an_over_long_token_gets_401_even_when_validly_signed(client, settings):
    now = int(time.time())
    claims = {"sub": "demo-enterprise-admin", "aud": settings.jwt_audience, "iss": "partnergraph-local",
              "iat": now, "exp": now + 600}
    padded = jwt.encode({**claims, "padding": "x" * settings.max_token_bytes}, settings.jwt_secret, algorithm="HS256")
    for token in (padded, "g" * (64 << 20)):
        response = await client.post("/graphql", json={"query": QUERY}, headers={"authorization": f"Bearer {token}"})
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "TOKEN_TOO_LONG"
        assert "www-authenticate" in response.headers
    # The same claims without the padding are accepted: the size alone refused it.
    plain = jwt.encode(claims, settings.jwt_secret, algorithm="HS256")
    response = await client.post("/graphql", json={"query": QUERY}, headers={"authorization": f"Bearer {plain}"})
    assert response.status_code == 200


def test_uvicorn_refuses_a_huge_request_head_while_others_are_served(settings, graph):
    """httptools has no head limit (a 64 MiB header held the event loop for seconds): the bounded protocol
    answers 431 past the cap, and a concurrent request is answered meanwhile."""
    port = free_port()
    config = uvicorn.Config(create_app(settings, graph), host="127.0.0.1", port=port, log_level="warning",
                            log_config=None, http=BoundedHttpToolsProtocol, h11_max_incomplete_event_size=64 * 1024,
                            lifespan="off")
    with serving(config):
        with socket.create_connection(("127.0.0.1", port)) as attacker:
            attacker.sendall(b"POST /graphql HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + b"a" * (80 * 1024))
            assert httpx.get(f"http://127.0.0.1:{port}/healthz").json() == {"status": "ok"}
            answer = b""
            while chunk := attacker.recv(65536):
                answer += chunk
        head, _, body = answer.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 431 ")
        assert json.loads(body)["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"
        # A request under the cap is served as usual.
        assert httpx.get(f"http://127.0.0.1:{port}/healthz", headers={"x-pad": "p" * 32 * 1024}).status_code == 200


async def test_deeply_nested_json_gets_400_json(client, auth):
    """json.loads raised RecursionError (HTTP 500 text/plain) at 1,000 levels, before authentication."""
    json_headers = {**auth, "content-type": "application/json", "accept": "application/graphql-response+json"}
    deep_variables = '{"query": "{ viewer { persona } }", "variables": ' + '{"a":' * 1000 + "1" + "}" * 1000 + "}"
    deep_extensions = '{"query": "{ viewer { persona } }", "extensions": ' + "[" * 5000 + "]" * 5000 + "}"
    for body, code, message in (
            (deep_variables, "INPUT_TOO_DEEP", "$a" + ".a" * 15 + " nests deeper than 16 levels"),
            (deep_extensions, "BAD_REQUEST", "the body nests deeper than 1024 levels")):
        response = await client.post("/graphql", content=body, headers=json_headers)
        assert response.status_code == 400
        assert response.headers["content-type"].startswith("application/")
        assert response.json()["errors"][0]["extensions"]["code"] == code
        assert response.json()["errors"][0]["message"] == message
    response = await client.get("/graphql", params={"query": QUERY, "variables": '{"a":' * 1000 + "1" + "}" * 1000},
                                headers={**auth, "accept": "application/graphql-response+json"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "INPUT_TOO_DEEP"
    # Ordinary nesting still passes.
    shallow = '{"query": "{ viewer { persona } }", "variables": ' + '{"a":' * 10 + "1" + "}" * 10 + "}"
    response = await client.post("/graphql", content=shallow, headers={**auth, "content-type": "application/json"})
    assert response.status_code == 200


async def test_a_subscription_is_refused_for_what_it_is(client, auth):
    for send in (client.post("/graphql", json={"query": "subscription { viewer { persona } }"}, headers=auth),
                 client.get("/graphql", params={"query": "subscription { viewer { persona } }"}, headers=auth)):
        response = await send
        assert response.status_code == 400
        assert response.json()["errors"][0]["message"].startswith("subscriptions are not supported over HTTP")
