"""GraphQL subscriptions over WebSocket (graphql-transport-ws), against the gateway under uvicorn with a real
client: events reach only the viewers allowed to see them, in commit order, resumable after a disconnect; the
viewer's role is read again for each event; an expired token closes the socket; the limits hold.

Writes go through the suite's other gateway (its own driver), so the live gateway hears of them by polling the
change log, as it hears of another process's commits; one test writes through the live gateway itself. No
assertion depends on timing: every wait is a deadline against a hung test.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from auth.tokens import mint
from bench.live_client import LiveClient, LiveClosed
from gateway.identity import local_secret, mint_demo_token
from gateway.local_neo4j import free_port
from gateway.serving import uvicorn_config
from tests.change_log import last_seq
from tests.conftest import LiveGateway, global_id, make_settings, serving

FABRIKAM = global_id("Partner", "p-fabrikam")
PROSEWARE = global_id("Partner", "p-proseware")
TAILSPIN = global_id("Partner", "p-tailspin")
RESELLER = global_id("Program", "prog-reseller")
GLOBEX = global_id("Account", "acct-globex")
ACME = global_id("Account", "acct-acme")
ANALYTICS = global_id("Product", "prod-analytics")
CRM = global_id("Product", "prod-crm")

CREATE = """mutation($r: [CreateDealRegistrationInput!]!) { createDealRegistrations(registrations: $r) {
  registrations { id key } errors { code field message } } }"""
MOVE = """mutation($id: ID!, $move: DealMove!) { moveDealRegistration(registration: $id, move: $move) {
  registration { status } errors { code field message } } }"""
OPEN_CASE = """mutation($c: OpenCaseInput!) { openCase(case: $c) { case { id key } errors { code field message } } }"""
MOVE_CASE = """mutation($id: ID!, $status: CaseStatus!) { changeCaseStatus(case: $id, status: $status) {
  case { status } errors { code field message } } }"""
STAFF = """mutation($staff: [RegisterStaffInput!]!) { registerStaff(staff: $staff) { staff { key }
  errors { code message field } } }"""
ROLE = """mutation($p: ID!, $r: PartnerRole!) { changeStaffRole(person: $p, role: $r) { errors { code message } } }"""

DEALS = """subscription($subtree: ID, $statuses: [DealRegistrationStatus!], $after: String) {
  dealRegistrationChanged(partnerSubtree: $subtree, statuses: $statuses, after: $after) {
    cursor change { seq operation fromState toState entityKey actor { key } }
    registration { key status partner { key } } } }"""
CASES = """subscription($statuses: [CaseStatus!], $after: String) { caseChanged(statuses: $statuses, after: $after) {
  cursor change { operation entityType toState } case { key status partner { key } } } }"""
FEED = """subscription($after: String, $types: [String!]) { changes(after: $after, types: $types) {
  seq entityType entityKey operation } }"""


@pytest.fixture
async def prefix(session) -> AsyncIterator[str]:
    value = f"t-live-{uuid.uuid4().hex[:8]}"
    yield value
    await session.write_transaction(lambda tx: tx.run(
        """MATCH (n) WHERE (n:DealRegistration OR n:Case OR n:Person) AND n.id STARTS WITH $prefix
           OPTIONAL MATCH (n)-[:HAS_LINE]->(li:LineItem)
           DETACH DELETE n, li""", prefix=value))


def ws_url(gateway: LiveGateway) -> str:
    return gateway.base_url.replace("http://", "ws://") + "/graphql"


def token(gateway: LiveGateway, persona: str | None = None, person: str | None = None, ttl: int = 3600) -> str:
    if persona:
        return mint_demo_token(gateway.settings, persona)
    return mint(local_secret(gateway.settings), person, gateway.settings.jwt_audience, ttl)


def deal(key: str, partner: str = FABRIKAM, account: str = GLOBEX, product: str = ANALYTICS) -> dict:
    return {"key": key, "partner": partner, "account": account, "program": RESELLER, "name": f"Deal {key}",
            "estimatedAmount": 500000, "currency": "USD", "expectedCloseDate": "2026-09-30",
            "lines": [{"product": product, "quantity": 1}]}


async def create(gql, item: dict, **who) -> str:
    payload = (await gql.data(CREATE, variables={"r": [item]}, **who))["createDealRegistrations"]
    assert payload["errors"] == [], payload
    return payload["registrations"][0]["id"]


async def move(gql, registration: str, to: str, **who) -> None:
    payload = (await gql.data(MOVE, variables={"id": registration, "move": to}, **who))["moveDealRegistration"]
    assert payload["errors"] == [], payload


def summary(event: dict) -> tuple:
    change = event["dealRegistrationChanged"]["change"]
    return change["entityKey"], change["operation"], change["toState"]


def status(event: dict) -> str:
    """The registration's status read at delivery: asserted only where no later change can have moved it."""
    return event["dealRegistrationChanged"]["registration"]["status"]


