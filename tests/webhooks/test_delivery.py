"""Delivery against a real receiver on 127.0.0.1: signed bodies, strict seq order, retries on 500 and on a timeout
with every attempt recorded, FAILED after the retry window and replay, a crash mid-stream resumed by another worker,
and two workers over one graph."""

from __future__ import annotations

import asyncio
import threading

import pytest
from strawberry import relay

from auth.signatures import verify_signature
from tests.change_log import mutate
from tests.conftest import global_id
from tests.webhooks.conftest import (
    HANG,
    create_accounts,
    deliveries,
    eventually,
    register,
    running,
    seqs_of,
)

pytestmark = pytest.mark.usefixtures("cleanup")

REPLAY = """mutation($d: ID!) { replayWebhookDelivery(delivery: $d) { delivery { key status replay }
  errors { code field message } } }"""


async def test_a_delivery_is_signed_and_carries_the_change(gql, graph, settings, session, receiver, prefix):
    registered = await register(gql, receiver.url, ["Account"])
    webhook, secret = registered["webhook"], registered["secret"]
    async with running(graph, settings):
        (key,) = await create_accounts(gql, prefix, "p-contoso", 1)
        (request,) = await eventually(receiver.received, "the delivery")
    (seq,) = await seqs_of(session, [key])
    delivery = f"{webhook['key']}-{seq}"
    assert request.headers["partnergraph-delivery"] == delivery
    assert request.headers["partnergraph-event"] == "Account.CREATED"
    assert request.headers["content-type"] == "application/json"
    signature = request.headers["partnergraph-signature"]
    assert verify_signature(secret, signature, request.body)
    assert not verify_signature(secret + "x", signature, request.body)  # another secret
    assert not verify_signature(secret, signature, request.body + b" ")  # another body
    assert not verify_signature(secret, signature, request.body, now=int(signature[2:12]) + 301)  # too old
    body = request.json
    assert (body["id"], body["webhook"], body["seq"]) == (delivery, webhook["id"], seq)
    change = body["change"]
    assert (change["seq"], change["entityType"], change["entityKey"], change["operation"]) == (
        seq, "Account", key, "CREATED")
    assert change["entityId"] == str(relay.GlobalID("Account", key))
    assert change["actor"] == {"key": "demo-enterprise-admin", "persona": "enterprise-admin"}
    assert {"field": "name", "old": None, "new": f"Webhook Customer {key}", "enterpriseOnly": False} in change["fields"]
    assert set(change) == {"seq", "at", "actor", "entityType", "entityKey", "entityId", "operation", "fromState",
                           "toState", "relationship", "otherType", "otherKey", "fields", "lineageKey"}
    stored = await deliveries(gql, webhook["id"])
    (node,) = stored["deliveries"]
    assert (node["key"], node["status"], node["attemptCount"], node["event"]) == (
        delivery, "SUCCEEDED", 1, "Account.CREATED")
    assert node["attempts"][0]["responseCode"] == 200 and node["deliveredAt"] and node["nextAttemptAt"] is None


async def test_order_holds_across_many_changes(gql, graph, settings, session, receiver, prefix):
    await register(gql, receiver.url, ["Account"])
    keys = []
    async with running(graph, settings):
        for batch in range(4):  # 40 changes, in four transactions, more than one batch of the worker's
            keys += await create_accounts(gql, prefix, "p-contoso", 10, start=batch * 10)
        await eventually(lambda: len(receiver.received()) >= 40, "40 deliveries")
    assert receiver.seqs() == await seqs_of(session, keys)


async def test_a_500_is_retried_before_the_next_delivery_goes(gql, graph, settings, session, receiver, prefix):
    webhook = (await register(gql, receiver.url, ["Account"]))["webhook"]
    answers = iter([500, 503])
    receiver.answer = lambda request: next(answers, 200)
    async with running(graph, settings):
        keys = await create_accounts(gql, prefix, "p-contoso", 2)
        await eventually(lambda: len(receiver.received()) >= 4, "two retries, then both deliveries")
    first, second = (f"{webhook['key']}-{seq}" for seq in await seqs_of(session, keys))
    assert receiver.deliveries() == [first, first, first, second]  # the second waits for the first
    stored = await deliveries(gql, webhook["id"])
    head = stored["deliveries"][0]
    assert (head["status"], head["attemptCount"], head["lastResponseCode"]) == ("SUCCEEDED", 3, 200)
    assert [(a["number"], a["responseCode"], a["error"]) for a in head["attempts"]] == [
        (1, 500, "HTTP 500"), (2, 503, "HTTP 503"), (3, 200, None)]


