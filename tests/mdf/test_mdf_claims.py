"""Fund claims: after the activity and by its claim deadline (a controlled clock), up to the approved amount, with
proofs of performance as metadata; decided, then paid."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.mdf.conftest import CANCEL_REQUEST, DECIDE_CLAIM, PAY_CLAIM, PROOF, Funds

CLAIMS = """query($id: ID!) { fundRequest(id: $id) { claims { edges { node { key status amount { amount } } } } } }"""


@pytest.fixture
async def approved(funds: Funds) -> str:
    """An APPROVED request of 100,000 EUR for an activity from 1 to 31 August 2026, from a budget allowing claims
    for 30 days after it: its claim deadline is 30 September."""
    budget = await funds.budget(1_000_000, claimDays=30)
    dist = await funds.allocated(budget, "dist", 500_000)
    return await funds.approved(dist, 100_000, funds.staff("dist"))


async def _claims(funds: Funds, request: str) -> list[tuple[str, int]]:
    data = await funds.gql.data(CLAIMS, variables={"id": request})
    return [(e["node"]["status"], e["node"]["amount"]["amount"]) for e in data["fundRequest"]["claims"]["edges"]]


@pytest.mark.parametrize(("moment", "refusal"), [
    (datetime(2026, 8, 30, 23, 59, 59, tzinfo=UTC), "the activity ends on 2026-08-31"),
    (datetime(2026, 8, 31, 0, 0, 0, tzinfo=UTC), None),
    (datetime(2026, 9, 30, 23, 59, 59, tzinfo=UTC), None),
    (datetime(2026, 10, 1, 0, 0, 0, tzinfo=UTC), "the claim deadline was 2026-09-30"),
])
async def test_claims_are_due_after_the_activity_and_by_the_deadline(funds: Funds, approved: str, clock,
                                                                      clocked_gql, moment, refusal):
    clock.set(moment)
    result = await funds.claim(approved, 90_000, funds.staff("dist"), client=clocked_gql)
    if refusal is None:
        assert result["errors"] == [] and result["claim"]["status"] == "SUBMITTED"
        assert result["claim"]["proofs"] == [{"name": "invoice.pdf", "checksum": PROOF["checksum"]}]
    else:
        assert [(e["code"], e["field"]) for e in result["errors"]] == [("VALIDATION", ["claim", "request"])]
        assert refusal in result["errors"][0]["message"]
        assert await _claims(funds, approved) == []


async def test_claims_add_up_to_the_approved_amount_at_most(funds: Funds, approved: str, clock, clocked_gql):
    clock.set(datetime(2026, 9, 10, 9, 0, tzinfo=UTC))
    first = await funds.claim(approved, 60_000, funds.staff("dist"), client=clocked_gql)
    over = await funds.claim(approved, 40_001, funds.staff("dist", "manager"), client=clocked_gql)
    assert [(e["code"], e["field"]) for e in over["errors"]] == [("CONFLICT", ["claim", "amount"])]
    # A rejected claim no longer counts: the partner claims again.
    rejected = await funds.call(DECIDE_CLAIM, id=first["claim"]["id"], d="REJECTED", reason="no invoice")
    assert rejected["claim"]["status"] == "REJECTED"
    again = await funds.claim(approved, 100_000, funds.staff("dist", "manager"), client=clocked_gql)
    assert again["errors"] == []
    # An associate claims only against requests they submitted (the only ones they see).
    theirs = await funds.claim(approved, 1, funds.staff("dist", "associate"), client=clocked_gql)
    assert [e["code"] for e in theirs["errors"]] == ["NOT_FOUND"]
    assert await _claims(funds, approved) == [("REJECTED", 60_000), ("SUBMITTED", 100_000)]


async def test_a_claim_is_approved_then_paid(funds: Funds, approved: str, clock, clocked_gql):
    clock.set(datetime(2026, 9, 10, 9, 0, tzinfo=UTC))
    claim = (await funds.claim(approved, 80_000, funds.staff("dist"), client=clocked_gql))["claim"]["id"]
    unpaid = await funds.call(PAY_CLAIM, id=claim, ref="PAY-1")
    assert [e["code"] for e in unpaid["errors"]] == ["INVALID_TRANSITION"]
    assert (await funds.call(DECIDE_CLAIM, id=claim, d="APPROVED"))["claim"]["status"] == "APPROVED"
    # Relationship managers approve; only enterprise admins pay.
    assert (await funds.call(PAY_CLAIM, person=funds.id("rm"), id=claim, ref="PAY-1"))["errors"][0]["code"] == \
        "FORBIDDEN"
    paid = await funds.call(PAY_CLAIM, client=clocked_gql, id=claim, ref="PAY-2026-1")
    assert paid["claim"] == {"key": paid["claim"]["key"], "status": "PAID", "paymentReference": "PAY-2026-1",
                             "paidAt": "2026-09-10T09:00:00+00:00"}
    assert (await funds.call(DECIDE_CLAIM, id=claim, d="REJECTED", reason="late"))["errors"][0]["code"] == \
        "INVALID_TRANSITION"
    # A request with a live claim is not cancelled.
    cancel = await funds.call(CANCEL_REQUEST, id=approved)
    assert [e["code"] for e in cancel["errors"]] == ["INVALID_TRANSITION"]


async def test_claims_only_against_approved_requests_of_the_own_organization(funds: Funds, clock, clocked_gql):
    clock.set(datetime(2026, 9, 10, 9, 0, tzinfo=UTC))
    budget = await funds.budget(1_000_000)
    dist = await funds.allocated(budget, "dist", 500_000)
    submitted = await funds.requested(dist, 1000, funds.staff("dist"))
    result = await funds.claim(submitted, 1000, funds.staff("dist"), client=clocked_gql)
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("INVALID_TRANSITION", ["claim", "request"])]
    res1 = await funds.allocated(dist, "res1", 100_000)
    theirs = await funds.approved(res1, 1000, funds.staff("res1"))
    result = await funds.claim(theirs, 1000, funds.staff("dist"), client=clocked_gql)
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("FORBIDDEN", ["claim", "request"])]
    assert await _claims(funds, submitted) == [] and await _claims(funds, theirs) == []


@pytest.mark.parametrize(("proofs", "fields"), [
    ([], [("claim", "proofs")]),
    ([PROOF] * 21, [("claim", "proofs")]),
    ([{**PROOF, "checksum": "md5:abc"}], [("claim", "proofs", "0", "checksum")]),
    ([{**PROOF, "checksum": "sha256:" + "AB" * 32}], [("claim", "proofs", "0", "checksum")]),
    ([{**PROOF, "contentType": "pdf"}], [("claim", "proofs", "0", "contentType")]),
    ([{**PROOF, "size": 0}], [("claim", "proofs", "0", "size")]),
    ([PROOF, {**PROOF, "name": " ", "storageRef": ""}], [("claim", "proofs", "1", "name"),
                                                          ("claim", "proofs", "1", "storageRef")]),
])
async def test_proofs_of_performance_are_checked(funds: Funds, approved: str, clock, clocked_gql, proofs, fields):
    clock.set(datetime(2026, 9, 10, 9, 0, tzinfo=UTC))
    result = await funds.claim(approved, 1000, funds.staff("dist"), client=clocked_gql, proofs=proofs)
    assert sorted(tuple(e["field"]) for e in result["errors"]) == sorted(fields)
    assert {e["code"] for e in result["errors"]} == {"VALIDATION"}
    assert await _claims(funds, approved) == []