async def log_end(session) -> str:
    """The log's last seq, as a cursor: subscribing after it is deterministic, whereas a subscription without
    `after` starts wherever the log is when the gateway gets to it."""
    return str(await last_seq(session))


async def test_deal_events_reach_allowed_viewers_only_in_commit_order(live_gateway, gql, prefix, session):
    """Carla (Contoso's admin) sees Fabrikam's deals and not Proseware's; Proseware's admin the reverse; the
    enterprise admin, subscribed to Fabrikam's subtree, only Fabrikam's. Each subscriber's next event is the
    next one it may see, so an event it must not see would come first and fail the comparison."""
    url = ws_url(live_gateway)
    start = {"after": await log_end(session)}
    async with LiveClient.connect(url, token(live_gateway, "partner-admin")) as carla, \
            LiveClient.connect(url, token(live_gateway, person="p-proseware-admin")) as proseware, \
            LiveClient.connect(url, token(live_gateway, "enterprise-admin")) as admin:
        carla_deals = await carla.subscribe(DEALS, start)
        proseware_deals = await proseware.subscribe(DEALS, start)
        fabrikam_only = await admin.subscribe(DEALS, {**start, "subtree": FABRIKAM})

        first = await create(gql, deal(f"{prefix}-f1"), persona="partner-manager")
        other = await create(gql, deal(f"{prefix}-p1", PROSEWARE, ACME, CRM), person="p-proseware-admin")
        await move(gql, first, "SUBMIT", persona="partner-manager")

        assert summary(await carla.data(carla_deals)) == (f"{prefix}-f1", "CREATED", None)
        submitted = await carla.data(carla_deals)
        assert summary(submitted) == (f"{prefix}-f1", "STATE_CHANGED", "SUBMITTED")
        assert submitted["dealRegistrationChanged"]["change"]["actor"] == {"key": "demo-partner-manager"}
        assert status(submitted) == "SUBMITTED"
        created = await proseware.data(proseware_deals)
        assert (summary(created), status(created)) == ((f"{prefix}-p1", "CREATED", None), "DRAFT")
        seen = [summary(await admin.data(fabrikam_only)) for _ in range(2)]
        assert seen == [(f"{prefix}-f1", "CREATED", None), (f"{prefix}-f1", "STATE_CHANGED", "SUBMITTED")]

        # The next change Proseware's admin may see is its own: Fabrikam's submission was not delivered.
        await move(gql, other, "SUBMIT", person="p-proseware-admin")
        assert summary(await proseware.data(proseware_deals)) == (f"{prefix}-p1", "STATE_CHANGED", "SUBMITTED")
        # And Carla's and the subtree's next event is Fabrikam's next change, not Proseware's submission.
        await create(gql, deal(f"{prefix}-f2"), persona="partner-manager")
        assert summary(await carla.data(carla_deals)) == (f"{prefix}-f2", "CREATED", None)
        assert summary(await admin.data(fabrikam_only)) == (f"{prefix}-f2", "CREATED", None)


