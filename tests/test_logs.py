"""Log lines: one JSON object per line, each with the request's id, persona and operation name; client errors
as one line, only internal errors with a traceback."""

from __future__ import annotations

import io
import json
import logging

import httpx
import pytest

from gateway import logs
from gateway.identity import mint_demo_token
from gateway.local_neo4j import free_port
from gateway.serving import uvicorn_config
from tests.conftest import global_id, remove_prefixed, serving, write


@pytest.fixture
def log_lines():
    """The process's logging as `serve` configures it, into a buffer; the test's own logging restored after."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    buffer = io.StringIO()

    def configure(log_format: str = "json"):
        logs.configure("info", log_format, buffer)
        return buffer

    yield configure
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in saved[0]:
        root.addHandler(handler)
    root.setLevel(saved[1])
    logging.getLogger("strawberry.execution").disabled = False


async def _post(gql, query, operation, persona="partner-admin", variables=None):
    response = await gql.http.post("/graphql",
                                   json={"query": query, "operationName": operation, "variables": variables},
                                   headers={"authorization": f"Bearer {gql.token(persona)}"})
    return response


async def test_every_line_is_json_with_the_request_fields(gql, session, log_lines):
    buffer = log_lines("json")
    bad_cursor = await _post(gql, 'query BadCursor { partners(after: "garbage") { edges { cursor } } }', "BadCursor")
    await write(session, "CREATE (:Partner {id: 'test-logs-broken', name: 'Broken', type: 'NOT_A_TYPE', "
                         "status: 'ACTIVE'})")
    try:
        broken = await _post(gql, "query Broken($id: ID!) { partner(id: $id) { name type } }", "Broken",
                             "enterprise-admin", {"id": global_id("Partner", "test-logs-broken")})
    finally:
        await remove_prefixed(session, "test-logs-")
    too_deep = await _post(gql, "query Deep { " + "partners { edges { node { " * 13 + "name" + " } } }" * 13 + " }",
                           "Deep")
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]  # each line is one JSON object

    def of(response):
        return [line for line in lines if line.get("request_id") == response.headers["x-request-id"]]

    (client_error,) = of(bad_cursor)
    assert client_error["level"] == "INFO" and "VALIDATION" in client_error["message"]
    assert client_error["persona"] == "partner-admin" and client_error["operation"] == "BadCursor"
    assert "exc_info" not in client_error
    (internal,) = of(broken)
    assert internal["level"] == "ERROR" and internal["operation"] == "Broken"
    assert internal["persona"] == "enterprise-admin" and "Traceback" in internal["exc_info"]
    assert of(too_deep) and all("exc_info" not in line for line in of(too_deep))
    assert {"time", "level", "logger", "message"} <= internal.keys()


async def test_text_format_keeps_the_request_fields(gql, log_lines):
    buffer = log_lines("text")
    response = await _post(gql, 'query BadCursor { partners(after: "garbage") { edges { cursor } } }', "BadCursor")
    (line,) = [line for line in buffer.getvalue().splitlines() if response.headers["x-request-id"] in line]
    assert "INFO partnergraph.http" in line and "persona=partner-admin" in line and "operation=BadCursor" in line


def test_the_access_line_of_a_request_carries_its_fields(settings, graph, log_lines):
    """uvicorn writes its access line while the response starts, after the endpoint has returned: the request's
    fields must still be bound then (they were dropped when the endpoint returned)."""
    buffer = log_lines()
    with serving(uvicorn_config(settings, host="127.0.0.1", port=free_port(), log_level="info")) as server:
        token = mint_demo_token(settings, "partner-admin")
        response = httpx.post(f"http://127.0.0.1:{server.config.port}/graphql", timeout=60,
                              json={"query": "query Who { viewer { persona } }", "operationName": "Who"},
                              headers={"authorization": f"Bearer {token}", "x-request-id": "access-line-1"})
        assert response.status_code == 200
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    access = [line for line in lines if line["logger"] == "uvicorn.access" and "POST /graphql" in line["message"]]
    assert len(access) == 1, lines
    assert {k: access[0].get(k) for k in logs.REQUEST_FIELDS} == {
        "request_id": "access-line-1", "persona": "partner-admin", "operation": "Who"}