async def test_a_timeout_is_retried(gql, graph, settings, session, receiver, prefix):
    webhook = (await register(gql, receiver.url, ["Account"]))["webhook"]
    answers = iter([HANG])
    receiver.answer = lambda request: next(answers, 200)
    async with running(graph, settings):
        await create_accounts(gql, prefix, "p-contoso", 1)
        await eventually(lambda: len(receiver.received()) >= 2, "a retry after the timeout")
        (delivery,) = await eventually(
            lambda: _succeeded(gql, webhook["id"]), "the retry recorded")
    assert len(set(receiver.deliveries())) == 1
    first, second = delivery["attempts"]
    assert first["responseCode"] is None and "no answer within 1 s" in first["error"]
    assert first["milliseconds"] >= 900 and second["responseCode"] == 200


async def _succeeded(gql, webhook: str) -> list[dict] | None:
    found = (await deliveries(gql, webhook))["deliveries"]
    return found if found and all(d["status"] == "SUCCEEDED" for d in found) else None


async def test_a_delivery_fails_after_its_window_and_is_replayed(gql, graph, settings, session, receiver, prefix):
    webhook = (await register(gql, receiver.url, ["Account"]))["webhook"]
    receiver.answer = lambda request: 500 if request.json["change"]["entityKey"].endswith("-000") else 200
    async with running(graph, settings, webhook_retry_window_seconds=0.5):
        keys = await create_accounts(gql, prefix, "p-contoso", 2)
        failed, succeeded = await eventually(lambda: _second_succeeded(gql, webhook["id"]), "the next delivery")
        # Retries 0.2 s apart (1 s capped at 0.2 s) until the next would fall more than 0.5 s after the first: two
        # or three attempts, as the worker's own pace allows.
        assert (failed["status"], failed["nextAttemptAt"]) == ("FAILED", None) and failed["attemptCount"] >= 2
        assert [a["responseCode"] for a in failed["attempts"]] == [500] * failed["attemptCount"]
        assert [k.endswith("-001") for k in _keys(receiver)] == [False] * failed["attemptCount"] + [True]
        receiver.answer = lambda request: 200
        replayed = await mutate(gql, "enterprise-admin", REPLAY, d=failed["id"])
        assert replayed["delivery"] == {"key": failed["key"], "status": "PENDING", "replay": True}
        await eventually(lambda: len(receiver.received()) == failed["attemptCount"] + 2, "the replay")
        again = await eventually(lambda: _succeeded(gql, webhook["id"]), "the replay recorded")
    assert receiver.deliveries()[-1] == failed["key"]  # the same idempotency key
    assert again[0]["attemptCount"] == failed["attemptCount"] + 1 and again[0]["replay"]
    refused = (await gql.data(REPLAY, variables={"d": failed["id"]}))["replayWebhookDelivery"]
    assert refused["errors"][0]["code"] == "INVALID_TRANSITION"  # only a FAILED delivery is replayed
    (seq, _) = await seqs_of(session, keys)
    assert failed["key"] == f"{webhook['key']}-{seq}"


async def _second_succeeded(gql, webhook: str) -> list[dict] | None:
    found = (await deliveries(gql, webhook))["deliveries"]
    return found if len(found) == 2 and found[1]["status"] == "SUCCEEDED" else None


def _keys(receiver) -> list[str]:
    return [r.json["change"]["entityKey"] for r in receiver.received()]


async def test_a_crash_mid_stream_resumes_without_loss(gql, graph, settings, session, receiver, prefix):
    """Worker A dies while its 10th POST is in flight; worker B sends that one again (at least once, same key) and
    every later one once, in order."""
    webhook = (await register(gql, receiver.url, ["Account"]))["webhook"]
    arrived, proceed = threading.Event(), threading.Event()

    def answer(request) -> int:
        if len(receiver.requests) == 10 and not arrived.is_set():
            arrived.set()
            proceed.wait(60)
        return 200

    receiver.answer = answer
    async with running(graph, settings, name="worker-a") as (_, crashing):
        keys = await create_accounts(gql, prefix, "p-contoso", 25)
        await eventually(arrived.is_set, "the 10th POST")
        crashing.cancel()  # as if the process died: the POST under way is never recorded
        await asyncio.gather(crashing, return_exceptions=True)
    proceed.set()
    expected = [f"{webhook['key']}-{seq}" for seq in await seqs_of(session, keys)]
    async with running(graph, settings, name="worker-b"):
        await eventually(lambda: receiver.deliveries()[-1:] == expected[-1:], "the rest")
    assert receiver.deliveries() == expected[:10] + expected[9:]
    stored = await deliveries(gql, webhook["id"])
    assert [d["key"] for d in stored["deliveries"]] == expected
    assert {d["status"] for d in stored["deliveries"]} == {"SUCCEEDED"}


async def test_a_clean_stop_resumes_without_repeating(gql, graph, settings, session, receiver, prefix):
    webhook = (await register(gql, receiver.url, ["Account"]))["webhook"]
    async with running(graph, settings, name="worker-a"):
        keys = await create_accounts(gql, prefix, "p-contoso", 5)
        await eventually(lambda: len(receiver.received()) >= 5, "the first deliveries")
    keys += await create_accounts(gql, prefix, "p-contoso", 5, start=5)  # while no worker runs
    expected = [f"{webhook['key']}-{seq}" for seq in await seqs_of(session, keys)]
    async with running(graph, settings, name="worker-b"):
        await eventually(lambda: len(receiver.received()) >= 10, "the rest")
    assert receiver.deliveries() == expected