async def test_statuses_and_subtree_filter_deal_events(live_gateway, gql, prefix, session):
    """A queue of SUBMITTED registrations sees one arrive (DRAFT → SUBMITTED) and leave (→ CANCELLED); creating
    a draft concerns it not. A subtree of Tailspin leaves Fabrikam's own deals out."""
    url = ws_url(live_gateway)
    async with LiveClient.connect(url, token(live_gateway, "enterprise-admin")) as admin:
        start = await log_end(session)
        queue = await admin.subscribe(DEALS, {"statuses": ["SUBMITTED"], "subtree": FABRIKAM, "after": start})
        tailspin = await admin.subscribe(DEALS, {"subtree": TAILSPIN, "after": start})
        fabrikam_deal = await create(gql, deal(f"{prefix}-q"), persona="partner-manager")
        await move(gql, fabrikam_deal, "SUBMIT", persona="partner-manager")
        await move(gql, fabrikam_deal, "CANCEL", persona="partner-manager")
        tailspin_deal = await create(gql, deal(f"{prefix}-t", TAILSPIN, ACME, CRM), persona="partner-associate")

        arrived = await admin.data(queue)
        left = await admin.data(queue)
        assert [summary(arrived), summary(left)] == [(f"{prefix}-q", "STATE_CHANGED", "SUBMITTED"),
                                                    (f"{prefix}-q", "STATE_CHANGED", "CANCELLED")]
        assert arrived["dealRegistrationChanged"]["change"]["fromState"] == "DRAFT"
        event = await admin.data(tailspin)
        assert summary(event) == (f"{prefix}-t", "CREATED", None)
        assert event["dealRegistrationChanged"]["registration"]["partner"] == {"key": "p-tailspin"}
        # Tailspin's creation is the first event of the Tailspin subscription, and its submission the next
        # event of the queue: Fabrikam's three changes never reached the first, the draft never the second.
        await move(gql, tailspin_deal, "SUBMIT", persona="partner-associate")
        assert summary(await admin.data(queue)) == (f"{prefix}-t", "STATE_CHANGED", "SUBMITTED")
        assert summary(await admin.data(tailspin)) == (f"{prefix}-t", "STATE_CHANGED", "SUBMITTED")


async def test_resume_after_a_disconnect_misses_nothing(live_gateway, gql, prefix, session):
    """Subscribed to the feed, a client disconnects after one event; three changes commit while it is away; it
    reconnects with the last cursor and receives exactly those, in order, then live ones."""
    url = ws_url(live_gateway)
    carla = token(live_gateway, "partner-admin")
    registration = await create(gql, deal(f"{prefix}-r"), persona="partner-manager")
    start = (await gql.data("{ lastChangeCursor }", persona="partner-admin"))["lastChangeCursor"]
    assert start == await log_end(session)
    async with LiveClient.connect(url, carla) as client:
        feed = await client.subscribe(DEALS, {"subtree": FABRIKAM, "after": start})
        await move(gql, registration, "SUBMIT", persona="partner-manager")
        cursor = (await client.data(feed))["dealRegistrationChanged"]["cursor"]
    await move(gql, registration, "CANCEL", persona="partner-manager")
    later = await create(gql, deal(f"{prefix}-r2"), persona="partner-manager")
    await move(gql, later, "SUBMIT", persona="partner-manager")
    async with LiveClient.connect(url, carla) as client:
        feed = await client.subscribe(DEALS, {"subtree": FABRIKAM, "after": cursor})
        missed = [await client.data(feed) for _ in range(3)]
        assert [summary(e) for e in missed] == [(f"{prefix}-r", "STATE_CHANGED", "CANCELLED"),
                                                    (f"{prefix}-r2", "CREATED", None),
                                                    (f"{prefix}-r2", "STATE_CHANGED", "SUBMITTED")]
        seqs = [int(cursor)] + [e["dealRegistrationChanged"]["change"]["seq"] for e in missed]
        assert seqs == sorted(seqs) and len(set(seqs)) == 4
        await move(gql, later, "CANCEL", persona="partner-manager")
        assert summary(await client.data(feed)) == (f"{prefix}-r2", "STATE_CHANGED", "CANCELLED")


