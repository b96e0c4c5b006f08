"""The caps hold under concurrent writers: every write that draws on a budget, an allocation or a request's approved
amount locks it first and only then reads what is drawn (graph/mdf/writes.py). Without the lock these fail in most
runs (each writer reads the sum before the others commit); with it they hold in every interleaving."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from tests.mdf.conftest import Funds

WRITERS = 8


async def test_concurrent_allocations_from_a_budget(funds: Funds):
    budget = await funds.budget(1_000_000)
    results = await asyncio.gather(*(funds.allocate(budget, partner, 200_000)
                                     for partner in ("dist", "other") * (WRITERS // 2)))
    made = [r for r in results if not r["errors"]]
    assert len(made) == 5  # 5 × 200,000 fill the budget exactly
    assert {e["code"] for r in results if r["errors"] for e in r["errors"]} == {"CONFLICT"}
    data = await funds.gql.data("query($id: ID!) { mdfBudget(id: $id) { allocated { amount } available { amount } } }",
                                variables={"id": budget})
    assert data["mdfBudget"] == {"allocated": {"amount": 1_000_000}, "available": {"amount": 0}}


async def test_concurrent_sub_allocations_and_approvals_on_one_allocation(funds: Funds):
    budget = await funds.budget(1_000_000)
    dist = await funds.allocated(budget, "dist", 500_000)
    requests = [await funds.requested(dist, 100_000, funds.staff("dist")) for _ in range(WRITERS // 2)]
    writes = [funds.allocate(dist, "res1", 100_000, person=funds.staff("dist")) for _ in range(WRITERS // 2)]
    writes += [funds.decide(r) for r in requests]
    results = await asyncio.gather(*writes)
    assert sum(1 for r in results if not r["errors"]) == 5
    standing = await funds.standing(dist)
    assert standing["passedDown"] + standing["committed"] == 500_000 and standing["available"] == 0


async def test_concurrent_claims_against_one_request(funds: Funds, clock, clocked_gql):
    budget = await funds.budget(1_000_000)
    dist = await funds.allocated(budget, "dist", 500_000)
    request = await funds.approved(dist, 300_000, funds.staff("dist"))
    clock.set(datetime(2026, 9, 10, 9, 0, tzinfo=UTC))
    results = await asyncio.gather(*(funds.claim(request, 100_000, funds.staff("dist"), client=clocked_gql)
                                     for _ in range(WRITERS)))
    assert sum(1 for r in results if not r["errors"]) == 3
    data = await funds.gql.data("""query($id: ID!) { fundRequest(id: $id) {
      claims { edges { node { amount { amount } } } } } }""", variables={"id": request})
    assert sum(e["node"]["amount"]["amount"] for e in data["fundRequest"]["claims"]["edges"]) == 300_000
