"""The change records of every webhook mutation (tests/change_log.py): webhooks and replayed deliveries, scoped by
the webhook (webhook_visible), never listing the secret, its ciphertext or the worker's bookkeeping."""

from __future__ import annotations

import pytest

from tests.change_log import Logged, check_logged, mutate
from tests.conftest import global_id, write
from tests.webhooks.conftest import REGISTER

URL = "https://hooks.example.test/partnergraph"
STATUS = "mutation($w: ID!) { %s(webhook: $w) { webhook { status } errors { code } } }"
DELETE = "mutation($w: ID!) { deleteWebhook(webhook: $w) { deleted errors { code } } }"
REPLAY = "mutation($d: ID!) { replayWebhookDelivery(delivery: $d) { delivery { status } errors { code } } }"


def _webhook(state) -> str:
    return global_id("Webhook", state["prefix"])


async def _registered(gql, session, state) -> None:
    """A webhook keyed by the prefix (the registration's own id is generated), and one FAILED delivery of it."""
    payload = await mutate(gql, "partner-admin", REGISTER, i={"url": URL, "eventTypes": ["Account"]})
    await write(session, """MATCH (w:Webhook {id: $id}) SET w.id = $prefix
                            CREATE (w)-[:DELIVERS]->(:WebhookDelivery {id: $prefix + '-7', webhookId: $prefix, seq: 7,
                              entityType: 'Account', entityId: 'a-x', operation: 'CREATED', body: '{}',
                              status: 'FAILED', attempts: 3, replay: false, createdAt: datetime()})""",
                id=payload["webhook"]["key"], prefix=state["prefix"])


async def _cleanup(gql, session, state) -> None:
    await write(session, """MATCH (w:Webhook) WHERE w.id STARTS WITH $prefix OR w.url = $url
                            OPTIONAL MATCH (w)-[:DELIVERS]->(d:WebhookDelivery) DETACH DELETE d, w""",
                prefix=state["prefix"], url=URL)


async def _register(gql, session, state) -> None:
    await mutate(gql, state["persona"], REGISTER, i={"url": URL, "eventTypes": ["Account", "Case.STATE_CHANGED"],
                                                     "partnerSubtree": global_id("Partner", "p-fabrikam")})


async def _pause(gql, session, state) -> None:
    await mutate(gql, state["persona"], STATUS % "pauseWebhook", w=_webhook(state))


async def _resume(gql, session, state) -> None:
    await _pause(gql, session, state)
    await mutate(gql, state["persona"], STATUS % "resumeWebhook", w=_webhook(state))


async def _delete(gql, session, state) -> None:
    await mutate(gql, state["persona"], DELETE, w=_webhook(state))


async def _replay(gql, session, state) -> None:
    await mutate(gql, state["persona"], REPLAY, d=global_id("WebhookDelivery", f"{state['prefix']}-7"))


LOGGED = [
    Logged("registerWebhook", _register, [("Webhook", "CREATED")], cleanup=_cleanup),
    Logged("pauseWebhook", _pause, [("Webhook", "STATE_CHANGED")], persona="partner-admin", setup=_registered,
           cleanup=_cleanup),
    Logged("resumeWebhook", _resume, [("Webhook", "STATE_CHANGED")] * 2, persona="partner-admin",
           setup=_registered, cleanup=_cleanup),
    Logged("deleteWebhook", _delete, [("Webhook", "DELETED")], setup=_registered, cleanup=_cleanup),
    Logged("replayWebhookDelivery", _replay, [("WebhookDelivery", "STATE_CHANGED")], setup=_registered,
           cleanup=_cleanup),
]


@pytest.mark.parametrize("case", LOGGED, ids=lambda case: case.mutation)
async def test_webhook_mutation_writes_its_records(case, gql, session):
    await check_logged(case, gql, session)


def _fields(record: dict) -> dict:
    return {f["field"]: (f["old"], f["new"]) for f in record["fields"]}


async def test_a_registration_lists_what_it_receives_never_its_secret(gql, session):
    (record,) = await check_logged(LOGGED[0], gql, session)
    assert (record["scope"], record["scopeId"], record["partnerId"]) == ("webhook", record["entityId"], "p-fabrikam")
    assert _fields(record) == {"url": (None, URL), "eventTypes": (None, ["Account", "Case.STATE_CHANGED"]),
                               "status": (None, "ACTIVE"), "partner": (None, "p-fabrikam"),
                               "createdBy": (None, "demo-enterprise-admin")}
    assert "secret" not in str(record).lower() and not record["enterpriseFields"]


async def test_status_changes_and_replays_carry_their_states(gql, session):
    paused, resumed = await check_logged(LOGGED[2], gql, session)
    assert (paused["fromState"], paused["toState"], resumed["toState"]) == ("ACTIVE", "PAUSED", "ACTIVE")
    assert _fields(paused) == {"status": ("ACTIVE", "PAUSED")} and paused["partnerId"] == "p-contoso"
    (replayed,) = await check_logged(LOGGED[4], gql, session)
    assert (replayed["fromState"], replayed["toState"], replayed["scope"]) == ("FAILED", "PENDING", "webhook")
    assert replayed["scopeId"] == replayed["entityId"].removesuffix("-7")


async def test_pausing_a_paused_webhook_writes_nothing(gql, session):
    async def again(gql, session, state) -> None:
        await _pause(gql, session, state)
        payload = await mutate(gql, "partner-admin", STATUS % "pauseWebhook", w=_webhook(state))
        assert payload["webhook"]["status"] == "PAUSED"

    await check_logged(Logged("", again, [("Webhook", "STATE_CHANGED")], persona="partner-admin",
                              setup=_registered, cleanup=_cleanup), gql, session)