async def test_the_live_feed_under_concurrent_writers_is_complete_and_ordered(live_gateway, prefix, session):
    """Four writers commit twenty registrations through the live gateway itself (its own commits wake the
    subscriber at once); the `changes` subscription delivers each CREATED record exactly once, in seq order."""
    url = ws_url(live_gateway)
    admin = token(live_gateway, "enterprise-admin")
    manager = token(live_gateway, "partner-manager")

    async def writer(http: httpx.AsyncClient, n: int) -> None:
        for i in range(5):
            response = await http.post("/graphql", json={"query": CREATE,
                                                         "variables": {"r": [deal(f"{prefix}-w{n}-{i}")]}},
                                       headers={"authorization": f"Bearer {manager}"})
            assert response.status_code == 200 and response.json()["data"]["createDealRegistrations"][
                "errors"] == [], response.text

    async with LiveClient.connect(url, admin) as client, \
            httpx.AsyncClient(base_url=live_gateway.base_url, timeout=60) as http:
        feed = await client.subscribe(FEED, {"types": ["DealRegistration"], "after": await log_end(session)})
        await asyncio.gather(*(writer(http, n) for n in range(4)))
        received = []
        while len(received) < 20:
            change = (await client.data(feed))["changes"]
            if change["entityKey"].startswith(prefix):
                received.append(change)
    assert sorted(c["entityKey"] for c in received) == sorted(f"{prefix}-w{n}-{i}" for n in range(4) for i in range(5))
    assert {c["operation"] for c in received} == {"CREATED"}
    assert [c["seq"] for c in received] == sorted(c["seq"] for c in received)


async def test_a_role_change_takes_effect_on_the_next_event(live_gateway, gql, prefix, session):
    """A Fabrikam manager follows deal registrations; the enterprise admin makes them an associate, who sees only
    the deals they submitted or own: Carla's next deal is not delivered, their own is."""
    person = f"{prefix}-m"
    staff = [{"key": person, "partner": FABRIKAM, "name": "Mona Manager", "email": f"{person}@fabrikam.example",
              "role": "MANAGER"}]
    assert (await gql.data(STAFF, variables={"staff": staff}))["registerStaff"]["errors"] == []
    url = ws_url(live_gateway)
    async with LiveClient.connect(url, token(live_gateway, person=person)) as client:
        deals = await client.subscribe(DEALS, {"after": await log_end(session)})
        await create(gql, deal(f"{prefix}-a"), persona="partner-admin")
        assert summary(await client.data(deals)) == (f"{prefix}-a", "CREATED", None)  # a manager sees it
        changed = await gql.data(ROLE, variables={"p": global_id("Person", person), "r": "ASSOCIATE"})
        assert changed["changeStaffRole"]["errors"] == []
        await create(gql, deal(f"{prefix}-b"), persona="partner-admin")  # not theirs: an associate may not see it
        await create(gql, deal(f"{prefix}-c"), person=person)
        assert summary(await client.data(deals)) == (f"{prefix}-c", "CREATED", None)


async def test_case_events_follow_the_case_visibility(live_gateway, gql, prefix, session):
    """Carla follows cases awaiting her organization's answer: the agent's move to AWAITING_PARTNER arrives,
    with the case as she sees it; a Proseware case does not."""
    url = ws_url(live_gateway)
    async with LiveClient.connect(url, token(live_gateway, "partner-admin")) as carla:
        waiting = await carla.subscribe(CASES, {"statuses": ["AWAITING_PARTNER"], "after": await log_end(session)})
        opened = await gql.data(OPEN_CASE, persona="partner-admin", variables={"c": {
            "key": f"{prefix}-c1", "partner": global_id("Partner", "p-contoso"), "subject": "Licence question"}})
        case = opened["openCase"]["case"]["id"]
        other = await gql.data(OPEN_CASE, person="p-proseware-admin", variables={"c": {
            "key": f"{prefix}-c2", "partner": PROSEWARE, "subject": "Proseware question"}})
        other_case = other["openCase"]["case"]["id"]
        for status in ("IN_PROGRESS", "AWAITING_PARTNER"):
            for moved in (other_case, case):
                result = await gql.data(MOVE_CASE, persona="partner-agent", variables={"id": moved, "status": status})
                assert result["changeCaseStatus"]["errors"] == [], result
        event = (await carla.data(waiting))["caseChanged"]
        assert event["change"] == {"operation": "STATE_CHANGED", "entityType": "Case", "toState": "AWAITING_PARTNER"}
        assert event["case"] == {"key": f"{prefix}-c1", "status": "AWAITING_PARTNER", "partner": {"key": "p-contoso"}}


