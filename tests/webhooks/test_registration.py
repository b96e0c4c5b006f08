"""Registering webhooks: URL safety (strict, and relaxed in local demo mode only), at registration and again at
delivery; the secret shown once and never again; input checks; who may register and read webhooks."""

from __future__ import annotations

import httpx
import pytest

from auth.signatures import SecretBox
from gateway.app import create_app
from gateway.webhooks.keys import secret_box
from resolvers.shared.endpoints import resolved_problem, url_problem
from tests.conftest import DEMO_PEOPLE, GatewayClient, global_id
from tests.webhooks.conftest import REGISTER, create_accounts, deliveries, eventually, register, running

pytestmark = pytest.mark.usefixtures("cleanup")

PUBLIC = "https://93.184.215.14/hooks/partnergraph"  # a public address, as a literal: no DNS needed


@pytest.mark.parametrize(("url", "problem"), [
    ("http://93.184.215.14/hooks", "https"),
    ("ftp://93.184.215.14/hooks", "https"),
    ("javascript:alert(1)", "https"),
    ("https://user:secret@93.184.215.14/hooks", "credentials"),
    ("https://93.184.215.14/hooks#part", "fragment"),
    ("https:///hooks", "host"),
    ("https://93.184.215.14/" + "x" * 2048, "2048"),
    ("https://93.184.215.14/a b", "spaces"),
    ("https://127.0.0.1/hooks", "not a public address"),
    ("https://10.1.2.3/hooks", "not a public address"),
    ("https://172.16.0.9/hooks", "not a public address"),
    ("https://192.168.1.1/hooks", "not a public address"),
    ("https://169.254.169.254/latest/meta-data", "not a public address"),
    ("https://100.64.0.1/hooks", "not a public address"),
    ("https://0.0.0.0/hooks", "not a public address"),
    ("https://224.0.0.1/hooks", "not a public address"),
    ("https://[::1]/hooks", "not a public address"),
    ("https://[fe80::1]/hooks", "not a public address"),
    ("https://[fc00::1]/hooks", "not a public address"),
    ("https://[fec0::1]/hooks", "not a public address"),
    ("https://[::ffff:127.0.0.1]/hooks", "not a public address"),
])
def test_strict_mode_refuses(url, problem):
    found = url_problem(url, local=False)
    assert found and problem in found, found


async def test_strict_mode_checks_what_a_name_resolves_to():
    assert "not a public address" in await resolved_problem("https://localhost:8443/hooks", local=False)
    assert await resolved_problem(PUBLIC, local=False) is None


@pytest.mark.parametrize(("url", "problem"), [
    ("http://127.0.0.1:8080/hooks", None),
    ("http://localhost/hooks", None),
    ("https://10.1.2.3/hooks", None),
    ("ftp://127.0.0.1/hooks", "https URL (or http in local demo mode)"),
    ("http://user:pw@127.0.0.1/hooks", "credentials"),
])
async def test_local_demo_mode_allows_http_and_local_addresses_only(url, problem):
    found = await resolved_problem(url, local=True)
    assert found == problem if problem is None else problem in found


@pytest.fixture(scope="module")
async def strict_gql(settings, graph):
    """The gateway over the same Neo4j but outside local demo mode (NEO4J_URI set): strict URL rules."""
    strict = settings.model_copy(update={"neo4j_uri": f"bolt://127.0.0.1:{settings.neo4j_bolt_port}"})
    assert not strict.demo_login_enabled
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(strict, graph)),
                                 base_url="http://gateway") as http:
        yield GatewayClient(http, strict)


async def test_registration_outside_demo_mode_is_strict(strict_gql):
    for url in ("http://127.0.0.1:9/hooks", "https://10.0.0.8/hooks", "https://localhost/hooks"):
        data = await strict_gql.data(REGISTER, variables={"i": {"url": url, "eventTypes": ["Account"]}})
        assert [(e["code"], e["field"]) for e in data["registerWebhook"]["errors"]] == [
            ("VALIDATION", ["input", "url"])], url
        assert data["registerWebhook"]["webhook"] is None
    accepted = (await strict_gql.data(REGISTER, variables={"i": {"url": PUBLIC, "eventTypes": ["Account"]}}))
    assert accepted["registerWebhook"]["errors"] == [] and accepted["registerWebhook"]["webhook"]["url"] == PUBLIC


async def test_a_worker_outside_demo_mode_refuses_local_addresses_at_delivery(gql, graph, settings, receiver,
                                                                             prefix):
    webhook = (await register(gql, receiver.url.replace("http:", "https:"), ["Account"]))["webhook"]  # demo mode
    async with running(graph, settings, neo4j_uri=f"bolt://127.0.0.1:{settings.neo4j_bolt_port}") as (worker, _):
        assert not worker.local_endpoints
        await create_accounts(gql, prefix, "p-contoso", 1)
        attempted = await eventually(lambda: _attempted(gql, webhook["id"]), "an attempt")
    assert attempted["responseCode"] is None and "refused" in attempted["error"]
    assert "not a public address" in attempted["error"] and receiver.received() == []


