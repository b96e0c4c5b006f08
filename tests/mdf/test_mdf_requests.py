"""Fund requests: submission against the organization's own allocation, in its currency; approval (possibly for
less) committing against the allocation under its cap; rejection; cancellation releasing the commitment."""

from __future__ import annotations

import pytest

from tests.applications.conftest import gateway
from tests.conftest import global_id
from tests.mdf.conftest import CANCEL_REQUEST, Funds

REQUESTS_OF = """query($id: ID!) { partner(id: $id) { fundRequests { edges { node { key status } } } } }"""


async def _channel(funds: Funds) -> tuple[str, str]:
    budget = await funds.budget(1_000_000)
    return budget, await funds.allocated(budget, "dist", 500_000)


async def _requests_of(funds: Funds, partner: str) -> list[tuple[str, str]]:
    data = await funds.gql.data(REQUESTS_OF, variables={"id": funds.gid("Partner", partner)})
    return [(e["node"]["key"], e["node"]["status"]) for e in data["partner"]["fundRequests"]["edges"]]


async def test_a_request_approved_for_less_commits_what_was_approved(funds: Funds):
    _, dist = await _channel(funds)
    request = await funds.requested(dist, 200_000, funds.staff("dist", "associate"))
    assert await funds.standing(dist) == {"amount": 500_000, "passedDown": 0, "committed": 0, "available": 500_000}
    result = await funds.decide(request, amount=150_000, reason="the fourth webinar is not funded")
    assert result["errors"] == []
    assert result["request"] == {"key": result["request"]["key"], "status": "APPROVED",
                                 "approvedAmount": {"amount": 150_000},
                                 "decisionReason": "the fourth webinar is not funded"}
    assert await funds.standing(dist) == {"amount": 500_000, "passedDown": 0, "committed": 150_000,
                                          "available": 350_000}


async def test_cancelling_releases_the_commitment(funds: Funds):
    _, dist = await _channel(funds)
    request = await funds.approved(dist, 200_000, funds.staff("dist", "manager"))
    result = await funds.call(CANCEL_REQUEST, person=funds.staff("dist", "manager"), id=request, reason="moved")
    assert result["errors"] == [] and result["request"]["status"] == "CANCELLED"
    assert result["request"]["cancelReason"] == "moved"
    assert (await funds.standing(dist))["committed"] == 0
    again = await funds.call(CANCEL_REQUEST, id=request)
    assert [e["code"] for e in again["errors"]] == ["INVALID_TRANSITION"]


async def test_an_approval_never_commits_more_than_is_left(funds: Funds):
    _, dist = await _channel(funds)
    first = await funds.requested(dist, 300_000, funds.staff("dist"))
    second = await funds.requested(dist, 300_000, funds.staff("dist"))  # each fits alone: both are submitted
    assert (await funds.decide(first))["errors"] == []
    refused = await funds.decide(second)
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("CONFLICT", ["approvedAmount"])]
    assert "200000 EUR" in refused["errors"][0]["message"]
    # Approving for what is left works.
    assert (await funds.decide(second, amount=200_000))["request"]["status"] == "APPROVED"
    assert (await funds.standing(dist))["available"] == 0


@pytest.mark.parametrize(("decision", "amount", "reason", "code", "field"), [
    ("REJECTED", None, None, "VALIDATION", ["reason"]),
    ("REJECTED", 100, "no", "VALIDATION", ["approvedAmount"]),
    ("APPROVED", 200_001, None, "VALIDATION", ["approvedAmount"]),
    ("APPROVED", 0, None, "VALIDATION", ["approvedAmount"]),
])
async def test_bad_decisions_change_nothing(funds: Funds, decision, amount, reason, code, field):
    _, dist = await _channel(funds)
    request = await funds.requested(dist, 200_000, funds.staff("dist"))
    result = await funds.decide(request, decision, amount=amount, reason=reason)
    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, field)]
    assert [status for _, status in await _requests_of(funds, "dist")] == ["SUBMITTED"]
    assert (await funds.standing(dist))["committed"] == 0


