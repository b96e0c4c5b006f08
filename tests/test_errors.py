"""Internal errors are masked: the client gets a code and a request id, the log gets the rest."""

from __future__ import annotations

import logging

import httpx
import pytest
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from gateway import database
from gateway.app import create_app
from gateway.http import failure_code
from gateway.local_neo4j import free_port
from graph.shared.client import GraphClient
from tests.conftest import global_id, remove_prefixed, write


async def test_internal_error_is_masked_and_logged(gql, session, caplog):
    # A record the schema cannot represent (an unknown partner type) breaks mapping deep inside: asked for its type,
    # which the compiled statement reads too (it then leaves the request to the resolvers, whose error this is).
    await session.write_transaction(lambda tx: tx.run(
        "CREATE (:Partner {id: 'test-broken', name: 'Broken Partner', type: 'NOT_A_TYPE', status: 'ACTIVE'})"))
    try:
        with caplog.at_level(logging.ERROR, logger="partnergraph.http"):
            status, body = await gql.post("query($id: ID!) { partner(id: $id) { name type } viewer { persona } }",
                                          variables={"id": global_id("Partner", "test-broken")})
        assert status == 200  # the rest of the query still answers
        assert body["data"] == {"partner": None, "viewer": {"persona": "ENTERPRISE_ADMIN"}}
        (error,) = body["errors"]
        assert error["message"] == "Internal server error"
        assert error["extensions"]["code"] == "INTERNAL"
        assert error["path"] == ["partner"]
        text = str(body)
        assert "NOT_A_TYPE" not in text and "ValueError" not in text and "Traceback" not in text
        request_id = error["extensions"]["requestId"]
        assert any(request_id in record.getMessage() and record.exc_info for record in caplog.records)
    finally:
        await session.write_transaction(lambda tx: tx.run("MATCH (p:Partner {id: 'test-broken'}) DELETE p"))


async def test_bad_cursor_is_a_clear_client_error(gql):
    status, body = await gql.post('{ partners(after: "garbage") { edges { node { name } } } }')
    assert status == 200
    assert body["errors"][0]["message"] == "`after` is not a cursor this API issued"
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION"


def _app_client(settings, graph):
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(settings, graph)), base_url="http://gateway")


async def test_neo4j_unreachable_during_the_viewer_lookup_is_503_json(gql, settings):
    # A Neo4j that is not there: a closed loopback port, with tight connection and retry budgets.
    down = GraphClient(f"bolt://127.0.0.1:{free_port()}", "neo4j", "unused", "neo4j", 5.0,
                       connect_timeout=0.5, retry_seconds=0.5)
    try:
        async with _app_client(settings, down) as http:
            response = await http.post("/graphql", json={"query": "{ viewer { persona } }"},
                                       headers={"authorization": f"Bearer {gql.token('partner-admin')}"})
    finally:
        await down.close()
    assert response.status_code == 503
    assert response.headers["retry-after"]
    assert response.headers["content-type"].startswith("application/json")
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]


async def test_any_other_failure_during_the_viewer_lookup_is_500_json_and_logged(gql, session, caplog):
    # The viewer's organization lacks the fields a partner record needs: mapping it fails inside the lookup.
    await write(session, "CREATE (:Person {id: 'test-broken-viewer', name: 'Bea Broken'})"
                         "-[:MEMBER_OF {role: 'ADMIN'}]->(:Partner {id: 'test-broken-org'})")
    try:
        with caplog.at_level(logging.ERROR, logger="partnergraph.http"):
            response = await gql.http.post("/graphql", json={"query": "{ viewer { persona } }"},
                                           headers={"authorization":
                                                    f"Bearer {gql.token(person='test-broken-viewer')}"})
        assert response.status_code == 500
        assert response.headers["content-type"].startswith("application/json")
        (error,) = response.json()["errors"]
        assert error == {"message": "Internal server error",
                         "extensions": {"code": "INTERNAL", "requestId": response.headers["x-request-id"]}}
        assert any(response.headers["x-request-id"] in r.getMessage() and r.exc_info for r in caplog.records)
    finally:
        await remove_prefixed(session, "test-broken-")


