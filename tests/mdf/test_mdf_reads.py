"""Nested reads of funds stay at one round trip per relation field per level, however many allocations, requests
and claims."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.mdf.conftest import DECIDE_CLAIM, Funds

TREE = """query($id: ID!) { fundAllocation(id: $id) { key available { amount }
  allocations { edges { node { key partner { key }
    requests { edges { node { key status submittedBy { key } claims { edges { node { key status } } } } } } } } } } }"""


async def test_a_distributors_funds_passed_down_cost_one_round_trip_per_level(funds: Funds, clock, clocked_gql):
    clock.set(datetime(2026, 9, 10, 9, 0, tzinfo=UTC))
    dist = await funds.allocated(await funds.budget(), "dist", 600_000)

    async def tree() -> tuple[int, int, int]:
        status, body = await funds.gql.post(TREE, person=funds.staff("dist"),
                                            variables={"id": dist})
        assert status == 200 and "errors" not in body, body
        allocations = [e["node"] for e in body["data"]["fundAllocation"]["allocations"]["edges"]]
        requests = [e["node"] for a in allocations for e in a["requests"]["edges"]]
        claims = [e["node"] for r in requests for e in r["claims"]["edges"]]
        return len(requests), len(claims), body["extensions"]["cypher"]["roundTrips"]

    async def reseller(partner: str, requests: int) -> None:
        allocation = await funds.allocated(dist, partner, 100_000, person=funds.staff("dist"))
        for _ in range(requests):
            request = await funds.approved(allocation, 10_000, funds.staff(partner))
            claim = await funds.claim(request, 5_000, funds.staff(partner), client=clocked_gql)
            assert (await funds.call(DECIDE_CLAIM, id=claim["claim"]["id"], d="APPROVED"))["errors"] == []

    # viewer + allocation + its allocations + their partners + requests + submitters + claims
    await reseller("res1", 1)
    assert await tree() == (1, 1, 7)
    await reseller("res2", 3)
    await reseller("sub", 2)  # passed down by dist straight to res1's child: still one level of allocations
    assert await tree() == (6, 6, 7)
