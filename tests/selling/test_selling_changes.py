"""The change records of every selling mutation (tests/change_log.py), and of expiry, the system's change."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from graph.selling.writes import expire_registrations
from tests.change_log import Logged, check_logged, last_seq, mutate, records_after
from tests.conftest import global_id
from tests.selling.test_selling_flow import (
    COMMENT,
    CONVERT,
    CREATE,
    DELETE,
    MOVE,
    ORDER_STATUS,
    QUOTE,
    QUOTE_STATUS,
    STAGE,
    _deal,
)

ASSIGN = """mutation($id: ID!, $owner: ID!) { assignDealOwner(registration: $id, owner: $owner) {
  registration { key } errors { code field message } } }"""
OWNER = global_id("Person", "p-fabrikam-associate")
CRM = global_id("Product", "prod-crm")


async def _registration(gql, session, state, *moves: str) -> None:
    (reg,) = (await mutate(gql, "partner-manager", CREATE, r=[_deal(f"{state['prefix']}-dr")]))["registrations"]
    state["registration"] = reg["id"]
    for move in moves:
        persona = "partner-manager" if move == "SUBMIT" else "enterprise-admin"
        await mutate(gql, persona, MOVE, id=reg["id"], move=move)


async def _draft(gql, session, state) -> None:
    await _registration(gql, session, state)


async def _approved(gql, session, state) -> None:
    await _registration(gql, session, state, "SUBMIT", "START_REVIEW", "APPROVE")


async def _opportunity(gql, session, state) -> None:
    await _approved(gql, session, state)
    payload = await mutate(gql, "enterprise-admin", CONVERT, id=state["registration"], key=f"{state['prefix']}-o")
    state["opportunity"] = payload["opportunity"]["id"]


async def _quote(gql, session, state) -> None:
    await _opportunity(gql, session, state)
    payload = await mutate(gql, "enterprise-admin", QUOTE, q=_quote_input(state))
    state["quote"] = payload["quote"]["id"]


async def _order(gql, session, state) -> None:
    await _quote(gql, session, state)
    for status in ("SUBMITTED", "APPROVED", "ACCEPTED"):
        payload = await mutate(gql, "enterprise-admin", QUOTE_STATUS, id=state["quote"], status=status)
    state["order"] = payload["quote"]["order"]["id"]


async def _approved_quote(gql, session, state) -> None:
    await _quote(gql, session, state)
    for status in ("SUBMITTED", "APPROVED"):
        await mutate(gql, "enterprise-admin", QUOTE_STATUS, id=state["quote"], status=status)


def _quote_input(state) -> dict:
    return {"opportunity": state["opportunity"], "currency": "USD", "key": f"{state['prefix']}-q",
            "lines": [{"product": CRM, "quantity": 2, "unitPrice": 50000}]}


async def _create(gql, session, state) -> None:
    await mutate(gql, state["persona"], CREATE, r=[_deal(f"{state['prefix']}-a"), _deal(f"{state['prefix']}-b")])


def _move(move: str) -> object:
    async def act(gql, session, state) -> None:
        await mutate(gql, state["persona"], MOVE, id=state["registration"], move=move)
    return act


async def _assign(gql, session, state) -> None:
    await mutate(gql, state["persona"], ASSIGN, id=state["registration"], owner=OWNER)


async def _delete(gql, session, state) -> None:
    await mutate(gql, state["persona"], DELETE, id=state["registration"])


async def _comment(gql, session, state) -> None:
    await mutate(gql, state["persona"], COMMENT, id=state["registration"], body="call the buyer", v="PARTNER")


async def _convert(gql, session, state) -> None:
    await mutate(gql, state["persona"], CONVERT, id=state["registration"], key=f"{state['prefix']}-o")


async def _stage(gql, session, state) -> None:
    await mutate(gql, state["persona"], STAGE, id=state["opportunity"], stage="QUALIFICATION")


async def _create_quote(gql, session, state) -> None:
    await mutate(gql, state["persona"], QUOTE, q=_quote_input(state))


async def _accept(gql, session, state) -> None:
    await mutate(gql, state["persona"], QUOTE_STATUS, id=state["quote"], status="ACCEPTED")


async def _fulfil(gql, session, state) -> None:
    await mutate(gql, state["persona"], ORDER_STATUS, id=state["order"], status="FULFILLED")


async def _cleanup(gql, session, state) -> None:
    await session.write_transaction(lambda tx: tx.run(
        """MATCH (dr:DealRegistration) WHERE dr.id STARTS WITH $prefix
           OPTIONAL MATCH (dr)-[:CONVERTED_TO]->(o:Opportunity)
           OPTIONAL MATCH (o)-[:QUOTED_AS]->(q:Quote)
           OPTIONAL MATCH (q)-[:ORDERED_AS]->(ord:Order)
           OPTIONAL MATCH (dr)-[:HAS_LINE|CONVERTED_TO]->()-[:HAS_LINE]->(li:LineItem)
           OPTIONAL MATCH (c:Comment)-[:ON]->(dr)
           DETACH DELETE dr, o, q, ord, li, c""", prefix=state["prefix"]))


LOGGED = [
    Logged("createDealRegistrations", _create, [("DealRegistration", "CREATED")] * 2, "partner-manager",
           cleanup=_cleanup),
    Logged("moveDealRegistration", _move("SUBMIT"), [("DealRegistration", "STATE_CHANGED")], "partner-manager",
           _draft, _cleanup),
    Logged("assignDealOwner", _assign, [("DealRegistration", "RELATED")], "partner-manager", _draft, _cleanup),
    Logged("deleteDealRegistration", _delete, [("DealRegistration", "DELETED")], "partner-manager", _draft,
           _cleanup),
    Logged("addDealComment", _comment, [("DealComment", "CREATED")], "partner-manager", _draft, _cleanup),
    Logged("convertDealRegistration", _convert, [("DealRegistration", "STATE_CHANGED"), ("Opportunity", "CREATED")],
           "enterprise-admin", _approved, _cleanup),
    Logged("changeOpportunityStage", _stage, [("Opportunity", "STATE_CHANGED")], "enterprise-admin", _opportunity,
           _cleanup),
    Logged("createQuote", _create_quote, [("Quote", "CREATED")], "enterprise-admin", _opportunity, _cleanup),
    Logged("changeQuoteStatus", _accept, [("Quote", "STATE_CHANGED"), ("Order", "CREATED")], "enterprise-admin",
           _approved_quote, _cleanup),
    Logged("changeOrderStatus", _fulfil, [("Order", "STATE_CHANGED")], "enterprise-admin", _order, _cleanup),
]


@pytest.mark.parametrize("case", LOGGED, ids=lambda case: case.mutation)
async def test_selling_mutation_writes_its_records(case, gql, session):
    await check_logged(case, gql, session)


async def test_records_carry_fields_lineage_and_enterprise_only_parts(gql, session):
    async def decide(gql, session, state) -> None:
        await mutate(gql, "enterprise-admin", MOVE, id=state["registration"], move="APPROVE", reason="strong fit")
        await mutate(gql, "enterprise-admin", COMMENT, id=state["registration"], body="margin thin", v="INTERNAL")

    async def submitted(gql, session, state) -> None:
        await _registration(gql, session, state, "SUBMIT", "START_REVIEW")

    case = Logged("", decide, [("DealRegistration", "STATE_CHANGED"), ("DealComment", "CREATED")],
                  setup=submitted, cleanup=_cleanup)
    approval, note = await check_logged(case, gql, session)
    key = approval["entityId"]
    assert (approval["fromState"], approval["toState"]) == ("UNDER_REVIEW", "APPROVED")
    assert approval["lineageId"] == key and approval["scope"] == "deal" and approval["partnerId"] == "p-fabrikam"
    changed = {f["field"]: (f["old"], f["new"]) for f in approval["fields"]}
    assert changed["status"] == ("UNDER_REVIEW", "APPROVED") and "decisionReason" not in changed
    assert approval["enterpriseFields"] == [{"field": "decisionReason", "old": None, "new": "strong fit"}]
    assert note["enterpriseOnly"] is True and approval["enterpriseOnly"] is False
    assert approval["actorId"] == "demo-enterprise-admin"


async def test_a_rejected_mutation_writes_nothing(gql, session):
    async def refused(gql, session, state) -> None:
        variables = {"id": state["registration"], "move": "APPROVE"}
        data = await gql.data(MOVE, persona="partner-manager", variables=variables)
        assert data["moveDealRegistration"]["errors"]

    await check_logged(Logged("", refused, [], setup=_draft, cleanup=_cleanup), gql, session)


async def test_expiry_is_logged_as_the_system(gql, session):
    state = {"prefix": "t-log-expiry", "persona": "partner-manager"}
    try:
        await _registration(gql, session, state, "SUBMIT")
        before = await last_seq(session)
        # Past this registration's review deadline (14 days from now), long before the demo's (2027-12-31).
        moment = datetime.now(UTC) + timedelta(days=15)
        expired = await expire_registrations(session, moment)
        records = [r for r in await records_after(session, before) if r["entityId"] in expired]
        mine = [r for r in records if r["entityId"].startswith(state["prefix"])]
        assert [(r["operation"], r["toState"], r["actorPersona"], r.get("actorId")) for r in mine] == [
            ("STATE_CHANGED", "CLOSED", "system", None)]
        assert len(records) == len(expired)
    finally:
        await _cleanup(gql, session, state)
