"""Selling writes: the whole flow for a partner two levels below a distributor (Fabrikam, under
Northwind via Contoso) with what each persona sees at each step; every invalid transition; conflicts
and protection; expiry under a controlled clock; the concurrent approval race; bad input changing
nothing; work notes."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from gateway.cli import app
from graph.selling.writes import expire_registrations
from tests.conftest import global_id

RESELLER = global_id("Program", "prog-reseller")
DRAFT_PROGRAM = global_id("Program", "prog-build")
FABRIKAM = global_id("Partner", "p-fabrikam")
TAILSPIN = global_id("Partner", "p-tailspin")
PROSEWARE = global_id("Partner", "p-proseware")
GLOBEX = global_id("Account", "acct-globex")
ACME = global_id("Account", "acct-acme")
ERP = global_id("Product", "prod-erp")
CRM = global_id("Product", "prod-crm")
ANALYTICS = global_id("Product", "prod-analytics")
PERSONAS = ("enterprise-admin", "enterprise-executive", "relationship-manager", "partner-agent", "partner-admin",
            "partner-manager", "partner-associate")

CREATE = """mutation($r: [CreateDealRegistrationInput!]!) { createDealRegistrations(registrations: $r) {
  registrations { id key status estimatedAmount { amount currency } lines { quantity product { key } } }
  errors { code field message } } }"""
MOVE = """mutation($id: ID!, $move: DealMove!, $reason: String, $code: ClosureCode) {
  moveDealRegistration(registration: $id, move: $move, reason: $reason, closureCode: $code) {
    registration { status closureCode submittedAt reviewDeadline protectedUntil
                   decision { decidedAt reason decidedBy { key } } conflicts { reason registration { key } } }
    errors { code field message } } }"""
CONVERT = """mutation($id: ID!, $key: String) { convertDealRegistration(registration: $id, key: $key) {
  opportunity { id key stage amount { amount currency } registration { status closureCode } }
  errors { code field } } }"""
STAGE = """mutation($id: ID!, $stage: OpportunityStage!) { changeOpportunityStage(opportunity: $id, stage: $stage) {
  opportunity { stage isOpen } errors { code field } } }"""
QUOTE = """mutation($q: CreateQuoteInput!) { createQuote(quote: $q) {
  quote { id key version status subtotal { amount } total { amount currency } revises { key }
          lines { quantity unitPrice { amount } } }
  errors { code field message } } }"""
QUOTE_STATUS = """mutation($id: ID!, $status: QuoteStatus!) { changeQuoteStatus(quote: $id, status: $status) {
  quote { status order { id key status total { amount currency } } } errors { code field } } }"""
ORDER_STATUS = """mutation($id: ID!, $status: OrderStatus!) { changeOrderStatus(order: $id, status: $status) {
  order { status } errors { code field } } }"""
DELETE = """mutation($id: ID!) { deleteDealRegistration(registration: $id) { deletedId errors { code field } } }"""
COMMENT = """mutation($id: ID!, $body: String!, $v: CommentVisibility!) {
  addDealComment(registration: $id, body: $body, visibility: $v) { comment { body visibility }
    errors { code field } } }"""
SEE = """query($id: ID!) { node(id: $id) { id } }"""
STATUS = """query($id: ID!) { dealRegistration(id: $id) { status closureCode comments { body visibility } } }"""


def _key(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def _deal(key: str, partner=FABRIKAM, account=GLOBEX, product=ANALYTICS, **extra) -> dict:
    return {"key": key, "partner": partner, "account": account, "program": RESELLER, "name": f"Deal {key}",
            "estimatedAmount": 900000, "currency": "USD", "expectedCloseDate": "2026-09-30",
            "lines": [{"product": product, "quantity": 3}], **extra}


async def _cleanup(session, prefix: str) -> None:
    await session.write_transaction(lambda tx: tx.run(
        """MATCH (dr:DealRegistration) WHERE dr.id STARTS WITH $prefix
           OPTIONAL MATCH (dr)-[:CONVERTED_TO]->(o:Opportunity)
           OPTIONAL MATCH (o)-[:QUOTED_AS]->(q:Quote)
           OPTIONAL MATCH (q)-[:ORDERED_AS]->(ord:Order)
           OPTIONAL MATCH (dr)-[:HAS_LINE]->(li:LineItem)
           OPTIONAL MATCH (q)-[:HAS_LINE]->(qli:LineItem)
           OPTIONAL MATCH (c:Comment)-[:ON]->(dr)
           DETACH DELETE dr, o, q, ord, li, qli, c""", prefix=prefix))


async def _create(gql, persona: str | None, *deals: dict, person: str | None = None) -> list[dict]:
    data = await gql.data(CREATE, persona=persona, person=person, variables={"r": list(deals)})
    payload = data["createDealRegistrations"]
    assert payload["errors"] == [], payload
    return payload["registrations"]


async def _move(gql, persona: str | None, gid: str, move: str, person: str | None = None, **extra) -> dict:
    data = await gql.data(MOVE, persona=persona, person=person, variables={"id": gid, "move": move, **extra})
    return data["moveDealRegistration"]


async def _visible_to(gql, gid: str) -> set[str]:
    seen = set()
    for persona in PERSONAS:
        if (await gql.data(SEE, persona=persona, variables={"id": gid}))["node"] is not None:
            seen.add(persona)
    return seen


FABRIKAM_SEERS = {"enterprise-admin", "enterprise-executive", "relationship-manager", "partner-admin",
                  "partner-manager"}


@pytest.fixture
async def prefix(session):
    value = _key("t-sell")
    yield value
    await _cleanup(session, value)


async def test_whole_flow_two_levels_below_a_distributor(clocked_gql, clock, prefix):
    gql = clocked_gql
    start = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    clock.set(start)
    (reg,) = await _create(gql, "partner-manager", _deal(f"{prefix}-a"))
    gid = reg["id"]
    assert reg["status"] == "DRAFT" and reg["estimatedAmount"] == {"amount": 900000, "currency": "USD"}
    assert reg["lines"] == [{"quantity": 3, "product": {"key": "prod-analytics"}}]
    assert await _visible_to(gql, gid) == FABRIKAM_SEERS  # not the agent, not Tailspin's associate below

    # Partners cannot decide; the executive reads only.
    for persona in ("partner-manager", "partner-admin", "enterprise-executive", "partner-agent"):
        refused = await _move(gql, persona, gid, "APPROVE")
        assert [e["code"] for e in refused["errors"]] == ["FORBIDDEN"]

    clock.advance(hours=1)
    submitted = await _move(gql, "partner-manager", gid, "SUBMIT")
    assert submitted["errors"] == [] and submitted["registration"]["status"] == "SUBMITTED"
    assert submitted["registration"]["reviewDeadline"].startswith("2026-06-15T10:00")
    assert submitted["registration"]["conflicts"] == []  # the other Globex deals are Fabrikam's own
    assert await _visible_to(gql, gid) == FABRIKAM_SEERS

    review = await _move(gql, "relationship-manager", gid, "START_REVIEW")
    assert review["registration"]["status"] == "UNDER_REVIEW"
    clock.advance(hours=1)
    approved = await _move(gql, "relationship-manager", gid, "APPROVE", reason="fits the plan")
    decision = approved["registration"]["decision"]
    assert approved["registration"]["status"] == "APPROVED"
    assert decision["decidedBy"] == {"key": "demo-relationship-manager"} and decision["reason"] == "fits the plan"
    assert decision["decidedAt"].startswith("2026-06-01T11:00")
    assert approved["registration"]["protectedUntil"].startswith("2026-08-30T11:00")  # 90 days

    opp = (await gql.data(CONVERT, persona="partner-manager", variables={"id": gid, "key": f"{prefix}-opp"}))
    opp = opp["convertDealRegistration"]
    assert opp["errors"] == [] and opp["opportunity"]["stage"] == "PROSPECTING"
    assert opp["opportunity"]["registration"] == {"status": "CLOSED", "closureCode": "CONVERTED"}
    opp_id = opp["opportunity"]["id"]
    assert await _visible_to(gql, opp_id) == FABRIKAM_SEERS
    staged = await gql.data(STAGE, persona="partner-manager", variables={"id": opp_id, "stage": "PROPOSAL"})
    assert staged["changeOpportunityStage"]["opportunity"] == {"stage": "PROPOSAL", "isOpen": True}

    line = {"product": ANALYTICS, "quantity": 3, "unitPrice": 300000}
    v1 = (await gql.data(QUOTE, persona="partner-manager", variables={"q": {
        "opportunity": opp_id, "currency": "USD", "lines": [line], "key": f"{prefix}-q1"}}))["createQuote"]
    assert v1["errors"] == [] and v1["quote"]["version"] == 1 and v1["quote"]["total"]["amount"] == 900000
    assert v1["quote"]["lines"] == [{"quantity": 3, "unitPrice": {"amount": 300000}}]
    v2 = (await gql.data(QUOTE, persona="partner-manager", variables={"q": {
        "opportunity": opp_id, "currency": "USD", "lines": [line], "discountPercent": 12.5,
        "key": f"{prefix}-q2"}}))["createQuote"]["quote"]
    assert (v2["version"], v2["revises"], v2["subtotal"], v2["total"]) == (
        2, {"key": f"{prefix}-q1"}, {"amount": 900000}, {"amount": 787500, "currency": "USD"})
    assert await _visible_to(gql, v2["id"]) == FABRIKAM_SEERS

    async def quote_to(persona, status):
        return (await gql.data(QUOTE_STATUS, persona=persona,
                               variables={"id": v2["id"], "status": status}))["changeQuoteStatus"]

    assert (await quote_to("partner-manager", "SUBMITTED"))["quote"]["status"] == "SUBMITTED"
    assert [e["code"] for e in (await quote_to("partner-manager", "APPROVED"))["errors"]] == ["FORBIDDEN"]
    assert (await quote_to("relationship-manager", "APPROVED"))["quote"]["status"] == "APPROVED"
    accepted = await quote_to("partner-manager", "ACCEPTED")
    order = accepted["quote"]["order"]
    assert order["status"] == "PLACED" and order["total"] == {"amount": 787500, "currency": "USD"}
    assert await _visible_to(gql, order["id"]) == FABRIKAM_SEERS
    # The partner tracks it; the enterprise fulfils it.
    refused = await gql.data(ORDER_STATUS, persona="partner-manager",
                             variables={"id": order["id"], "status": "FULFILLED"})
    assert [e["code"] for e in refused["changeOrderStatus"]["errors"]] == ["FORBIDDEN"]
    done = await gql.data(ORDER_STATUS, variables={"id": order["id"], "status": "FULFILLED"})
    assert done["changeOrderStatus"]["order"] == {"status": "FULFILLED"}

    # Lineage from the order back to its registration and partner, for Contoso's admin (two levels up
    # from... one level above Fabrikam) and the distributor's relationship manager.
    lineage = """query($id: ID!) { dealLineage(id: $id) { registration { key partner { key } }
      opportunity { key } quotes { key } orders { key status } } }"""
    for persona in ("partner-admin", "relationship-manager"):
        found = (await gql.data(lineage, persona=persona, variables={"id": order["id"]}))["dealLineage"]
        assert found == {"registration": {"key": f"{prefix}-a", "partner": {"key": "p-fabrikam"}},
                         "opportunity": {"key": f"{prefix}-opp"}, "quotes": [{"key": f"{prefix}-q2"},
                                                                              {"key": f"{prefix}-q1"}],
                         "orders": [{"key": order["key"], "status": "FULFILLED"}]}
    assert (await gql.data(lineage, persona="partner-associate", variables={"id": order["id"]}))["dealLineage"] is None

    # Analytics: lineages changed since the start, in Northwind's subtree, with the whole chain. (The demo's
    # Partner 360 deals are dated relative to its load time, so they changed after `start` too: only this
    # test's own registrations are compared.)
    bulk = """query($since: DateTime!, $p: ID!) { dealLineages(changedSince: $since, partnerSubtree: $p, first: 50) {
      edges { node { registration { key } orders { status } } } } }"""
    rows = await gql.data(bulk, persona="relationship-manager",
                          variables={"since": start.isoformat(), "p": global_id("Partner", "p-northwind")})
    assert [e["node"] for e in rows["dealLineages"]["edges"]
            if e["node"]["registration"]["key"].startswith(prefix)] == [
        {"registration": {"key": f"{prefix}-a"}, "orders": [{"status": "FULFILLED"}]}]
    elsewhere = await gql.data(bulk, persona="relationship-manager",
                               variables={"since": start.isoformat(), "p": global_id("Partner", "p-oemtech")})
    assert elsewhere["dealLineages"]["edges"] == []


async def test_every_invalid_transition_changes_nothing(gql, prefix):
    (reg,) = await _create(gql, "partner-manager", _deal(f"{prefix}-t"))
    gid = reg["id"]

    async def refused(persona, move, code="INVALID_TRANSITION", **extra):
        result = await _move(gql, persona, gid, move, **extra)
        assert [e["code"] for e in result["errors"]] == [code], (move, result)
        return result

    async def status():
        return (await gql.data(STATUS, variables={"id": gid}))["dealRegistration"]["status"]

    # From DRAFT: no review, decision, closing or conversion.
    for move in ("START_REVIEW", "APPROVE", "REJECT"):
        await refused("enterprise-admin", move, reason="no")
    close = await _move(gql, "enterprise-admin", gid, "CLOSE", code="DUPLICATE")
    assert [e["code"] for e in close["errors"]] == ["INVALID_TRANSITION"]
    converted = await gql.data(CONVERT, persona="partner-manager", variables={"id": gid})
    assert [e["code"] for e in converted["convertDealRegistration"]["errors"]] == ["INVALID_TRANSITION"]
    assert await status() == "DRAFT"

    await _move(gql, "partner-manager", gid, "SUBMIT")
    await refused("partner-manager", "SUBMIT")
    deleted = await gql.data(DELETE, persona="partner-manager", variables={"id": gid})
    assert [e["code"] for e in deleted["deleteDealRegistration"]["errors"]] == ["INVALID_TRANSITION"]
    await refused("enterprise-admin", "APPROVE")  # SUBMITTED → APPROVED skips the review
    no_reason = await _move(gql, "enterprise-admin", gid, "REJECT")
    assert [(e["code"], e["field"]) for e in no_reason["errors"]] == [("VALIDATION", ["reason"])]
    closing_converted = await _move(gql, "enterprise-admin", gid, "CLOSE", code="CONVERTED")
    assert [e["code"] for e in closing_converted["errors"]] == ["VALIDATION"]
    assert await status() == "SUBMITTED"

    await _move(gql, "enterprise-admin", gid, "START_REVIEW")
    rejected = await _move(gql, "enterprise-admin", gid, "REJECT", reason="duplicate of an existing deal")
    assert rejected["registration"]["status"] == "REJECTED"
    assert rejected["registration"]["decision"]["reason"] == "duplicate of an existing deal"
    await refused("partner-manager", "CANCEL")  # decided: no longer cancellable
    await refused("relationship-manager", "APPROVE", code="CONFLICT")  # already decided
    # A relationship manager decides only for the partners they manage: Lyon (under Eurolink) reads as missing.
    elsewhere = await _move(gql, "relationship-manager", global_id("DealRegistration", "dr-demo-lyon-rejected"),
                            "CLOSE", code="REJECTED")
    assert [(e["code"], e["field"]) for e in elsewhere["errors"]] == [("NOT_FOUND", ["registration"])]
    converted = await gql.data(CONVERT, persona="partner-manager", variables={"id": gid})
    assert [e["code"] for e in converted["convertDealRegistration"]["errors"]] == ["INVALID_TRANSITION"]
    closed = await _move(gql, "enterprise-admin", gid, "CLOSE", code="REJECTED")
    assert closed["registration"]["status"] == "CLOSED" and closed["registration"]["closureCode"] == "REJECTED"
    for move in ("SUBMIT", "START_REVIEW", "CANCEL"):
        await refused("enterprise-admin" if move == "START_REVIEW" else "partner-manager", move)
    assert await status() == "CLOSED"

    # CANCELLED is final; a draft can be deleted.
    (other, draft) = await _create(gql, "partner-manager", _deal(f"{prefix}-c"), _deal(f"{prefix}-d"))
    assert (await _move(gql, "partner-manager", other["id"], "CANCEL"))["registration"]["status"] == "CANCELLED"
    again = await _move(gql, "partner-manager", other["id"], "SUBMIT")
    assert [e["code"] for e in again["errors"]] == ["INVALID_TRANSITION"]
    gone = await gql.data(DELETE, persona="partner-manager", variables={"id": draft["id"]})
    assert gone["deleteDealRegistration"] == {"deletedId": draft["id"], "errors": []}
    assert (await gql.data(SEE, variables={"id": draft["id"]}))["node"] is None


async def test_opportunity_quote_and_order_transitions(gql, prefix):
    (reg,) = await _create(gql, "partner-manager", _deal(f"{prefix}-o"))
    await _move(gql, "partner-manager", reg["id"], "SUBMIT")
    await _move(gql, "enterprise-admin", reg["id"], "START_REVIEW")
    await _move(gql, "enterprise-admin", reg["id"], "APPROVE")
    opp = (await gql.data(CONVERT, persona="partner-manager", variables={"id": reg["id"]}))["convertDealRegistration"]
    opp_id = opp["opportunity"]["id"]
    # A converted registration does not convert again.
    again = await gql.data(CONVERT, persona="partner-manager", variables={"id": reg["id"]})
    assert [e["code"] for e in again["convertDealRegistration"]["errors"]] == ["INVALID_TRANSITION"]

    await gql.data(STAGE, persona="partner-manager", variables={"id": opp_id, "stage": "NEGOTIATION"})
    back = await gql.data(STAGE, persona="partner-manager", variables={"id": opp_id, "stage": "QUALIFICATION"})
    assert [e["code"] for e in back["changeOpportunityStage"]["errors"]] == ["INVALID_TRANSITION"]

    line = {"product": ANALYTICS, "quantity": 3, "unitPrice": 300000}
    quote = (await gql.data(QUOTE, persona="partner-manager", variables={"q": {
        "opportunity": opp_id, "currency": "USD", "lines": [line]}}))["createQuote"]["quote"]
    skip = await gql.data(QUOTE_STATUS, persona="partner-manager", variables={"id": quote["id"], "status": "ACCEPTED"})
    assert [e["code"] for e in skip["changeQuoteStatus"]["errors"]] == ["INVALID_TRANSITION"]
    await gql.data(QUOTE_STATUS, persona="partner-manager", variables={"id": quote["id"], "status": "SUBMITTED"})
    await gql.data(QUOTE_STATUS, variables={"id": quote["id"], "status": "APPROVED"})
    order = (await gql.data(QUOTE_STATUS, persona="partner-manager",
                            variables={"id": quote["id"], "status": "ACCEPTED"}))["changeQuoteStatus"]["quote"]["order"]
    # With an accepted quote, no new versions.
    late = await gql.data(QUOTE, persona="partner-manager", variables={"q": {
        "opportunity": opp_id, "currency": "USD", "lines": [line]}})
    assert [e["code"] for e in late["createQuote"]["errors"]] == ["INVALID_TRANSITION"]
    await gql.data(ORDER_STATUS, variables={"id": order["id"], "status": "CANCELLED"})
    final = await gql.data(ORDER_STATUS, variables={"id": order["id"], "status": "FULFILLED"})
    assert [e["code"] for e in final["changeOrderStatus"]["errors"]] == ["INVALID_TRANSITION"]

    won = await gql.data(STAGE, persona="partner-manager", variables={"id": opp_id, "stage": "CLOSED_WON"})
    assert won["changeOpportunityStage"]["opportunity"] == {"stage": "CLOSED_WON", "isOpen": False}
    reopened = await gql.data(STAGE, persona="partner-manager", variables={"id": opp_id, "stage": "PROPOSAL"})
    assert [e["code"] for e in reopened["changeOpportunityStage"]["errors"]] == ["INVALID_TRANSITION"]


async def test_bad_input_changes_nothing(gql, session, prefix):
    async def errors(persona, *deals, person=None):
        data = await gql.data(CREATE, persona=persona, person=person, variables={"r": list(deals)})
        assert data["createDealRegistrations"]["registrations"] == []
        return [(e["code"], e["field"]) for e in data["createDealRegistrations"]["errors"]]

    # One bad item (an unknown product) refuses the whole batch.
    assert await errors("partner-manager", _deal(f"{prefix}-ok"),
                        _deal(f"{prefix}-bad", product=global_id("Product", "prod-nope"))) == [
        ("NOT_FOUND", ["registrations", "1", "lines", "0", "product"])]
    assert await errors("partner-manager", _deal(f"{prefix}-neg", estimatedAmount=-1,
                                                 lines=[{"product": ERP, "quantity": -2, "unitPrice": -5}])) == [
        ("VALIDATION", ["registrations", "0", "estimatedAmount"]),
        ("VALIDATION", ["registrations", "0", "lines", "0", "quantity"]),
        ("VALIDATION", ["registrations", "0", "lines", "0", "unitPrice"])]
    assert await errors("partner-manager", _deal(f"{prefix}-acct", account=global_id("Account", "acct-nope"),
                                                 currency="dollars")) == [
        ("VALIDATION", ["registrations", "0", "currency"])]
    assert await errors("partner-manager", _deal(f"{prefix}-acct", account=global_id("Account", "acct-nope"))) == [
        ("NOT_FOUND", ["registrations", "0", "account"])]
    assert await errors("partner-manager", _deal(f"{prefix}-prog", program=DRAFT_PROGRAM)) == [
        ("NOT_FOUND", ["registrations", "0", "program"])]  # partners do not see DRAFT programs
    # Out of scope: Contoso (the parent) for Fabrikam's manager, Fabrikam for Tailspin's associate.
    assert await errors("partner-manager", _deal(f"{prefix}-up", partner=global_id("Partner", "p-contoso"),
                                                 account=global_id("Account", "acct-initech"))) == [
        ("NOT_FOUND", ["registrations", "0", "partner"])]
    assert ("NOT_FOUND", ["registrations", "0", "partner"]) in await errors("partner-associate", _deal(f"{prefix}-as"))
    # Only partner staff register; the enterprise decides.
    data = await gql.data(CREATE, persona="enterprise-admin", variables={"r": [_deal(f"{prefix}-ea")]})
    assert [e["code"] for e in data["createDealRegistrations"]["errors"]] == ["FORBIDDEN"]
    # A too-large Int is no problem for MinorUnits, a float is refused before anything runs.
    status, body = await gql.post(CREATE, persona="partner-manager",
                                  variables={"r": [_deal(f"{prefix}-f", estimatedAmount=1.5)]})
    assert "errors" in body and body.get("data") is None
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (dr:DealRegistration) WHERE dr.id STARTS WITH $p RETURN count(dr) AS n", p=prefix))
    assert rows[0]["n"] == 0

    # Quotes: another currency than the opportunity's, negative values, unknown products.
    opp_id = global_id("Opportunity", "opp-demo-initech-crm")
    bad = await gql.data(QUOTE, persona="partner-admin", variables={"q": {
        "opportunity": opp_id, "currency": "EUR", "discountPercent": 120,
        "lines": [{"product": CRM, "quantity": 0, "unitPrice": -1},
                  {"product": global_id("Product", "prod-nope"), "quantity": 1, "unitPrice": 5}]}})
    assert [(e["code"], e["field"]) for e in bad["createQuote"]["errors"]] == [
        ("VALIDATION", ["quote", "discountPercent"]),
        ("VALIDATION", ["quote", "lines", "0", "quantity"]),
        ("VALIDATION", ["quote", "lines", "0", "unitPrice"])]
    wrong_currency = await gql.data(QUOTE, persona="partner-admin", variables={"q": {
        "opportunity": opp_id, "currency": "EUR",
        "lines": [{"product": global_id("Product", "prod-nope"), "quantity": 1, "unitPrice": 5}]}})
    assert [(e["code"], e["field"]) for e in wrong_currency["createQuote"]["errors"]] == [
        ("VALIDATION", ["quote", "currency"]), ("NOT_FOUND", ["quote", "lines", "0", "product"])]
    versions = await gql.data("""query($id: ID!) { node(id: $id) { ... on Opportunity { quotes { key } } } }""",
                              variables={"id": opp_id})
    assert [q["key"] for q in versions["node"]["quotes"]] == ["q-demo-initech-crm-2", "q-demo-initech-crm-1"]


async def test_work_notes_only_for_enterprise(clocked_gql, clock, prefix):
    # A controlled clock: "now" has whole seconds, so two comments in the same second would tie on `at`.
    gql = clocked_gql
    clock.set(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    (reg,) = await _create(gql, "partner-manager", _deal(f"{prefix}-n"))
    gid = reg["id"]
    refused = await gql.data(COMMENT, persona="partner-manager", variables={"id": gid, "body": "psst", "v": "INTERNAL"})
    assert [(e["code"], e["field"]) for e in refused["addDealComment"]["errors"]] == [("FORBIDDEN", ["visibility"])]
    await gql.data(COMMENT, persona="partner-manager", variables={"id": gid, "body": "hello", "v": "PARTNER"})
    clock.advance(seconds=1)
    note = await gql.data(COMMENT, persona="relationship-manager",
                          variables={"id": gid, "body": "watch", "v": "INTERNAL"})
    assert note["addDealComment"]["comment"] == {"body": "watch", "visibility": "INTERNAL"}
    hidden = await gql.data(COMMENT, persona="partner-agent", variables={"id": gid, "body": "x", "v": "PARTNER"})
    assert [e["code"] for e in hidden["addDealComment"]["errors"]] == ["FORBIDDEN"]
    for persona, expected in [("partner-manager", ["hello"]), ("partner-admin", ["hello"]),
                              ("enterprise-executive", ["hello", "watch"]),
                              ("relationship-manager", ["hello", "watch"])]:
        comments = (await gql.data(STATUS, persona=persona, variables={"id": gid}))["dealRegistration"]["comments"]
        assert [c["body"] for c in comments] == expected, persona


async def test_conflicts_and_protection(clocked_gql, clock, prefix):
    gql = clocked_gql
    clock.set(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    proseware = "p-proseware-admin"
    # Tailspin (associate) and Proseware both serve Acme; CRM is in no demo deal for Acme.
    (a,) = await _create(gql, "partner-associate", _deal(f"{prefix}-a", partner=TAILSPIN, account=ACME, product=CRM))
    first = await _move(gql, "partner-associate", a["id"], "SUBMIT")
    assert first["registration"]["conflicts"] == []
    (b, c) = await _create(gql, None, _deal(f"{prefix}-b", partner=PROSEWARE, account=ACME, product=CRM),
                           _deal(f"{prefix}-c", partner=PROSEWARE, account=ACME, product=ANALYTICS), person=proseware)
    second = await _move(gql, None, b["id"], "SUBMIT", person=proseware)
    # Proseware's admin sees the conflict but not Tailspin's deal (a different branch of Northwind).
    assert [(x["reason"], x["registration"]) for x in second["registration"]["conflicts"]] == [
        ("another partner registered a deal for the same account and product", None)]
    other_product = await _move(gql, None, c["id"], "SUBMIT", person=proseware)
    assert other_product["registration"]["conflicts"] == []
    # The reviewer (the RM of Northwind, above both) sees both sides.
    for gid, other in ((a["id"], f"{prefix}-b"), (b["id"], f"{prefix}-a")):
        seen = (await gql.data("query($id: ID!) { dealRegistration(id: $id) { "
                               "conflicts { registration { key } } } }",
                               persona="relationship-manager", variables={"id": gid}))
        assert [x["registration"]["key"] for x in seen["dealRegistration"]["conflicts"]] == [other]

    await _move(gql, "relationship-manager", a["id"], "START_REVIEW")
    approved = await _move(gql, "relationship-manager", a["id"], "APPROVE")
    assert approved["registration"]["protectedUntil"].startswith("2026-08-30")
    # During protection a competing registration is flagged; the same partner's own is not.
    clock.advance(days=30)
    (d,) = await _create(gql, None, _deal(f"{prefix}-d", partner=PROSEWARE, account=ACME, product=CRM),
                         person=proseware)
    flagged = await _move(gql, None, d["id"], "SUBMIT", person=proseware)
    reasons = [x["reason"] for x in flagged["registration"]["conflicts"]]
    assert "the account is protected for another partner until 2026-08-30T09:00:00Z" in reasons
    (e,) = await _create(gql, "partner-associate", _deal(f"{prefix}-e", partner=TAILSPIN, account=ACME, product=CRM))
    own = await _move(gql, "partner-associate", e["id"], "SUBMIT")
    assert {x["registration"]["key"] if x["registration"] else None for x in own["registration"]["conflicts"]} == {None}
    # After protection ends, an approved deal no longer conflicts.
    clock.set(datetime(2026, 9, 1, 9, 0, tzinfo=UTC))
    (f,) = await _create(gql, None, _deal(f"{prefix}-f", partner=PROSEWARE, account=ACME, product=ANALYTICS),
                         person=proseware)
    late = await _move(gql, None, f["id"], "SUBMIT", person=proseware)
    assert late["registration"]["conflicts"] == []  # c (ANALYTICS, Proseware's own) is not another partner's


async def test_expiry_with_a_controlled_clock(clocked_gql, clock, session, prefix):
    gql = clocked_gql
    start = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
    clock.set(start)
    (waiting, approved) = await _create(gql, "partner-manager", _deal(f"{prefix}-w"), _deal(f"{prefix}-p"))
    await _move(gql, "partner-manager", waiting["id"], "SUBMIT")
    await _move(gql, "partner-manager", approved["id"], "SUBMIT")
    await _move(gql, "enterprise-admin", approved["id"], "START_REVIEW")
    await _move(gql, "enterprise-admin", approved["id"], "APPROVE")

    async def status(gid):
        return (await gql.data(STATUS, variables={"id": gid}))["dealRegistration"]

    def mine(ids):
        return [i for i in ids if i.startswith(prefix)]

    assert mine(await expire_registrations(session, start + timedelta(days=14) - timedelta(seconds=1))) == []
    assert mine(await expire_registrations(session, start + timedelta(days=14))) == [f"{prefix}-w"]
    assert await status(waiting["id"]) == {"status": "CLOSED", "closureCode": "EXPIRED", "comments": []}
    assert (await status(approved["id"]))["status"] == "APPROVED"
    assert mine(await expire_registrations(session, start + timedelta(days=89))) == []
    assert mine(await expire_registrations(session, start + timedelta(days=90))) == [f"{prefix}-p"]
    assert await status(approved["id"]) == {"status": "CLOSED", "closureCode": "EXPIRED", "comments": []}
    # The demo's deadlines run into 2027: nothing of theirs expired.
    demo = await gql.data(STATUS, variables={"id": global_id("DealRegistration", "dr-demo-fabrikam-submitted")})
    assert demo["dealRegistration"]["status"] == "SUBMITTED"


def test_expire_command(settings, neo4j_server, monkeypatch):
    """`partnergraph deals expire --now …` against the test server; nothing of the demo is due in 2026."""
    monkeypatch.setenv("PARTNERGRAPH_STATE_DIR", str(settings.state_dir))
    monkeypatch.setenv("PARTNERGRAPH_NEO4J_BOLT_PORT", str(settings.neo4j_bolt_port))
    result = CliRunner().invoke(app, ["deals", "expire", "--now", "2026-06-01T00:00:00"])
    assert result.exit_code == 0, result.output
    assert "deal registration(s) expired as of 2026-06-01T00:00:00+00:00" in result.output
    bad = CliRunner().invoke(app, ["deals", "expire", "--now", "yesterday"])
    assert bad.exit_code == 1


async def test_two_approvers_at_the_same_moment(gql, prefix):
    for attempt in range(3):
        (reg,) = await _create(gql, "partner-manager", _deal(f"{prefix}-r{attempt}"))
        await _move(gql, "partner-manager", reg["id"], "SUBMIT")
        await _move(gql, "enterprise-admin", reg["id"], "START_REVIEW")
        results = await asyncio.gather(
            _move(gql, "enterprise-admin", reg["id"], "APPROVE"),
            _move(gql, "relationship-manager", reg["id"], "REJECT", reason="not ours"))
        winners = [r for r in results if not r["errors"]]
        losers = [r for r in results if r["errors"]]
        assert len(winners) == 1 and len(losers) == 1, results
        assert [e["code"] for e in losers[0]["errors"]] == ["CONFLICT"]
        final = (await gql.data(STATUS, variables={"id": reg["id"]}))["dealRegistration"]["status"]
        assert final == winners[0]["registration"]["status"]
