"""Internal errors are masked: the client gets a code and a request id, the log gets the rest."""

from __future__ import annotations

import logging

from tests.conftest import global_id


async def test_internal_error_is_masked_and_logged(gql, session, caplog):
    # A record the schema cannot represent (an unknown partner type) breaks mapping deep inside.
    await session.write_transaction(lambda tx: tx.run(
        "CREATE (:Partner {id: 'test-broken', name: 'Broken Partner', type: 'NOT_A_TYPE', status: 'ACTIVE'})"))
    try:
        with caplog.at_level(logging.ERROR, logger="partnergraph.http"):
            status, body = await gql.post("query($id: ID!) { partner(id: $id) { name } viewer { persona } }",
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