async def test_an_expired_token_closes_the_socket(live_gateway):
    """A token that expires while the socket is open closes it with 4403 and says why; an expired token is
    refused at connection_init the same way, and so is none."""
    url = ws_url(live_gateway)
    async with LiveClient.connect(url, token(live_gateway, person="demo-partner-admin", ttl=2)) as client:
        await client.subscribe(DEALS)
        closed = await client.closed()
    assert (closed.code, closed.reason) == (4403, "Forbidden: token expired")
    expired = token(live_gateway, person="demo-partner-admin", ttl=-60)
    for init, reason in [({"Authorization": f"Bearer {expired}"}, "token expired"),
                         ({"authorization": "Bearer not-a-token"}, "token could not be verified"),
                         ({}, 'connection_init must carry {"Authorization": "Bearer <token>"}')]:
        with pytest.raises(LiveClosed) as refused:
            async with LiveClient.connect(url, None, payload=init):
                pass
        assert (refused.value.code, refused.value.reason) == (4403, f"Forbidden: {reason}")


async def test_requests_over_the_socket_meet_the_limits(live_gateway):
    """The usual limits apply to a subscription's document; queries and mutations go over HTTP; a bad argument is
    a typed error on that subscription only."""
    url = ws_url(live_gateway)
    async with LiveClient.connect(url, token(live_gateway, "partner-admin")) as client:
        deep = "subscription { dealRegistrationChanged { registration { partner { " + "parent { " * 12 + "key" \
               + " }" * 12 + " } } } }"
        refused = await client.message(await client.subscribe(deep))
        assert refused["type"] == "error" and refused["payload"][0]["extensions"]["code"] == "QUERY_TOO_DEEP"
        query = await client.message(await client.subscribe("{ viewer { persona } }"))
        assert query["type"] == "error" and query["payload"][0]["message"] == "queries are not allowed"
        hidden = await client.subscribe(DEALS, {"subtree": PROSEWARE})  # out of Carla's scope: like a missing one
        message = await client.message(hidden)
        assert message["type"] == "next" and message["payload"]["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert (await client.message(hidden))["type"] == "complete"
        bad = await client.message(await client.subscribe(FEED, {"types": ["Spaceship"]}))
        assert bad["payload"]["errors"][0]["extensions"]["code"] == "VALIDATION"
        # JSON nested past 1,024 levels is refused unparsed, and the socket closed as the protocol says.
        await client.socket.send('{"a":' * 5000 + "1" + "}" * 5000)
        closed = await client.closed()
        assert (closed.code, closed.reason) == (4400, "WebSocket message must be valid JSON")


@pytest.fixture(scope="module")
def limited_gateway(state_dir, settings, graph) -> Iterator[LiveGateway]:
    """A gateway over the suite's Neo4j allowing two sockets per person and two subscriptions per socket."""
    limited = make_settings(state_dir, settings.neo4j_bolt_port, max_connections_per_person=2,
                            max_subscriptions_per_connection=2)
    port = free_port()
    with serving(uvicorn_config(limited, host="127.0.0.1", port=port, log_level="warning")):
        yield LiveGateway(f"http://127.0.0.1:{port}", limited)


async def test_connections_per_person_and_subscriptions_per_connection_are_capped(limited_gateway):
    url = ws_url(limited_gateway)
    carla = token(limited_gateway, "partner-admin")
    async with LiveClient.connect(url, carla) as first, LiveClient.connect(url, carla):
        with pytest.raises(LiveClosed) as third:
            async with LiveClient.connect(url, carla):
                pass
        assert (third.value.code, third.value.reason) == (4403, "Forbidden: 2 connections of this person are open")
        async with httpx.AsyncClient(base_url=limited_gateway.base_url) as http:
            metrics = (await http.get("/metrics")).text
        assert "partnergraph_subscription_sockets 2.0" in metrics.splitlines()  # the refused one never counted
        async with LiveClient.connect(url, token(limited_gateway, "partner-manager")):
            pass  # another person is counted apart
        await first.subscribe(DEALS)
        await first.subscribe(FEED)
        over = await first.message(await first.subscribe(FEED))
        assert over["type"] == "error" and over["payload"][0]["message"] == "Subscription limit reached"
    # Closed sockets give their places back.
    async with LiveClient.connect(url, carla), LiveClient.connect(url, carla):
        pass
