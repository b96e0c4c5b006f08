"""End-customer accounts: created for a serving partner, visible through the partners that serve them."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import global_id

CREATE = """mutation($a: [CreateAccountInput!]!) {
  createAccounts(accounts: $a) { accounts { key name country partners { name } } errors { code field } } }"""
READ = "query($id: ID!) { node(id: $id) { ... on Account { name partners { name } } } }"


@pytest.fixture
async def prefix(session):
    value = f"acct{uuid.uuid4().hex[:8]}"
    yield value
    await session.write_transaction(lambda tx: tx.run("MATCH (a:Account) WHERE a.id STARTS WITH $p DETACH DELETE a",
                                                      p=value))


async def test_partner_manager_creates_accounts_in_their_subtree(gql, prefix):
    items = [{"key": f"{prefix}-1", "partner": global_id("Partner", "p-tailspin"), "name": f"Zyxo Corp {prefix}",
              "country": "us"},
             {"key": f"{prefix}-2", "partner": global_id("Partner", "p-fabrikam"), "name": "Globex",
              "industry": "Energy"}]
    payload = (await gql.data(CREATE, persona="partner-manager", variables={"a": items}))["createAccounts"]
    assert payload["errors"] == []
    assert payload["accounts"][0] == {"key": f"{prefix}-1", "name": f"Zyxo Corp {prefix}", "country": "US",
                                      "partners": [{"name": "Tailspin IT"}]}
    listed = await gql.data('query($id: ID!, $q: String) { partner(id: $id) { accounts(nameContains: $q) { '
                            'edges { node { key } } } } }',
                            persona="partner-associate",
                            variables={"id": global_id("Partner", "p-tailspin"), "q": "ZYXO"})
    assert listed["partner"]["accounts"]["edges"] == [{"node": {"key": f"{prefix}-1"}}]
    # Visible through a serving partner in scope, by id too; outside that scope it reads as missing.
    assert (await gql.data(READ, persona="relationship-manager", variables={"id": global_id("Account", f"{prefix}-1")})
            )["node"]["name"] == f"Zyxo Corp {prefix}"  # Tailspin is under Northwind, which Rita manages
    in_subtree = await gql.data(READ, persona="partner-admin", variables={"id": global_id("Account", f"{prefix}-1")})
    assert in_subtree["node"]["name"] == f"Zyxo Corp {prefix}"  # Contoso's admin: Tailspin is in the subtree
    outside = await gql.post(READ, persona="partner-associate", variables={"id": global_id("Account", f"{prefix}-2")})
    assert outside[1]["data"] == {"node": None}  # Fabrikam's account is not the associate's organization's


async def test_accounts_refused_outside_scope_or_rights(gql, prefix, session):
    item = {"key": prefix, "partner": global_id("Partner", "p-eurolink"), "name": "Initech"}
    out = (await gql.data(CREATE, persona="partner-manager", variables={"a": [item]}))["createAccounts"]
    assert out["errors"] == [{"code": "NOT_FOUND", "field": ["accounts", "0", "partner"]}]
    associate = (await gql.data(CREATE, persona="partner-associate", variables={"a": [item]}))["createAccounts"]
    assert associate["errors"] == [{"code": "FORBIDDEN", "field": []}]
    bad = (await gql.data(CREATE, variables={"a": [item, {**item, "name": " "}]}))["createAccounts"]
    assert {tuple(e["field"]) for e in bad["errors"]} == {("accounts", "1", "name")}
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (a:Account) WHERE a.id STARTS WITH $p RETURN count(a) AS n", p=prefix))
    assert rows[0]["n"] == 0
