"""Tracing (gateway/tracing.py): a span per GraphQL request, per compiled statement and per Cypher round trip, with
the operation, persona, outcome, query names and rows, never a parameter's value nor an error's message; nothing
at all while tracing is off; the spans reach an OTLP collector when one is configured."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

from bench.queries import Q1
from gateway.app import create_app
from gateway.local_neo4j import free_port
from gateway.serving import uvicorn_config
from tests.conftest import GRAPHQL_RESPONSE, global_id, remove_prefixed, serving, write

# Q1 over the demo channel, as its partner admin: Contoso, whose resellers' resellers have an open opportunity. Q1
# costs more than the default cap allows (the benchmark raises it so too).
TOP = "p-contoso"
Q1_COST = {"max_cost": 1_000_000}
IDENTITY = "partners/reads/identity"  # the viewer lookup every authenticated request starts with


@pytest.fixture
def exporter() -> InMemorySpanExporter:
    return InMemorySpanExporter()


def _client(settings, graph, exporter: InMemorySpanExporter, **overrides: Any) -> httpx.AsyncClient:
    """A gateway of its own over the test Neo4j, its spans (tracing on unless overridden) into `exporter`."""
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))  # exported as each span ends: nothing to wait for
    app = create_app(settings.model_copy(update={"tracing": True, **overrides}), graph, tracer_provider=provider)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway")


async def _post(http: httpx.AsyncClient, gql, query: str, *, persona: str | None = "enterprise-admin",
                person: str | None = None, variables: dict | None = None, operation: str | None = None,
                headers: dict[str, str] | None = None) -> httpx.Response:
    sent = {"accept": GRAPHQL_RESPONSE, "x-partnergraph-debug": "1", **(headers or {})}
    if persona or person:
        sent["authorization"] = f"Bearer {gql.token(persona, person)}"
    return await http.post("/graphql", json={"query": query, "variables": variables, "operationName": operation},
                           headers=sent)


def _tree(spans: tuple[ReadableSpan, ...]) -> list[tuple]:
    """The spans as (name, children) trees from their parent links, children in the order they started."""
    children: dict[int | None, list[ReadableSpan]] = {}
    ids = {span.context.span_id for span in spans}
    for span in sorted(spans, key=lambda s: s.start_time):
        parent = span.parent.span_id if span.parent and span.parent.span_id in ids else None
        children.setdefault(parent, []).append(span)

    def tree(parent: int | None) -> list[tuple]:
        return [(span.name, tree(span.context.span_id)) for span in children.get(parent, [])]

    return tree(None)


def _texts(spans: tuple[ReadableSpan, ...]) -> str:
    """Everything a span carries as text: names, attributes, events, statuses."""
    parts = []
    for span in spans:
        parts += [span.name, repr(dict(span.attributes or {})), repr(span.status.description)]
        parts += [f"{event.name} {dict(event.attributes or {})!r}" for event in span.events]
    return "\n".join(parts)


def _cypher(spans: tuple[ReadableSpan, ...]) -> list[ReadableSpan]:
    return [span for span in spans if (span.attributes or {}).get("db.system.name") == "neo4j"]


async def test_a_q1_request_is_a_request_span_over_its_compiled_statement_and_round_trips(settings, graph, gql,
                                                                                             exporter):
    partner = global_id("Partner", TOP)
    async with _client(settings, graph, exporter, compiled_reads=True, **Q1_COST) as http:
        response = await _post(http, gql, Q1, persona="partner-admin", variables={"partner": partner},
                               operation="Q1")
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    assert body["extensions"]["cypher"]["compiled"] is True
    opportunities = [o for c in body["data"]["partner"]["children"]["edges"]
                     for s in c["node"]["children"]["edges"] for o in s["node"]["opportunities"]["edges"]]
    assert opportunities  # the target has the shape Q1 reads

    spans = exporter.get_finished_spans()
    assert _tree(spans) == [("graphql Q1", [(IDENTITY, []), ("compiled read", [("compiled read", [])])])]
    (request,) = [span for span in spans if span.name == "graphql Q1"]
    assert {k: v for k, v in request.attributes.items() if k != "partnergraph.request_id"} == {
        "http.request.method": "POST", "http.response.status_code": 200, "graphql.operation.name": "Q1",
        "partnergraph.persona": "partner-admin", "partnergraph.outcome": "ok", "partnergraph.cypher.round_trips": 2}
    assert request.attributes["partnergraph.request_id"] == response.headers["x-request-id"]
    assert request.status.status_code is StatusCode.UNSET
    compiled = next(span for span in spans if span.name == "compiled read" and "db.system.name" not in span.attributes)
    assert compiled.attributes["partnergraph.compiled.fields"] == ("partner",)
    cypher = _cypher(spans)
    assert len(cypher) == body["extensions"]["cypher"]["roundTrips"]
    assert [(s.attributes["db.query.summary"], s.attributes["db.response.returned_rows"]) for s in cypher] == [
        (IDENTITY, 1), ("compiled read", 1)]
    # The partner asked for is a parameter: neither its global id nor its id is in any span.
    texts = _texts(spans)
    assert partner not in texts and TOP not in texts


async def test_through_the_resolvers_each_round_trip_is_a_span_named_by_its_query(settings, graph, gql, exporter):
    partner = global_id("Partner", TOP)
    async with _client(settings, graph, exporter, compiled_reads=False, **Q1_COST) as http:
        response = await _post(http, gql, Q1, persona="partner-admin", variables={"partner": partner},
                               operation="Q1")
    body = response.json()
    assert response.status_code == 200 and "errors" not in body, body
    spans = exporter.get_finished_spans()
    (request,) = [span for span in spans if span.parent is None]
    cypher = _cypher(spans)
    assert len(cypher) == body["extensions"]["cypher"]["roundTrips"] > 2
    assert all(span.parent.span_id == request.context.span_id for span in cypher)
    assert {span.attributes["db.query.summary"] for span in cypher} >= {IDENTITY, "reach Partner.children"}
    assert all(span.attributes["db.response.returned_rows"] >= 1 for span in cypher)
    texts = _texts(spans)
    assert partner not in texts and TOP not in texts


async def test_tracing_off_makes_no_span(settings, graph, gql, exporter):
    async with _client(settings, graph, exporter, tracing=False, **Q1_COST) as http:
        response = await _post(http, gql, Q1, variables={"partner": global_id("Partner", TOP)})
    assert response.status_code == 200 and "errors" not in response.json()
    assert exporter.get_finished_spans() == ()


async def test_a_caller_s_traceparent_makes_the_request_its_child(settings, graph, gql, exporter):
    trace_id, parent_id = "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"
    async with _client(settings, graph, exporter) as http:
        await _post(http, gql, "{ viewer { persona } }", headers={"traceparent": f"00-{trace_id}-{parent_id}-01"})
    (request,) = [span for span in exporter.get_finished_spans() if span.name.startswith("graphql")]
    assert (request.context.trace_id, request.parent.span_id) == (int(trace_id, 16), int(parent_id, 16))
    assert request.attributes["graphql.operation.name"] == "anonymous"


async def test_refusals_are_outcomes_not_errors(settings, graph, gql, exporter):
    async with _client(settings, graph, exporter) as http:
        await _post(http, gql, "query Bad { partners { nope } }", operation="Bad")
        await _post(http, gql, '{ partners(after: "garbage") { edges { cursor } } }')
        await _post(http, gql, "{ viewer { persona } }", persona=None, headers={"authorization": "Bearer x"})
    requests = [span for span in exporter.get_finished_spans() if span.name.startswith("graphql")]
    assert [(span.name, span.attributes["partnergraph.outcome"], span.attributes.get("partnergraph.persona"),
             span.status.status_code) for span in requests] == [
        ("graphql other", "rejected", "enterprise-admin", StatusCode.UNSET),  # a name of no operation that ran
        ("graphql anonymous", "errors", "enterprise-admin", StatusCode.UNSET),
        ("graphql anonymous", "unauthorized", None, StatusCode.UNSET)]


async def test_an_internal_error_marks_the_span_by_its_type_and_stays_masked(settings, graph, gql, session,
                                                                            exporter):
    # A record the schema cannot represent (an unknown partner type) fails mapping inside a resolver (the compiled
    # statement, which reads it too, leaves the request to the resolvers).
    await write(session, "CREATE (:Partner {id: 'test-traced-broken', name: 'Broken', type: 'NOT_A_TYPE', "
                         "status: 'ACTIVE'})")
    try:
        async with _client(settings, graph, exporter, compiled_reads=True) as http:
            response = await _post(http, gql, "query($id: ID!) { partner(id: $id) { name type } }",
                                   variables={"id": global_id("Partner", "test-traced-broken")})
    finally:
        await remove_prefixed(session, "test-traced-")
    (error,) = response.json()["errors"]
    assert error["message"] == "Internal server error" and error["extensions"]["code"] == "INTERNAL"
    spans = exporter.get_finished_spans()
    (request,) = [span for span in spans if span.name.startswith("graphql")]
    assert request.attributes["partnergraph.outcome"] == "errors"
    assert (request.status.status_code, request.status.description) == (StatusCode.ERROR, "INTERNAL")
    assert [(event.name, dict(event.attributes)) for event in request.events] == [
        ("exception", {"exception.type": "ValueError", "partnergraph.code": "INTERNAL"})]
    # The compiled statement read the record too, and handed the request to the resolvers: no failure of its own.
    (compiled,) = [span for span in spans if span.name == "compiled read" and "db.system.name" not in span.attributes]
    assert compiled.attributes["partnergraph.compiled.fallback"] is True
    assert compiled.status.status_code is StatusCode.UNSET
    texts = _texts(spans)
    assert "NOT_A_TYPE" not in texts and "test-traced-broken" not in texts and "Traceback" not in texts


async def test_a_failure_before_execution_is_an_internal_outcome(settings, graph, gql, session, exporter):
    # The viewer's organization lacks the fields a partner record needs: mapping it fails inside the lookup.
    await write(session, "CREATE (:Person {id: 'test-traced-viewer', name: 'Bea Broken'})"
                         "-[:MEMBER_OF {role: 'ADMIN'}]->(:Partner {id: 'test-traced-org'})")
    try:
        async with _client(settings, graph, exporter) as http:
            response = await _post(http, gql, "{ viewer { persona } }", persona=None, person="test-traced-viewer")
    finally:
        await remove_prefixed(session, "test-traced-")
    assert response.status_code == 500
    spans = exporter.get_finished_spans()
    assert _tree(spans) == [("graphql anonymous", [(IDENTITY, [])])]
    (request,) = [span for span in spans if span.name.startswith("graphql")]
    assert request.attributes["partnergraph.outcome"] == "internal"
    assert request.attributes["http.response.status_code"] == 500
    assert request.status.status_code is StatusCode.ERROR
    assert "test-traced-viewer" not in _texts(spans)


class _Collector(BaseHTTPRequestHandler):
    """An OTLP/HTTP collector's traces endpoint: keeps each request's body."""

    bodies: list[bytes]

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["content-length"]))
        if self.path == "/v1/traces":
            self.bodies.append(body)
        self.send_response(200 if self.path == "/v1/traces" else 404)
        self.send_header("content-type", "application/x-protobuf")
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def collector() -> Iterator[tuple[str, list[bytes]]]:
    bodies: list[bytes] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Collector", (_Collector,), {"bodies": bodies}))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", bodies
    server.shutdown()
    server.server_close()


async def test_spans_reach_the_configured_otlp_endpoint_by_the_app_s_shutdown(settings, gql, collector):
    url, bodies = collector
    traced = settings.model_copy(update={"tracing": True, "otlp_endpoint": url + "/", "service_name": "pg-test"})
    port = free_port()
    with serving(uvicorn_config(traced, host="127.0.0.1", port=port, log_level="warning")):
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            response = await _post(http, gql, "query Mine { viewer { persona } }", operation="Mine")
            assert response.status_code == 200
    # The server has stopped: its lifespan shut the provider down, which sent the batch still queued.
    exported = [ExportTraceServiceRequest.FromString(body) for body in bodies]
    resources = [resource for request in exported for resource in request.resource_spans]
    services = {a.value.string_value for r in resources for a in r.resource.attributes if a.key == "service.name"}
    names = [span.name for r in resources for scope in r.scope_spans for span in scope.spans]
    assert services == {"pg-test"}
    assert sorted(names) == ["graphql Mine", IDENTITY]