async def test_two_workers_do_not_deliver_twice(gql, graph, settings, session, receiver, prefix):
    webhooks = [(await register(gql, f"{receiver.url}/{n}", ["Account"]))["webhook"] for n in range(3)]
    async with running(graph, settings, name="worker-a"), running(graph, settings, name="worker-b"):
        keys = []
        for batch in range(3):
            keys += await create_accounts(gql, prefix, "p-contoso", 10, start=batch * 10)
        await eventually(lambda: len(receiver.received()) >= 90, "every delivery")
        await asyncio.sleep(0)  # a second POST of one would come in the same rounds
    seqs = await seqs_of(session, keys)
    for webhook in webhooks:
        assert [d for d in receiver.deliveries() if d.startswith(webhook["key"] + "-")] == [
            f"{webhook['key']}-{seq}" for seq in seqs]
    assert len(receiver.deliveries()) == 90


async def test_a_second_worker_leaves_a_leased_webhook_alone(gql, graph, settings, session, receiver, prefix):
    """While worker A's POST hangs, worker B runs rounds: it must not claim the webhook and send the same delivery."""
    webhook = (await register(gql, receiver.url, ["Account"]))["webhook"]
    answers = iter([HANG])
    receiver.answer = lambda request: next(answers, 200)
    async with running(graph, settings, name="worker-a", webhook_timeout_seconds=30, webhook_lease_seconds=60):
        keys = await create_accounts(gql, prefix, "p-contoso", 3)
        await eventually(receiver.received, "worker A's first POST")
        async with running(graph, settings, name="worker-b") as (second, _):
            await eventually(lambda: second.rounds >= 3, "three rounds of worker B")
            assert len(receiver.received()) == 1
            receiver.released.set()
            await eventually(lambda: len(receiver.received()) >= 3, "the rest")
    assert receiver.deliveries() == [f"{webhook['key']}-{seq}" for seq in await seqs_of(session, keys)]


async def test_a_paused_webhook_gets_what_changed_meanwhile_after_resuming(gql, graph, settings, session, receiver,
                                                                            prefix):
    webhook = (await register(gql, receiver.url, ["Account"]))["webhook"]
    pause = "mutation($w: ID!) { pauseWebhook(webhook: $w) { webhook { status } errors { code } } }"
    resume = "mutation($w: ID!) { resumeWebhook(webhook: $w) { webhook { status } errors { code } } }"
    assert (await mutate(gql, "enterprise-admin", pause, w=webhook["id"]))["webhook"]["status"] == "PAUSED"
    async with running(graph, settings):
        keys = await create_accounts(gql, prefix, "p-contoso", 3)
        assert (await mutate(gql, "enterprise-admin", resume, w=webhook["id"]))["webhook"]["status"] == "ACTIVE"
        await eventually(lambda: len(receiver.received()) >= 3, "the changes made while paused")
    assert receiver.seqs() == await seqs_of(session, keys)
    assert global_id("Webhook", webhook["key"]) == webhook["id"]


async def test_pausing_stops_a_stream_after_the_post_under_way(gql, graph, settings, session, receiver, prefix):
    webhook = (await register(gql, receiver.url, ["Account"]))["webhook"]
    pause = "mutation($w: ID!) { pauseWebhook(webhook: $w) { webhook { status } errors { code } } }"
    answers = iter([200, HANG])
    receiver.answer = lambda request: next(answers, 200)
    # A timeout longer than the test takes to pause: the second POST is under way until the receiver answers it.
    async with running(graph, settings, webhook_timeout_seconds=30, webhook_lease_seconds=60) as (worker, _):
        keys = await create_accounts(gql, prefix, "p-contoso", 5)
        await eventually(lambda: len(receiver.received()) == 2, "the second POST")
        assert (await mutate(gql, "enterprise-admin", pause, w=webhook["id"]))["webhook"]["status"] == "PAUSED"
        receiver.released.set()
        second = await eventually(lambda: _recorded(gql, webhook["id"], 2), "the second POST recorded")
        rounds = worker.rounds
        await eventually(lambda: worker.rounds >= rounds + 3, "three more rounds")
    assert second[1]["status"] == "SUCCEEDED" and {d["status"] for d in second[2:]} == {"PENDING"}
    seqs = await seqs_of(session, keys)
    assert receiver.deliveries() == [f"{webhook['key']}-{seq}" for seq in seqs[:2]]


async def _recorded(gql, webhook: str, count: int) -> list[dict] | None:
    found = (await deliveries(gql, webhook))["deliveries"]
    return found if sum(d["attemptCount"] for d in found) >= count else None
