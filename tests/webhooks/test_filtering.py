"""What a webhook receives: its event types, its subtree, and only what its registrant may see now (a partner
admin's webhook never carries another organization's change or an enterprise-only record; one whose registrant
lost the role holds its deliveries until they have it back)."""

from __future__ import annotations

import pytest

from tests.cases.test_cases import COMMENT, OPEN, _gid
from tests.change_log import mutate
from tests.conftest import global_id, write
from tests.webhooks.conftest import (
    create_accounts,
    deliveries,
    eventually,
    register,
    running,
    seqs_of,
    settled,
)

pytestmark = pytest.mark.usefixtures("cleanup")

CREATE_PARTNER = """mutation($p: [CreatePartnerInput!]!) { createPartners(partners: $p) { errors { code } } }"""
UPDATE_PARTNER = """mutation($p: ID!) { updatePartner(partner: $p, country: "CA") { errors { code } } }"""


async def test_event_types_and_subtree_filter_what_is_sent(gql, graph, settings, session, receiver, prefix):
    accounts = (await register(gql, receiver.url + "/accounts", ["Account"]))["webhook"]
    updates = (await register(gql, receiver.url + "/updates", ["Partner.UPDATED"]))["webhook"]
    eurolink = (await register(gql, receiver.url + "/eurolink", ["Account", "Partner"], subtree="p-eurolink"))[
        "webhook"]
    async with running(graph, settings):
        alpine = await create_accounts(gql, prefix, "p-alpine", 1)
        await mutate(gql, "enterprise-admin", CREATE_PARTNER, p=[{"key": f"{prefix}-p", "name": f"{prefix} Partner",
                                                                  "type": "REFERRAL"}])
        await mutate(gql, "enterprise-admin", UPDATE_PARTNER, p=global_id("Partner", f"{prefix}-p"))
        contoso = await create_accounts(gql, prefix, "p-contoso", 1)
        (last,) = await seqs_of(session, contoso)
        (in_eurolink,) = await seqs_of(session, alpine)
        await eventually(lambda: settled(gql, accounts["id"], last), "the accounts webhook")
        await eventually(lambda: settled(gql, updates["id"], last), "the updates webhook")
        await eventually(lambda: settled(gql, eurolink["id"], in_eurolink), "the Eurolink webhook")
    assert receiver.keys_at("/accounts") == alpine + contoso
    assert receiver.keys_at("/updates") == [f"{prefix}-p"]  # not its creation
    assert receiver.keys_at("/eurolink") == alpine  # neither Contoso's account nor a partner outside the subtree
    assert {r.headers["partnergraph-event"] for r in receiver.received() if r.path.endswith("/updates")} == {
        "Partner.UPDATED"}


async def test_a_partner_admins_webhook_carries_only_what_they_may_see(gql, graph, settings, session, receiver,
                                                                       prefix):
    partner = (await register(gql, receiver.url + "/partner", ["Account", "CaseComment"], persona="partner-admin"))[
        "webhook"]
    assert partner["partnerSubtree"] == {"key": "p-contoso"}  # their own organization by default
    await register(gql, receiver.url + "/enterprise", ["CaseComment"], subtree="p-contoso")
    case = f"{prefix}-case"
    await mutate(gql, "partner-admin", OPEN, c={"key": case, "subject": "licences do not activate",
                                                "partner": global_id("Partner", "p-contoso"), "priority": "P3"})
    try:
        async with running(graph, settings):
            others = await create_accounts(gql, prefix, "p-proseware", 1)  # a sibling of Contoso
            await mutate(gql, "partner-agent", COMMENT, id=_gid(case), body="work note: refund?", internal=True)
            await mutate(gql, "partner-agent", COMMENT, id=_gid(case), body="we are on it", internal=False)
            own = await create_accounts(gql, prefix, "p-fabrikam", 1)  # below Contoso
            (last,) = await seqs_of(session, own)
            await eventually(lambda: settled(gql, partner["id"], last), "the partner admin's webhook")
            await eventually(lambda: len(receiver.keys_at("/enterprise")) == 2, "the enterprise webhook")
        bodies = [r.json["change"] for r in receiver.received() if r.path.endswith("/partner")]
        assert [(c["entityType"], c["operation"]) for c in bodies] == [("CaseComment", "CREATED"),
                                                                      ("Account", "CREATED")]
        assert bodies[1]["entityKey"] == own[0] and others[0] not in receiver.keys_at("/partner")
        assert {"field": "body", "old": None, "new": "we are on it", "enterpriseOnly": False} in bodies[0]["fields"]
        notes = [r.json["change"]["fields"] for r in receiver.received() if r.path.endswith("/enterprise")]
        assert {"field": "body", "old": None, "new": "work note: refund?", "enterpriseOnly": False} in notes[0]
    finally:
        await write(session, "MATCH (c:Case {id: $id}) OPTIONAL MATCH (c)<-[:ON]-(cm:CaseComment) DETACH DELETE c, cm",
                    id=case)


# A partner admin made manager may no longer read the webhook either; an enterprise admin made executive still
# reads it but may no longer manage it.
@pytest.mark.parametrize(("membership", "demoted"), [("p-contoso", "MANAGER"), ("io-channel", "EXECUTIVE")])
async def test_deliveries_are_held_while_the_registrant_may_not_manage_the_webhook(gql, graph, settings, session,
                                                                                    receiver, prefix, membership,
                                                                                    demoted):
    person = f"{prefix}-admin"
    relationship = "MEMBER_OF" if membership.startswith("p-") else "EMPLOYED_BY"
    await write(session, f"""MATCH (org {{id: $org}})
                             CREATE (:Person {{id: $id, name: 'Hal Hooks', email: $id + '@example.com'}})
                                    -[:{relationship} {{role: 'ADMIN'}}]->(org)""", id=person, org=membership)
    webhook = (await register(gql, receiver.url, ["Account"], person=person, subtree="p-contoso"))["webhook"]
    role = f"MATCH (:Person {{id: $id}})-[m:{relationship}]->() SET m.role = $role"
    async with running(graph, settings):
        await write(session, role, id=person, role=demoted)
        keys = await create_accounts(gql, prefix, "p-contoso", 1)
        held = await eventually(lambda: _status(gql, webhook["id"], "HELD"), "the webhook held")
        assert "registrant may no longer manage" in held["statusReason"] and receiver.received() == []
        await write(session, role, id=person, role="ADMIN")
        await eventually(lambda: receiver.received(), "the delivery once the role is back")
        await eventually(lambda: _status(gql, webhook["id"], "ACTIVE"), "the webhook active again")
    assert receiver.keys_at("") == keys


async def _status(gql, webhook: str, status: str) -> dict | None:
    found = await deliveries(gql, webhook)
    return found if found["status"] == status else None