async def test_a_request_is_decided_once(funds: Funds):
    _, dist = await _channel(funds)
    request = await funds.requested(dist, 1000, funds.staff("dist"))
    assert (await funds.decide(request, "REJECTED", reason="not this half"))["request"]["status"] == "REJECTED"
    for decision in ("APPROVED", "REJECTED"):
        result = await funds.decide(request, decision, reason="again")
        assert [e["code"] for e in result["errors"]] == ["INVALID_TRANSITION"]
    assert (await funds.call(CANCEL_REQUEST, id=request))["errors"][0]["code"] == "INVALID_TRANSITION"


async def test_a_request_is_in_its_allocations_currency(funds: Funds):
    """Refused, never converted: the commitment must be exact in the budget's minor units (docs/MDF.md)."""
    _, dist = await _channel(funds)
    result = await funds.request(dist, 1000, funds.staff("dist"), currency="USD")
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("VALIDATION", ["request", "currency"])]
    assert await _requests_of(funds, "dist") == []


async def test_requests_go_against_the_own_organizations_allocation(funds: Funds):
    budget, dist = await _channel(funds)
    res1 = await funds.allocated(dist, "res1", 100_000)
    # The distributor's admin sees res1's allocation but requests from their own only.
    result = await funds.request(res1, 1000, funds.staff("dist"))
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("FORBIDDEN", ["request", "allocation"])]
    # Another partner's staff do not see it at all.
    result = await funds.request(res1, 1000, funds.staff("other"))
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_FOUND", ["request", "allocation"])]
    result = await funds.request(res1, 100_001, funds.staff("res1", "associate"))
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("CONFLICT", ["request", "amount"])]
    result = await funds.request(res1, 1000, funds.staff("res1"), endDate="2026-07-31")  # before its start
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("VALIDATION", ["request", "endDate"])]
    assert await _requests_of(funds, "res1") == []


async def test_who_cancels(funds: Funds):
    _, dist = await _channel(funds)
    res1 = await funds.allocated(dist, "res1", 100_000)
    request = await funds.requested(res1, 1000, funds.staff("res1", "associate"))
    # The distributor's admin sees it, but it is not their organization's; another associate does not see it.
    result = await funds.call(CANCEL_REQUEST, person=funds.staff("dist"), id=request)
    assert [e["code"] for e in result["errors"]] == ["FORBIDDEN"]
    result = await funds.call(CANCEL_REQUEST, person=funds.staff("dist", "associate"), id=request)
    assert [e["code"] for e in result["errors"]] == ["NOT_FOUND"]
    result = await funds.call(CANCEL_REQUEST, person=funds.staff("res1"), id=request)
    assert result["errors"] == [] and result["request"]["status"] == "CANCELLED"


async def test_relationship_managers_approve_their_partners_requests(funds: Funds):
    _, dist = await _channel(funds)
    request = await funds.requested(dist, 1000, funds.staff("dist"))
    # Rita (the demo's relationship manager) does not manage this channel: she does not see the request.
    result = await funds.decide(request, persona="relationship-manager")
    assert [e["code"] for e in result["errors"]] == ["NOT_FOUND"]
    result = await funds.decide(request, person=funds.id("rm"))
    assert result["errors"] == [] and result["request"]["status"] == "APPROVED"


async def test_relationship_managers_do_not_approve_when_the_setting_is_off(funds: Funds, settings, graph):
    _, dist = await _channel(funds)
    request = await funds.requested(dist, 1000, funds.staff("dist"))
    async with gateway(settings, graph, relationship_managers_approve_funds=False) as (gql,):
        result = await funds.decide(request, person=funds.id("rm"), client=gql)
        assert [e["code"] for e in result["errors"]] == ["FORBIDDEN"]
        assert (await funds.decide(request, client=gql))["request"]["status"] == "APPROVED"


async def test_an_unknown_request(funds: Funds):
    result = await funds.decide(global_id("FundRequest", funds.id("nope")))
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_FOUND", ["request"])]
    result = await funds.decide(funds.gid("FundClaim", "x"))
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("VALIDATION", ["request"])]
