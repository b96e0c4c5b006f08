"""Depth, alias, token, page-size and cost limits reject before any Cypher runs."""

from __future__ import annotations

import httpx
import pytest

from gateway.app import create_app
from tests.conftest import GatewayClient, make_settings

VIEWER_LOOKUP = 1  # the only round trip of a rejected request: who is asking


def _nested_children(levels: int, first: int = 2) -> str:
    query = "name"
    for _ in range(levels):
        query = f"name children(first: {first}) {{ edges {{ node {{ {query} }} }} }}"
    return f"{{ partners(first: {first}) {{ edges {{ node {{ {query} }} }} }} }}"


async def _rejected(gql, query: str, variables: dict | None = None) -> str:
    status, body = await gql.post(query, variables=variables, debug=False)
    assert status == 400, body
    assert "data" not in body
    return body["errors"][0]["message"]


async def test_over_deep_query(gql):
    message = await _rejected(gql, _nested_children(5))
    assert "exceeds maximum operation depth" in message


async def test_over_aliased_query(gql):
    aliases = " ".join(f"a{i}: viewer {{ persona }}" for i in range(31))
    message = await _rejected(gql, f"{{ {aliases} }}")
    assert "aliases found" in message and "30" in message


async def test_over_long_query(gql):
    fields = " ".join(["persona"] * 2100)
    message = await _rejected(gql, f"{{ viewer {{ {fields} }} }}")
    assert "token limit" in message.lower() or "tokens" in message.lower()


@pytest.mark.parametrize("first", [101, -1])
async def test_page_size_capped(gql, first):
    message = await _rejected(gql, "query($n: Int) { partners(first: $n) { edges { node { name } } } }", {"n": first})
    assert "`first` on partners must be between 0 and 100" == message


async def test_nested_pages_multiply_into_the_cost(gql):
    query = _nested_children(3, first=60)  # 60 * 60 * 60 * 60 objects at the bottom
    status, body = await gql.post(query)
    assert status == 400
    error = body["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["cost"] > 50_000
    assert body.get("extensions") is None or body["extensions"]["cypher"]["roundTrips"] == VIEWER_LOOKUP


async def test_cost_rejection_runs_no_cypher(gql):
    status, body = await gql.post(_nested_children(3, first=60), debug=True)
    assert status == 400
    assert body["extensions"]["cypher"]["roundTrips"] == VIEWER_LOOKUP


async def test_a_modest_query_passes(gql):
    data = await gql.data(_nested_children(2, first=5))
    assert data["partners"]["edges"]


@pytest.fixture
async def closed_gql(settings, graph):
    closed = settings.model_copy(update={"introspection": False})
    app = create_app(closed, graph)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as http:
        yield GatewayClient(http, closed)


async def test_introspection_can_be_switched_off(gql, closed_gql):
    query = "{ __schema { queryType { name } } }"
    assert (await gql.data(query))["__schema"]["queryType"]["name"] == "Query"
    message = await _rejected(closed_gql, query)
    assert "introspection" in message.lower()


async def test_field_suggestions_hidden_without_introspection(gql, closed_gql):
    query = "{ viewer { persna } }"
    assert "Did you mean" in await _rejected(gql, query)
    assert "Did you mean" not in await _rejected(closed_gql, query)


def test_limits_are_settings(tmp_path):
    settings = make_settings(tmp_path, 7687, max_depth=3, max_page_size=10)
    assert (settings.max_depth, settings.max_page_size) == (3, 10)
