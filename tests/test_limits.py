"""The operation limits (schema/shared/limits.py) refuse before any input is coerced or any Cypher runs, each with
its own `extensions.code`; each setting is enforced by the schema built from it."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager

import httpx
import pytest
from graphql import get_introspection_query, parse
from strawberry.schema import schema_converter

from bench.queries import Q1
from gateway.app import create_app, schema_limits
from schema import build_schema
from schema.shared.admission import ACTIONS, metadata
from schema.shared.limits import DocumentShape
from tests.conftest import GatewayClient, global_id

VIEWER_LOOKUP = 1  # the only round trip of a rejected request: who is asking
PLAIN = "{ viewer { persona } }"
PLAIN_ANSWER = {"viewer": {"persona": "ENTERPRISE_ADMIN"}}
CREATE_PARTNERS = "mutation($v: [CreatePartnerInput!]!) { createPartners(partners: $v) { errors { code message } } }"


def _nested_children(levels: int, first: int = 2) -> str:
    query = "name"
    for _ in range(levels):
        query = f"name children(first: {first}) {{ edges {{ node {{ {query} }} }} }}"
    return f"{{ partners(first: {first}) {{ edges {{ node {{ {query} }} }} }} }}"


def _fan_out(n: int) -> str:
    """Fragment Gi spreads G(i-1) twice: about 200 tokens, 2^(n+1) fields once expanded."""
    fragments = ["fragment G0 on Partner { id name }"]
    fragments += [f"fragment G{i} on Partner {{ ...G{i - 1} ...G{i - 1} }}" for i in range(1, n + 1)]
    return f"{{ partners(first: 1) {{ edges {{ node {{ ...G{n} }} }} }} }} {' '.join(fragments)}"


async def _refused(gql, query: str, variables: dict | None = None, **kwargs) -> dict:
    """The first error of a request refused before execution, which ran no Cypher but the viewer lookup."""
    status, body = await gql.post(query, variables=variables, debug=True, **kwargs)
    assert status == 400, body
    assert "data" not in body
    assert body["extensions"]["cypher"]["roundTrips"] == VIEWER_LOOKUP
    return body["errors"][0]


async def test_over_deep_query(gql):
    error = await _refused(gql, _nested_children(5))
    assert "exceeds maximum operation depth" in error["message"]
    assert error["extensions"]["code"] == "QUERY_TOO_DEEP"


async def test_over_aliased_query(gql):
    aliases = " ".join(f"a{i}: viewer {{ persona }}" for i in range(31))
    error = await _refused(gql, f"{{ {aliases} }}")
    assert "aliases found" in error["message"] and "30" in error["message"]
    assert error["extensions"]["code"] == "TOO_MANY_ALIASES"


async def test_over_long_query(gql):
    fields = " ".join(["persona"] * 2100)
    error = await _refused(gql, f"{{ viewer {{ {fields} }} }}")
    assert "tokens" in error["message"].lower()
    assert error["extensions"]["code"] == "TOO_MANY_TOKENS"


@pytest.mark.parametrize("first", [101, -1])
async def test_page_size_capped(gql, first):
    error = await _refused(gql, "query($n: Int) { partners(first: $n) { edges { node { name } } } }", {"n": first})
    assert error["message"] == "`first` on partners must be between 0 and 100"
    assert error["extensions"]["code"] == "PAGE_TOO_LARGE"


async def test_nested_pages_multiply_into_the_cost(gql):
    error = await _refused(gql, _nested_children(3, first=60))  # 60 * 60 * 60 * 60 objects at the bottom
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert error["extensions"]["cost"] > 50_000


async def test_a_modest_query_passes(gql):
    data = await gql.data(_nested_children(2, first=5))
    assert data["partners"]["edges"]


# --- fragment fan-out: one linear analysis -------------------------------------------------------------

@pytest.mark.timeout(60)  # the old limiters walked every spread again: this took minutes, and must not hang
async def test_fragment_fan_out_is_refused_while_a_plain_query_runs(gql):
    fan_out, plain = await asyncio.gather(_refused(gql, _fan_out(20)), gql.data(PLAIN))
    assert fan_out["extensions"]["code"] == "TOO_MANY_FIELDS"
    assert fan_out["extensions"]["fields"] == 2 ** 21 + 3  # partners, edges, node and 2^21 fields below
    assert plain == PLAIN_ANSWER


@pytest.mark.timeout(60)
@pytest.mark.parametrize("fragments, message", [
    ("fragment A on Partner { name ...B } fragment B on Partner { ...A }", "Cannot spread fragment"),
    ("fragment A on Partner { name ...Missing }", "Unknown fragment"),
])
async def test_fragment_cycles_and_unknown_fragments_reach_validation(gql, fragments, message):
    error = await _refused(gql, f"{{ partners(first: 1) {{ edges {{ node {{ ...A }} }} }} }} {fragments}")
    assert message in error["message"]


def test_the_analysis_is_shared_per_fragment_and_keeps_the_old_figures():
    figures = DocumentShape.of(parse(_fan_out(200))).operations["anonymous"]
    assert figures == (2 ** 201 + 3, 0, 3)
    assert DocumentShape.of(parse(_nested_children(5))).operations["anonymous"][2] == 18


async def test_benchmark_and_introspection_queries_fit_the_default_shape(settings, gql):
    limits = schema_limits(settings)
    DocumentShape.of(parse(Q1)).check(limits)  # bench raises only the cost and page-size limits
    data = await gql.data(get_introspection_query())  # the playground's docs panel
    assert data["__schema"]["queryType"]["name"] == "Query"


# --- cost: variables' defaults and plain lists -----------------------------------------------------------

THREE_LEVELS = ("{ partners(first: $n) { edges { node { children(first: $n) { edges { node { "
                "children(first: $n) { edges { node { name } } } } } } } } } }")


async def test_cost_uses_a_variables_default(gql):
    with_default = await _refused(gql, "query($n: Int = 100) " + THREE_LEVELS)
    sent = await _refused(gql, "query($n: Int) " + THREE_LEVELS, {"n": 100})
    assert with_default["extensions"]["code"] == sent["extensions"]["code"] == "QUERY_TOO_COSTLY"
    assert with_default["extensions"]["cost"] == sent["extensions"]["cost"]
    too_large = await _refused(gql, "query($n: Int = 101) " + THREE_LEVELS)
    assert too_large["extensions"]["code"] == "PAGE_TOO_LARGE"


async def test_cost_counts_a_plain_list_by_a_bound(gql):
    # ancestors and relationshipManagers are plain lists: counted as a default page (20) each, not as one
    # (which made this 48,403, under the limit).
    query = ("{ partners(first: 100) { edges { node { ancestors { ... on Partner { children(first: 80) { edges { "
             "node { name relationshipManagers { name } } } } } } } } } }")
    error = await _refused(gql, query)
    assert error["extensions"]["code"] == "QUERY_TOO_COSTLY"


# --- raw variables: refused before coercion --------------------------------------------------------------

def _partners(count: int) -> list[dict]:
    # Short items: 50,000 of them stay under the body size cap, so GraphQL sees them.
    return [{"name": "P", "type": "OEM"} for _ in range(count)]


@pytest.mark.timeout(60)
async def test_a_huge_variable_list_is_refused_before_coercion_while_a_plain_query_runs(gql):
    refused, plain = await asyncio.gather(_refused(gql, CREATE_PARTNERS, {"v": _partners(50_000)}), gql.data(PLAIN))
    assert refused["extensions"] == {"code": "LIST_TOO_LONG", "maxListLength": 1000}
    assert refused["message"] == "$v holds 50000 items; at most 1000 per list"
    assert plain == PLAIN_ANSWER


async def test_a_deeply_nested_variable_is_refused_before_coercion(gql):
    deep: list = []
    for _ in range(40):
        deep = [deep]
    error = await _refused(gql, "query($c: [String!]) { partners(filter: {countries: $c}) { edges { cursor } } }",
                           {"c": deep})
    assert error["extensions"]["code"] == "INPUT_TOO_DEEP"


# --- persona before coercion -----------------------------------------------------------------------------

@pytest.mark.timeout(60)
async def test_a_persona_without_the_right_gets_forbidden_before_a_huge_input_is_coerced(gql):
    error = await _refused(gql, CREATE_PARTNERS, {"v": _partners(50_000)}, persona="partner-associate")
    assert error["extensions"]["code"] == "FORBIDDEN"
    assert error["message"] == "a partner-associate may not set up channel partners and the hierarchy"


async def test_an_input_of_acceptable_size_keeps_the_forbidden_payload_and_is_never_converted(gql, monkeypatch):
    """Strawberry's conversion of the arguments into input objects is most of a batch's cost: a persona that
    may not call the mutation at all gets its payload with FORBIDDEN without it (and an allowed one still
    gets its arguments converted)."""
    converted: list[str] = []
    convert = schema_converter.get_arguments

    def spy(*, field, **kwargs):
        converted.append(field.python_name)
        return convert(field=field, **kwargs)

    monkeypatch.setattr(schema_converter, "get_arguments", spy)
    data = await gql.data(CREATE_PARTNERS, variables={"v": _partners(1000)}, persona="partner-associate")
    assert [e["code"] for e in data["createPartners"]["errors"]] == ["FORBIDDEN"]
    assert "create_partners" not in converted
    await gql.data("mutation { updatePartner(partner: \"bm90LWFuLWlk\", country: \"US\") { errors { code } } }")
    assert "update_partner" in converted


def test_every_mutation_declares_the_actions_it_needs(settings):
    mutation = build_schema(schema_limits(settings))._schema.mutation_type
    assert mutation.fields
    undeclared = [name for name, field in mutation.fields.items() if not metadata(field, ACTIONS)]
    assert undeclared == []


# --- argument errors before any Cypher -------------------------------------------------------------------

@pytest.mark.parametrize("query, message", [
    ("query($id: ID!) { partner(id: $id) { descendants(maxDepth: -1) { edges { cursor } } } }",
     "`maxDepth` must be at least 1"),
    ('query($id: ID!) { partner(id: $id) { insights(period: {from: "2030-03-01T00:00:00Z", '
     'to: "2030-02-01T00:00:00Z"}) { currency } } }', "the period must start before it ends"),
    ('query($id: ID!) { partner(id: $id) { insights(currency: "usd") { currency } } }',
     "currency must be an ISO 4217 code such as USD"),
], ids=["maxDepth", "period", "currency"])
async def test_argument_errors_are_refused_before_any_cypher(gql, query, message):
    error = await _refused(gql, query, {"id": global_id("Partner", "p-northwind")})
    assert (error["message"], error["extensions"]["code"]) == (message, "VALIDATION")


# --- every setting is enforced by the schema built from it ----------------------------------------------

@asynccontextmanager
async def _gateway(settings, graph, **update):
    changed = settings.model_copy(update=update)
    app = create_app(changed, graph)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as http:
        yield GatewayClient(http, changed)


@pytest.mark.parametrize("update, query, variables, code", [
    ({"max_depth": 5}, _nested_children(1), None, "QUERY_TOO_DEEP"),
    ({"max_aliases": 1}, "{ a: viewer { persona } b: viewer { persona } }", None, "TOO_MANY_ALIASES"),
    ({"max_tokens": 10}, _nested_children(0), None, "TOO_MANY_TOKENS"),
    ({"max_page_size": 10}, _nested_children(0, first=11), None, "PAGE_TOO_LARGE"),
    ({"max_cost": 10}, _nested_children(1), None, "QUERY_TOO_COSTLY"),
    ({"max_fields": 3}, _nested_children(0), None, "TOO_MANY_FIELDS"),  # partners edges node name
    ({"max_list_length": 2}, "query($c: [String!]) { partners(filter: {countries: $c}) { edges { cursor } } }",
     {"c": ["US", "DE", "FR"]}, "LIST_TOO_LONG"),
], ids=lambda value: next(iter(value)) if isinstance(value, dict) else None)
async def test_each_setting_is_enforced(settings, graph, gql, update, query, variables, code):
    await gql.data(query, variables=variables)  # passes under the default settings
    async with _gateway(settings, graph, **update) as limited:
        error = await _refused(limited, query, variables)
    assert error["extensions"]["code"] == code


async def test_introspection_can_be_switched_off(settings, graph, gql):
    query = "{ __schema { queryType { name } } }"
    assert (await gql.data(query))["__schema"]["queryType"]["name"] == "Query"
    async with _gateway(settings, graph, introspection=False) as closed:
        error = await _refused(closed, query)
    assert "introspection" in error["message"].lower()


async def test_field_suggestions_hidden_without_introspection(settings, graph, gql):
    query = "{ viewer { persna } }"
    assert "Did you mean" in (await _refused(gql, query))["message"]
    async with _gateway(settings, graph, introspection=False) as closed:
        assert "Did you mean" not in (await _refused(closed, query))["message"]