async def _attempted(gql, webhook: str) -> dict | None:
    found = (await deliveries(gql, webhook))["deliveries"]
    return found[0]["attempts"][0] if found and found[0]["attempts"] else None


async def test_the_secret_is_shown_once_and_stored_encrypted(gql, session, settings, receiver):
    payload = await register(gql, receiver.url, ["Account"])
    secret, webhook = payload["secret"], payload["webhook"]
    assert secret.startswith("whsec_") and len(secret) > 40
    (row,) = await session.read_transaction(lambda tx: tx.run(
        "MATCH (w:Webhook {id: $id}) RETURN w.secretCiphertext AS sealed", id=webhook["key"]))
    assert secret not in row["sealed"] and secret_box(settings).open(row["sealed"]) == secret
    assert SecretBox("another key").seal(secret) != row["sealed"]
    fields = await gql.data('{ __type(name: "Webhook") { fields { name } } }')
    assert not [f["name"] for f in fields["__type"]["fields"] if "secret" in f["name"].lower()]
    read = await gql.data("query($id: ID!) { node(id: $id) { ... on Webhook { url eventTypes } } }",
                          variables={"id": webhook["id"]})
    assert read["node"] == {"url": receiver.url, "eventTypes": ["Account"]}
    records = await session.read_transaction(lambda tx: tx.run(
        "MATCH (c:Change {entityType: 'Webhook', entityId: $id}) RETURN properties(c) AS c", id=webhook["key"]))
    assert records and not any(secret in str(r) or row["sealed"] in str(r) for r in records)


@pytest.mark.parametrize(("variables", "code", "field"), [
    ({"eventTypes": []}, "VALIDATION", ["input", "eventTypes"]),
    ({"eventTypes": ["Account", "Acount"]}, "VALIDATION", ["input", "eventTypes", "1"]),
    ({"eventTypes": ["Case.MOVED"]}, "VALIDATION", ["input", "eventTypes", "0"]),
    ({"url": " "}, "VALIDATION", ["input", "url"]),
    ({"partnerSubtree": global_id("Account", "acct-initech")}, "VALIDATION", ["input", "partnerSubtree"]),
    ({"partnerSubtree": global_id("Partner", "p-nowhere")}, "NOT_FOUND", ["input", "partnerSubtree"]),
])
async def test_input_checks(gql, receiver, variables, code, field):
    data = await gql.data(REGISTER, variables={"i": {"url": receiver.url, "eventTypes": ["Account"], **variables}})
    assert [(e["code"], e["field"]) for e in data["registerWebhook"]["errors"]] == [(code, field)]


async def test_a_partner_admin_registers_for_their_subtree_only(gql, receiver):
    outside = await gql.data(REGISTER, persona="partner-admin", variables={"i": {
        "url": receiver.url, "eventTypes": ["Account"], "partnerSubtree": global_id("Partner", "p-eurolink")}})
    assert [e["code"] for e in outside["registerWebhook"]["errors"]] == ["NOT_FOUND"]
    below = await register(gql, receiver.url, ["Account"], persona="partner-admin", subtree="p-fabrikam")
    assert below["webhook"]["partnerSubtree"] == {"key": "p-fabrikam"}


REGISTERERS = {"enterprise-admin", "partner-admin"}
# Who reads which webhook: an enterprise one (no subtree), and one of Contoso's subtree.
READERS = {"enterprise": {"enterprise-admin", "enterprise-executive", "relationship-manager", "partner-agent"},
           # the relationship manager manages Contoso's parent, Northwind
           "contoso": {"enterprise-admin", "enterprise-executive", "relationship-manager", "partner-agent",
                       "partner-admin"}}


@pytest.mark.parametrize("persona", sorted(DEMO_PEOPLE))
async def test_who_may_register_and_read_webhooks(gql, receiver, persona):
    data = await gql.data(REGISTER, persona=persona, variables={"i": {
        "url": receiver.url, "eventTypes": ["Account"],
        "partnerSubtree": global_id("Partner", "p-contoso") if persona == "partner-admin" else None}})
    errors = data["registerWebhook"]["errors"]
    assert errors == [] if persona in REGISTERERS else [e["code"] for e in errors] == ["FORBIDDEN"]
    enterprise = (await register(gql, receiver.url + "/e", ["Account"]))["webhook"]
    contoso = (await register(gql, receiver.url + "/c", ["Account"], subtree="p-contoso"))["webhook"]
    listed = await gql.data("{ webhooks(first: 100) { edges { node { id } } } }", persona=persona)
    ids = {edge["node"]["id"] for edge in listed["webhooks"]["edges"]}
    for name, webhook in (("enterprise", enterprise), ("contoso", contoso)):
        assert (webhook["id"] in ids) == (persona in READERS[name]), name
        one = await gql.data("query($id: ID!) { webhook(id: $id) { key } }", persona=persona,
                             variables={"id": webhook["id"]})
        assert (one["webhook"] is not None) == (persona in READERS[name]), name
