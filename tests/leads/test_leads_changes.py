"""The change records of every leads mutation (tests/change_log.py), and of expiry, the system's change."""

from __future__ import annotations

import pytest

from tests.change_log import Logged, check_logged
from tests.conftest import global_id
from tests.leads.conftest import Channel, build_channel, remove_channel

HAND_OFF = """mutation($id: ID!, $to: ID!) { handOffLead(lead: $id, partner: $to) { errors { code } } }"""
ASSIGN = """mutation($id: ID!, $to: ID!) { assignLead(lead: $id, assignee: $to) { errors { code } } }"""
CONVERT = """mutation($id: ID!, $p: ID!, $key: String) { convertLead(lead: $id, program: $p, key: $key) {
  errors { code } } }"""
UPDATE_RULE = """mutation($id: ID!) { updateLeadRoutingRule(rule: $id, priority: 7) { errors { code } } }"""
SPECIALIZE = """mutation($p: ID!, $products: [ID!]!) { setPartnerSpecializations(partner: $p, products: $products) {
  errors { code } } }"""

def _channel(state) -> Channel:
    return state["channel"]

async def _ok(gql, document: str, person: str | None = None, **variables) -> None:
    data = await gql.data(document, variables=variables, **({"person": person} if person else {}))
    (payload,) = data.values()
    assert payload["errors"] == [], payload

def _setup(*, partner_types=("RESELLER",), route=False, accept=False):
    async def setup(gql, session, state) -> None:
        await build_channel(session, state["prefix"])
        channel = state["channel"] = Channel(state["prefix"], gql)
        state["rule"], = await channel.rules({"name": "rule", "priority": 1, "partnerTypes": list(partner_types),
                                              "program": None})
        state["lead"], = await channel.leads("lead")
        if route:
            await channel.route(state["lead"])
        if accept:
            await channel.move(state["lead"], "ACCEPT", channel.admin("res1"))
    return setup

async def _cleanup(gql, session, state) -> None:
    await remove_channel(session, state["prefix"])

async def _create(gql, session, state) -> None:
    await build_channel(session, state["prefix"])
    await Channel(state["prefix"], gql).leads("a", "b")

async def _create_rules(gql, session, state) -> None:
    await build_channel(session, state["prefix"])
    await Channel(state["prefix"], gql).rules({"name": "r", "priority": 3})

async def _update_rule(gql, session, state) -> None:
    await _ok(gql, UPDATE_RULE, id=state["rule"])

async def _route(gql, session, state) -> None:
    await _channel(state).route(state["lead"])

async def _accept(gql, session, state) -> None:
    moved = await _channel(state).move(state["lead"], "ACCEPT", _channel(state).admin("res1"))
    assert moved["errors"] == []

async def _hand_off(gql, session, state) -> None:
    channel = _channel(state)
    await _ok(gql, HAND_OFF, channel.admin("dist"), id=state["lead"], to=channel.gid("Partner", "res1"))

async def _assign(gql, session, state) -> None:
    channel = _channel(state)
    await _ok(gql, ASSIGN, channel.admin("res1"), id=state["lead"],
              to=global_id("Person", channel.id("res1-associate")))

async def _convert(gql, session, state) -> None:
    channel = _channel(state)
    await _ok(gql, CONVERT, channel.admin("res1"), id=state["lead"], p=channel.gid("Program", "prog"),
              key=channel.id("dr"))

async def _specialize(gql, session, state) -> None:
    await _ok(gql, SPECIALIZE, p=_channel(state).gid("Partner", "res2"), products=[global_id("Product", "prod-crm")])

LOGGED = [
    Logged("createLeads", _create, [("Lead", "CREATED")] * 2, cleanup=_cleanup),
    Logged("createLeadRoutingRules", _create_rules, [("LeadRoutingRule", "CREATED")], cleanup=_cleanup),
    Logged("updateLeadRoutingRule", _update_rule, [("LeadRoutingRule", "UPDATED")], setup=_setup(),
           cleanup=_cleanup),
    Logged("routeLeads", _route, [("Lead", "STATE_CHANGED")], setup=_setup(), cleanup=_cleanup),
    Logged("moveLead", _accept, [("Lead", "STATE_CHANGED")], "partner-admin", _setup(route=True), _cleanup),
    Logged("handOffLead", _hand_off, [("Lead", "UPDATED")], "partner-admin",
           _setup(partner_types=("DISTRIBUTOR",), route=True), _cleanup),
    Logged("assignLead", _assign, [("Lead", "RELATED")], "partner-admin", _setup(route=True), _cleanup),
    Logged("convertLead", _convert,
           [("Account", "CREATED"), ("DealRegistration", "CREATED"), ("Lead", "STATE_CHANGED")], "partner-admin",
           _setup(route=True, accept=True), _cleanup),
    Logged("setPartnerSpecializations", _specialize, [("Partner", "UPDATED")], setup=_setup(), cleanup=_cleanup),
]

@pytest.mark.parametrize("case", LOGGED, ids=lambda case: case.mutation)
async def test_leads_mutation_writes_its_records(case, gql, session):
    await check_logged(case, gql, session)

async def test_a_rejection_routed_on_is_one_record_whose_partner_is_the_enterprise_s(gql, session):
    async def reject(gql, session, state) -> None:
        moved = await _channel(state).move(state["lead"], "REJECT", _channel(state).admin("res1"), reason="busy")
        assert moved["errors"] == []

    records = await check_logged(Logged("", reject, [("Lead", "UPDATED")], "partner-admin",
                                        _setup(route=True), _cleanup), gql, session)
    (record,) = records
    assert record["partnerId"].endswith("-res1")  # held by res1 when the record was made: res2 never reads it
    assert {f["field"] for f in record["enterpriseFields"]} == {"partner"}
    assert "partner" not in {f["field"] for f in record["fields"]}