async def test_a_transaction_timeout_is_classified_timeout(settings, graph):
    """A real TransactionTimedOut from the server (a statement far slower than a 0.5 s budget), and the one
    classification the viewer lookup and masked resolver errors share."""
    hurried = database.graph_client(settings.model_copy(update={"query_timeout_seconds": 0.5}))
    try:
        with pytest.raises(Neo4jError) as failure:
            await hurried.session().read_transaction(
                lambda tx: tx.run("UNWIND range(1, 1000000000) AS x RETURN count(x) AS n"))
    finally:
        await hurried.close()
    assert "TransactionTimedOut" in failure.value.code
    assert failure_code(failure.value) == "TIMEOUT"
    assert failure_code(ServiceUnavailable("down")) == "SERVICE_UNAVAILABLE"
    assert failure_code(ValueError("a bug")) == "INTERNAL"


NOT_A_NODE = "Tm9kZTpwLW5vcnRod2luZA=="  # base64 "Node:p-northwind"


@pytest.mark.parametrize("persona", ["enterprise-admin", "partner-associate"])
async def test_a_global_id_of_a_non_node_type_is_a_typed_client_error(gql, persona, caplog):
    query = "query($id: ID!) { node(id: $id) { id } }"
    missing = await gql.http.post("/graphql",
                                  json={"query": query, "variables": {"id": global_id("Partner", "p-none")}},
                                  headers={"authorization": f"Bearer {gql.token(persona)}"})
    assert missing.json() == {"data": {"node": None}}
    for type_name in ("PartnerRef", "Organization", "Query", "Mutation", "Money"):
        assert global_id(type_name, "p-northwind") != NOT_A_NODE
    ids = [NOT_A_NODE] + [global_id(t, "p-northwind") for t in ("PartnerRef", "Organization", "Query", "Mutation")]
    with caplog.at_level(logging.ERROR):
        for node_id in ids:
            response = await gql.http.post("/graphql", json={"query": query, "variables": {"id": node_id}},
                                           headers={"authorization": f"Bearer {gql.token(persona)}"})
            body = response.json()
            assert body["data"] == {"node": None}, node_id
            assert [e["extensions"]["code"] for e in body["errors"]] == ["VALIDATION"], node_id
            assert body["errors"][0]["message"] == "`id`: not a global ID this API issued"
    assert not [r for r in caplog.records if r.exc_info], "no traceback for a client's id"


# One behaviour on every entry point that reads a node by global ID: an ID this API could not have issued for
# the argument (malformed, of another type) is VALIDATION; a well-formed one naming nothing visible is null.
BY_ID = [("node", "Partner"), ("partner", "Partner"), ("program", "Program"), ("case", "Case"),
         ("dealRegistration", "DealRegistration"), ("dealLineage", "DealRegistration")]


@pytest.mark.parametrize("field,type_name", BY_ID)
async def test_every_read_by_global_id_answers_alike(gql, field, type_name):
    query = f"query($id: ID!) {{ {field}(id: $id) {{ __typename }} }}"
    status, body = await gql.post(query, variables={"id": global_id(type_name, "no-such-key")})
    assert status == 200 and body["data"] == {field: None} and "errors" not in body
    wrong_type = global_id("Money" if field == "node" else "Segment", "seg-reseller-gold")
    for junk in ("junk", "!!!garbage", wrong_type):
        status, body = await gql.post(query, variables={"id": junk})
        assert status == 200 and body["data"] == {field: None}, junk
        assert [e["extensions"]["code"] for e in body["errors"]] == ["VALIDATION"], junk
        assert body["errors"][0]["message"].startswith("`id`: "), body


async def test_garbage_global_ids_are_a_typed_client_error(gql):
    for node_id in ("!!!garbage", "//46eA==", "bm9jb2xvbg=="):  # not base64, not UTF-8, no type name
        status, body = await gql.post("query($id: ID!) { node(id: $id) { id } }", variables={"id": node_id})
        assert status == 200 and body["data"] == {"node": None}
        assert body["errors"][0]["extensions"]["code"] == "VALIDATION"
