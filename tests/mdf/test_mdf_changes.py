"""The change records of every MDF mutation (tests/change_log.py), and who reads them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.change_log import Logged, check_logged, last_seq
from tests.mdf.conftest import (
    CANCEL_REQUEST,
    DECIDE_CLAIM,
    PAY_CLAIM,
    SUBMIT_CLAIM,
    Funds,
    build_channel,
    payload,
    remove_channel,
)

UPDATE_BUDGET = """mutation($id: ID!) { updateMdfBudget(budget: $id, name: "renamed") { errors { code } } }"""
FEED = """query($after: String) { changes(after: $after, types: ["FundRequest", "FundClaim"], first: 50) {
  edges { node { entityType operation } } } }"""


def _funds(state) -> Funds:
    return state["funds"]


async def _ok(funds: Funds, document: str, person: str | None = None, **variables) -> dict:
    result = await funds.call(document, person=person, **variables)
    assert result["errors"] == [], result
    return result


def _setup(*, budget=True, allocation=True, request=False, approve=False, claim=False, approve_claim=False):
    async def setup(gql, session, state) -> None:
        await build_channel(session, state["prefix"])
        funds = state["funds"] = Funds(state["prefix"], gql)
        if budget:
            state["budget"] = await funds.budget(1_000_000)
        if allocation:
            state["allocation"] = await funds.allocated(state["budget"], "dist", 500_000)
        if request:
            state["request"] = await funds.requested(state["allocation"], 100_000, funds.staff("dist"))
        if approve:
            assert (await funds.decide(state["request"]))["errors"] == []
        if claim:
            result = await funds.claim(state["request"], 50_000, funds.staff("dist"))
            state["claim"] = result["claim"]["id"]
        if approve_claim:
            await _ok(funds, DECIDE_CLAIM, id=state["claim"], d="APPROVED")
    return setup


async def _cleanup(gql, session, state) -> None:
    await remove_channel(session, state["prefix"])


async def _create_budget(gql, session, state) -> None:
    await build_channel(session, state["prefix"])
    await Funds(state["prefix"], gql).budget()


async def _update_budget(gql, session, state) -> None:
    await _ok(_funds(state), UPDATE_BUDGET, id=state["budget"])


async def _allocate(gql, session, state) -> None:
    funds = _funds(state)
    await funds.allocated(state["allocation"], "res1", 1000, person=funds.staff("dist"))


async def _submit(gql, session, state) -> None:
    funds = _funds(state)
    await funds.requested(state["allocation"], 1000, funds.staff("dist", "associate"))


async def _decide(gql, session, state) -> None:
    assert (await _funds(state).decide(state["request"], amount=90_000))["errors"] == []


async def _cancel(gql, session, state) -> None:
    funds = _funds(state)
    await _ok(funds, CANCEL_REQUEST, person=funds.staff("dist"), id=state["request"])


async def _claim(gql, session, state) -> None:
    funds = _funds(state)
    result = payload(await gql.data(SUBMIT_CLAIM, person=funds.staff("dist"), variables={"c": {
        "request": state["request"], "amount": 1000, "proofs": [{
            "name": "a.pdf", "contentType": "application/pdf", "size": 1, "checksum": "sha256:" + "0" * 64,
            "storageRef": "ref"}]}}))
    assert result["errors"] == [], result


async def _decide_claim(gql, session, state) -> None:
    await _ok(_funds(state), DECIDE_CLAIM, id=state["claim"], d="REJECTED", reason="no invoice")


async def _pay(gql, session, state) -> None:
    await _ok(_funds(state), PAY_CLAIM, id=state["claim"], ref="PAY-1")


LOGGED = [
    Logged("createMdfBudget", _create_budget, [("MdfBudget", "CREATED")], cleanup=_cleanup),
    Logged("updateMdfBudget", _update_budget, [("MdfBudget", "UPDATED")], setup=_setup(allocation=False),
           cleanup=_cleanup),
    Logged("allocateFunds", _allocate, [("FundAllocation", "CREATED")], "partner-admin", _setup(), _cleanup),
    Logged("submitFundRequest", _submit, [("FundRequest", "CREATED")], "partner-associate", _setup(), _cleanup),
    Logged("decideFundRequest", _decide, [("FundRequest", "STATE_CHANGED")], setup=_setup(request=True),
           cleanup=_cleanup),
    Logged("cancelFundRequest", _cancel, [("FundRequest", "STATE_CHANGED")], "partner-admin",
           _setup(request=True, approve=True), _cleanup),
    Logged("submitFundClaim", _claim, [("FundClaim", "CREATED")], "partner-admin",
           _setup(request=True, approve=True), _cleanup),
    Logged("decideFundClaim", _decide_claim, [("FundClaim", "STATE_CHANGED")],
           setup=_setup(request=True, approve=True, claim=True), cleanup=_cleanup),
    Logged("payFundClaim", _pay, [("FundClaim", "STATE_CHANGED")],
           setup=_setup(request=True, approve=True, claim=True, approve_claim=True), cleanup=_cleanup),
]


@pytest.mark.parametrize("case", LOGGED, ids=lambda case: case.mutation)
async def test_mdf_mutation_writes_its_records(case, clocked_gql, clock, session):
    clock.set(datetime(2026, 9, 10, 9, 0, tzinfo=UTC))  # after the requests' activity, before their claim deadline
    await check_logged(case, clocked_gql, session)


async def test_who_reads_the_records_of_a_fund_request_and_its_claims(funds: Funds, session, clock, clocked_gql):
    """change_visible: a fund request's records, and its claims', as the request itself is visible."""
    budget = await funds.budget()
    res1 = await funds.allocated(await funds.allocated(budget, "dist", 500_000), "res1", 100_000)
    seq = await last_seq(session)
    request = await funds.approved(res1, 1000, funds.staff("res1", "associate"))
    clock.set(datetime(2026, 9, 10, 9, 0, tzinfo=UTC))
    assert (await funds.claim(request, 1000, funds.staff("res1", "associate"), client=clocked_gql))["errors"] == []

    async def feed(**who) -> list[tuple[str, str]]:
        data = await funds.gql.data(FEED, variables={"after": str(seq)}, **who)
        return [(e["node"]["entityType"], e["node"]["operation"]) for e in data["changes"]["edges"]]

    everything = [("FundRequest", "CREATED"), ("FundRequest", "STATE_CHANGED"), ("FundClaim", "CREATED")]
    for reader in ({"persona": "enterprise-executive"}, {"person": funds.id("rm")}, {"person": funds.staff("dist")},
                   {"person": funds.staff("res1", "associate")}, {"person": funds.staff("res1", "manager")}):
        assert await feed(**reader) == everything, reader
    for outsider in ({"person": funds.staff("res2")}, {"person": funds.staff("sub")},
                     {"person": funds.staff("other")},
                     {"person": funds.staff("dist", "associate")}, {"persona": "partner-agent"},
                     {"persona": "relationship-manager"}):
        assert await feed(**outsider) == [], outsider
