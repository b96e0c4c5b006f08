"""Budgets and allocations: what each may draw from, who may allocate, typed refusals that write nothing."""

from __future__ import annotations

import pytest

from tests.conftest import global_id, write
from tests.mdf.conftest import CREATE_BUDGET, Funds

BUDGET_QUERY = """query($id: ID!) { mdfBudget(id: $id) { name amount { amount } allocated { amount }
  available { amount } allocations { edges { node { key } } } } }"""
UPDATE_BUDGET = """mutation($id: ID!, $amount: MinorUnits, $name: String) {
  updateMdfBudget(budget: $id, amount: $amount, name: $name) {
  budget { name amount { amount } } errors { code field message } } }"""
ALLOCATIONS_OF = """query($id: ID!) { partner(id: $id) { fundAllocations { edges { node { key } } } } }"""


async def _budget(funds: Funds, budget: str) -> dict:
    return (await funds.gql.data(BUDGET_QUERY, variables={"id": budget}))["mdfBudget"]


async def _allocations_of(funds: Funds, partner: str) -> list[str]:
    data = await funds.gql.data(ALLOCATIONS_OF, variables={"id": funds.gid("Partner", partner)})
    return [e["node"]["key"] for e in data["partner"]["fundAllocations"]["edges"]]


async def test_allocations_drawn_down_the_hierarchy(funds: Funds):
    budget = await funds.budget(1_000_000)
    dist = await funds.allocated(budget, "dist", 600_000)
    # The distributor's admin passes part of it down, and the reseller's admin further down.
    res1 = await funds.allocated(dist, "res1", 250_000, person=funds.staff("dist"))
    await funds.allocated(res1, "sub", 100_000, person=funds.staff("res1"))
    found = await _budget(funds, budget)
    assert (found["allocated"], found["available"]) == ({"amount": 600_000}, {"amount": 400_000})
    assert len(found["allocations"]["edges"]) == 1
    assert await funds.standing(dist) == {"amount": 600_000, "passedDown": 250_000, "committed": 0,
                                          "available": 350_000}
    assert await funds.standing(res1) == {"amount": 250_000, "passedDown": 100_000, "committed": 0,
                                          "available": 150_000}


@pytest.mark.parametrize(("amount", "ok"), [(400_000, True), (400_001, False)])
async def test_a_budget_never_allocates_more_than_it_holds(funds: Funds, amount: int, ok: bool):
    budget = await funds.budget(1_000_000)
    await funds.allocated(budget, "dist", 600_000)
    result = await funds.allocate(budget, "other", amount)
    if ok:
        assert result["errors"] == []
    else:
        assert [(e["code"], e["field"]) for e in result["errors"]] == [("CONFLICT", ["allocation", "amount"])]
        assert "400000 EUR" in result["errors"][0]["message"]
        assert await _allocations_of(funds, "other") == []


@pytest.mark.parametrize(("amount", "ok"), [(350_000, True), (350_001, False)])
async def test_an_allocation_never_passes_down_more_than_is_left_of_it(funds: Funds, amount: int, ok: bool):
    budget = await funds.budget(1_000_000)
    dist = await funds.allocated(budget, "dist", 600_000)
    await funds.allocated(dist, "res1", 150_000, person=funds.staff("dist"))
    # What approved requests commit counts as drawn too.
    await funds.approved(dist, 100_000, funds.staff("dist"))
    result = await funds.allocate(dist, "res2", amount, person=funds.staff("dist"))
    assert (result["errors"] == []) is ok, result
    if not ok:
        assert result["errors"][0]["code"] == "CONFLICT"
        assert await _allocations_of(funds, "res2") == []


@pytest.mark.parametrize(("partner", "code", "message"), [
    ("outsider", "VALIDATION", "no ACTIVE partnership"),
    ("susp", "VALIDATION", "SUSPENDED"),
])
async def test_who_a_budget_funds(funds: Funds, partner: str, code: str, message: str):
    budget = await funds.budget()
    result = await funds.allocate(budget, partner, 1000)
    assert [(e["code"], e["field"]) for e in result["errors"]] == [(code, ["allocation", "partner"])]
    assert message in result["errors"][0]["message"]
    assert await _allocations_of(funds, partner) == []


