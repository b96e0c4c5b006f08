"""The viewer comes from the graph on every request, so a role change takes effect at once."""

from __future__ import annotations

import pytest

from tests.conftest import DEMO_PEOPLE

QUERY = "{ viewer { persona person { name } organization { __typename name } } }"

ORGANIZATIONS = {
    "enterprise-admin": ("InternalOrg", "Global Channel Sales"),
    "enterprise-executive": ("InternalOrg", "Global Channel Sales"),
    "relationship-manager": ("InternalOrg", "Global Channel Sales"),
    "partner-agent": ("InternalOrg", "Partner Services"),
    "partner-admin": ("Partner", "Contoso Resellers"),
    "partner-manager": ("Partner", "Fabrikam Solutions"),
    "partner-associate": ("Partner", "Tailspin IT"),
}


@pytest.mark.parametrize("persona", sorted(DEMO_PEOPLE))
async def test_viewer_resolved_from_graph(gql, persona):
    viewer = (await gql.data(QUERY, persona=persona))["viewer"]
    assert viewer["persona"] == persona.upper().replace("-", "_")
    assert viewer["person"]["name"] == DEMO_PEOPLE[persona]
    kind, name = ORGANIZATIONS[persona]
    assert viewer["organization"] == {"__typename": kind, "name": name}


async def test_role_change_takes_effect_with_the_same_token(gql, session):
    await session.write_transaction(lambda tx: tx.run(
        "MATCH (p:Partner {id: 'p-alpine'}) "
        "CREATE (:Person {id: 'test-role-change', name: 'Rolf Role'})-[:MEMBER_OF {role: 'ASSOCIATE'}]->(p)"))
    token = gql.token(person="test-role-change")
    try:
        assert (await gql.data(QUERY, token=token))["viewer"]["persona"] == "PARTNER_ASSOCIATE"
        await session.write_transaction(lambda tx: tx.run(
            "MATCH (:Person {id: 'test-role-change'})-[m:MEMBER_OF]->() SET m.role = 'ADMIN'"))
        assert (await gql.data(QUERY, token=token))["viewer"]["persona"] == "PARTNER_ADMIN"
        await session.write_transaction(lambda tx: tx.run(
            "MATCH (:Person {id: 'test-role-change'})-[m:MEMBER_OF]->() DELETE m"))
        status, body = await gql.post(QUERY, token=token)
        assert status == 401 and body["errors"][0]["message"] == "the token names a person without a role"
    finally:
        await session.write_transaction(lambda tx: tx.run("MATCH (p:Person {id: 'test-role-change'}) DETACH DELETE p"))
