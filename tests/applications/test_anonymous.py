"""The anonymous path (docs/APPLICATIONS.md): a request without a token runs the public fields only (the
application form, a submission), with every document limit; anything else is 401 as before. Submissions are
limited per client address and per e-mail (RATE_LIMITED), before any Cypher runs."""

from __future__ import annotations

import pytest

from tests.applications.conftest import SUBMIT, application, gateway, submit
from tests.change_log import last_seq, records_after
from tests.conftest import global_id

FORM = "query($p: ID!) { applicationForm(program: $p) { name } }"
PROGRAM = global_id("Program", "prog-reseller")


async def test_without_a_token_the_public_fields_run(gql, program):
    status, body = await gql.post(FORM, persona=None, variables={"p": program["program"]})
    assert (status, body["data"]) == (200, {"applicationForm": {"name": f"{program['prefix']} Program"}})
    payload = await submit(gql, application(program["program"], program["prefix"]))
    assert payload["errors"] == []


@pytest.mark.parametrize("document", [
    "{ programs { edges { node { key } } } }",
    "{ viewer { persona } }",
    '{ applicationForm(program: "%s") { name } programs { edges { node { key } } } }' % PROGRAM,
    '{ applicationForm(program: "%s") { name } __typename }' % PROGRAM,
    '{ ...F } fragment F on Query { applicationForm(program: "%s") { name } }' % PROGRAM,
    '{ ... on Query { applicationForm(program: "%s") { name } } }' % PROGRAM,
    "{ __schema { types { name } } }",
    "{ partnerApplications { edges { node { key } } } }",
    'mutation { reviewPartnerApplication(application: "x", decision: REJECT, reason: "r") { errors { code } } }',
    'mutation { setApplicationQuestions(program: "%s", questions: []) { errors { code } } }' % PROGRAM,
    "{ applicationForm(program: ",  # not even a document
    'query A { applicationForm(program: "%s") { name } } query B { viewer { persona } }' % PROGRAM,
], ids=["other-query", "viewer", "mixed", "typename", "fragment-at-root", "inline-fragment-at-root",
        "introspection", "applications", "review", "questions", "unparsable", "two-operations"])
async def test_without_a_token_anything_else_is_401_as_before(gql, document):
    status, body = await gql.post(document, persona=None)
    assert status == 401, body
    assert body == {"errors": [{"message": "a bearer token is required", "extensions": {"code": "UNAUTHENTICATED"}}]}


async def test_the_operation_named_decides(gql):
    document = 'query A { applicationForm(program: "%s") { name } } query B { viewer { persona } }' % PROGRAM
    response = await gql.http.post("/graphql", json={"query": document, "operationName": "A"})
    assert response.status_code == 200 and response.json()["data"] == {
        "applicationForm": {"name": "Reseller Program"}}
    response = await gql.http.post("/graphql", json={"query": document, "operationName": "B"})
    assert response.status_code == 401


async def test_a_bad_token_is_still_401(gql):
    response = await gql.http.post("/graphql", json={"query": FORM, "variables": {"p": PROGRAM}},
                                   headers={"authorization": "Bearer not-a-token"})
    assert response.status_code == 401


async def test_a_persisted_query_needs_a_token(gql):
    response = await gql.http.post("/graphql", json={"extensions": {"persistedQuery": {
        "version": 1, "sha256Hash": "0" * 64}}})
    assert response.status_code == 401


async def test_document_limits_apply_to_anonymous_requests(gql):
    aliases = " ".join(f'a{n}: applicationForm(program: "{PROGRAM}") {{ name }}' for n in range(40))
    status, body = await gql.post("{ %s }" % aliases, persona=None)
    assert status == 400 and body["errors"][0]["extensions"]["code"] == "TOO_MANY_ALIASES", body
    status, body = await gql.post("{ " + "applicationForm(program: \"x\") { name } " * 3 + " }", persona=None,
                                  variables={"pad": ["x"] * 2000})
    assert status == 400 and body["errors"][0]["extensions"]["code"] == "LIST_TOO_LONG", body


async def test_submissions_are_limited_per_address(settings, graph, session, program):
    async with gateway(settings, graph, ("10.0.0.1", "10.0.0.2"), applications_per_address=2,
                       applications_per_email=100) as (first, second):
        codes = []
        for n in range(3):
            values = application(program["program"], program["prefix"], adminEmail=f"a{n}@{program['prefix']}.example")
            codes.append([e["code"] for e in (await submit(first, values))["errors"]])
        assert codes == [[], [], ["RATE_LIMITED"]]
        before = await last_seq(session)
        refused = await submit(first, application(program["program"], program["prefix"]))
        assert refused["errors"] == [{"code": "RATE_LIMITED", "field": ["application"], "message":
                                      "too many applications from this address or for this e-mail address; "
                                      "try again later"}] and refused["receipt"] is None
        assert await records_after(session, before) == []
        # Another address is counted apart; bad input counts too (the limit comes first).
        assert (await submit(second, application(program["program"], program["prefix"], country="??")))["errors"]
        assert (await submit(second, application(program["program"], program["prefix"])))["errors"] == []
        assert [e["code"] for e in (await submit(second, application(program["program"], program["prefix"])))[
            "errors"]] == ["RATE_LIMITED"]


async def test_submissions_are_limited_per_email(settings, graph, program):
    addresses = ("10.0.1.1", "10.0.1.2", "10.0.1.3")
    async with gateway(settings, graph, addresses, applications_per_address=100,
                       applications_per_email=2) as clients:
        values = application(program["program"], program["prefix"], adminEmail=f"same@{program['prefix']}.example")
        codes = [[e["code"] for e in (await submit(c, values))["errors"]] for c in clients]
        assert codes == [[], [], ["RATE_LIMITED"]]
        # The e-mail is compared as stored: trimmed, lower case.
        shouted = dict(values, adminEmail=f"  SAME@{program['prefix'].upper()}.EXAMPLE ")
        assert [e["code"] for e in (await submit(clients[0], shouted))["errors"]] == ["RATE_LIMITED"]
        other = dict(values, adminEmail=f"other@{program['prefix']}.example")
        assert (await submit(clients[2], other))["errors"] == []


async def test_a_request_with_a_token_is_limited_too(settings, graph, program):
    async with gateway(settings, graph, applications_per_address=1) as (gql,):
        values = application(program["program"], program["prefix"])
        assert (await submit(gql, values, persona="partner-admin"))["errors"] == []
        data = await gql.data(SUBMIT, persona="partner-admin", variables={"a": values})
        assert [e["code"] for e in data["submitPartnerApplication"]["errors"]] == ["RATE_LIMITED"]