@pytest.mark.parametrize(("partner", "message"), [
    ("other", "below the one holding it"),  # a partner elsewhere
    ("dist", "below the one holding it"),  # the holder itself
])
async def test_an_allocation_is_passed_down_only_below_its_holder(funds: Funds, partner: str, message: str):
    budget = await funds.budget()
    dist = await funds.allocated(budget, "dist", 500_000)
    before = await _allocations_of(funds, partner)
    result = await funds.allocate(dist, partner, 1000)
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("VALIDATION", ["allocation", "partner"])]
    assert message in result["errors"][0]["message"]
    assert await _allocations_of(funds, partner) == before


async def test_a_partner_admin_passes_down_only_their_own_organizations_allocation(funds: Funds):
    budget = await funds.budget()
    dist = await funds.allocated(budget, "dist", 500_000)
    res1 = await funds.allocated(dist, "res1", 100_000)
    # The distributor's admin sees res1's allocation (it is below them) but does not hold it.
    result = await funds.allocate(res1, "sub", 1000, person=funds.staff("dist"))
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("FORBIDDEN", ["allocation", "source"])]
    # A reseller's admin does not see budgets at all, nor another partner's allocations.
    for source, person in ((budget, funds.staff("res1")), (dist, funds.staff("other"))):
        result = await funds.allocate(source, "sub", 1000, person=person)
        assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_FOUND", ["allocation", "source"])]
    assert await _allocations_of(funds, "sub") == []


async def test_bad_input_is_refused_before_anything_is_written(funds: Funds):
    result = await funds.call(CREATE_BUDGET, b={
        "program": funds.gid("Program", "prog"), "name": " ", "fiscalPeriod": "2026", "startDate": "2026-07-01",
        "endDate": "2026-06-30", "currency": "XXY", "amount": 0, "claimDays": 400})
    assert sorted(tuple(e["field"]) for e in result["errors"]) == sorted([
        ("budget", "endDate"), ("budget", "fiscalPeriod"), ("budget", "claimDays"), ("budget", "name"),
        ("budget", "currency"), ("budget", "amount")])
    assert {e["code"] for e in result["errors"]} == {"VALIDATION"}
    budget = await funds.budget()
    result = await funds.allocate(global_id("Partner", funds.id("dist")), "dist", -5)
    assert sorted(tuple(e["field"]) for e in result["errors"]) == [("allocation", "amount"),
                                                                   ("allocation", "source")]
    assert (await _budget(funds, budget))["allocations"] == {"edges": []}


async def test_a_retired_or_unknown_program_has_no_budget(funds: Funds, session):
    await write(session, "MATCH (p:Program {id: $id}) SET p.status = 'RETIRED'", id=funds.id("prog"))
    result = await funds.call(CREATE_BUDGET, b={
        "program": funds.gid("Program", "prog"), "name": "late", "fiscalPeriod": "FY2027", "startDate": "2027-01-01",
        "endDate": "2027-12-31", "currency": "EUR", "amount": 5})
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("VALIDATION", ["budget", "program"])]
    result = await funds.call(CREATE_BUDGET, b={
        "program": global_id("Program", funds.id("nope")), "name": "none", "fiscalPeriod": "FY2027",
        "startDate": "2027-01-01", "endDate": "2027-12-31", "currency": "EUR", "amount": 5})
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("NOT_FOUND", ["budget", "program"])]


async def test_a_budget_changes_but_never_below_what_it_allocated(funds: Funds):
    budget = await funds.budget(1_000_000)
    await funds.allocated(budget, "dist", 600_000)
    result = await funds.call(UPDATE_BUDGET, id=budget, amount=599_999)
    assert [(e["code"], e["field"]) for e in result["errors"]] == [("CONFLICT", ["amount"])]
    assert (await _budget(funds, budget))["amount"] == {"amount": 1_000_000}
    result = await funds.call(UPDATE_BUDGET, id=budget, amount=600_000, name="trimmed")
    assert result == {"budget": {"name": "trimmed", "amount": {"amount": 600_000}}, "errors": []}
    assert (await funds.allocate(budget, "other", 1))["errors"][0]["code"] == "CONFLICT"
