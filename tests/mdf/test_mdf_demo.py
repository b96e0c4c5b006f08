"""The demo's market development funds as each persona sees them (cypher/demo/08_mdf.cypher)."""

from __future__ import annotations

import pytest

from tests.conftest import global_id

BUDGETS = """{ mdfBudgets { edges { node { key fiscalPeriod amount { amount currency } allocated { amount }
  available { amount } program { key } allocations { edges { node { key partner { key } } } } } } } }"""
NORTHWIND = """query($id: ID!) { partner(id: $id) { fundAllocations { edges { node { key amount { amount currency }
  passedDown { amount } committed { amount } available { amount } budget { key } parent { key }
  allocations { edges { node { key partner { key } } } } requests { edges { node { key } } } } } } } }"""
ALLOCATION = """query($id: ID!) { fundAllocation(id: $id) { parent { key } allocations { edges { node { key
  partner { key } requests { edges { node { key status } } } } } } } }"""
REQUEST = """query($id: ID!) { fundRequest(id: $id) { key status requestedAmount { amount } approvedAmount { amount }
  claimBy claims { edges { node { key status amount { amount } paymentReference
    proofs { name contentType size checksum } } } } } }"""


def nodes(connection: dict) -> list[dict]:
    return [edge["node"] for edge in connection["edges"]]
REQUESTS = """{ fundRequests(first: 50) { edges { node { key status partner { key } submittedBy { key } } } } }"""


async def test_budgets_with_what_is_drawn_from_them(gql):
    data = await gql.data(BUDGETS)
    budgets = {e["node"]["key"]: e["node"] for e in data["mdfBudgets"]["edges"]}
    usd = budgets["mdfb-demo-reseller-h2"]
    assert usd["amount"] == {"amount": 20000000, "currency": "USD"}
    assert usd["allocated"] == {"amount": 8000000} and usd["available"] == {"amount": 12000000}
    assert usd["program"] == {"key": "prog-reseller"}
    assert nodes(usd["allocations"]) == [{"key": "fa-demo-northwind", "partner": {"key": "p-northwind"}}]
    assert budgets["mdfb-demo-reseller-eu-h2"]["available"] == {"amount": 3000000}


async def test_an_allocation_passed_down_the_hierarchy(gql):
    data = await gql.data(NORTHWIND, variables={"id": global_id("Partner", "p-northwind")})
    (northwind,) = nodes(data["partner"]["fundAllocations"])
    assert northwind["amount"] == {"amount": 8000000, "currency": "USD"}
    # 3,000,000 to Contoso and 1,500,000 to Proseware; 1,200,000 approved for the webinars (of 1,500,000 asked).
    assert northwind["passedDown"] == {"amount": 4500000}
    assert northwind["committed"] == {"amount": 1200000}
    assert northwind["available"] == {"amount": 2300000}
    assert northwind["budget"] == {"key": "mdfb-demo-reseller-h2"} and northwind["parent"] is None
    assert [a["key"] for a in nodes(northwind["allocations"])] == ["fa-demo-contoso", "fa-demo-proseware"]
    assert nodes(northwind["requests"]) == [{"key": "fr-demo-northwind-webinar"}]
    data = await gql.data(ALLOCATION, variables={"id": global_id("FundAllocation", "fa-demo-contoso")})
    contoso = data["fundAllocation"]
    assert contoso["parent"] == {"key": "fa-demo-northwind"}
    (fabrikam,) = nodes(contoso["allocations"])
    assert (fabrikam["key"], fabrikam["partner"]) == ("fa-demo-fabrikam", {"key": "p-fabrikam"})
    assert nodes(fabrikam["requests"]) == [{"key": "fr-demo-fabrikam-content", "status": "APPROVED"},
                                           {"key": "fr-demo-fabrikam-mail", "status": "REJECTED"}]


async def test_a_request_with_its_claims(gql):
    data = await gql.data(REQUEST, variables={"id": global_id("FundRequest", "fr-demo-northwind-webinar")})
    webinar = data["fundRequest"]
    assert webinar["approvedAmount"] == {"amount": 1200000} and webinar["requestedAmount"] == {"amount": 1500000}
    assert webinar["claimBy"] == "2026-10-30"  # 31 August + 60 days
    (claim,) = nodes(webinar["claims"])
    assert claim["status"] == "PAID" and claim["paymentReference"] == "PAY-2026-0917"
    assert [(p["name"], p["contentType"]) for p in claim["proofs"]] == [
        ("webinar-invoices.pdf", "application/pdf"), ("attendee-list.csv", "text/csv")]


@pytest.mark.parametrize(("persona", "expected"), [
    ("enterprise-admin", {"fr-demo-contoso-ads", "fr-demo-contoso-event", "fr-demo-eurolink-tradeshow",
                          "fr-demo-fabrikam-content", "fr-demo-fabrikam-mail", "fr-demo-northwind-webinar",
                          "fr-demo-proseware-training", "fr-demo-tailspin-meetup"}),
    ("enterprise-executive", {"fr-demo-contoso-ads", "fr-demo-contoso-event", "fr-demo-eurolink-tradeshow",
                              "fr-demo-fabrikam-content", "fr-demo-fabrikam-mail", "fr-demo-northwind-webinar",
                              "fr-demo-proseware-training", "fr-demo-tailspin-meetup"}),
    # Rita manages Northwind (and OEM Tech): Northwind's subtree, not Eurolink.
    ("relationship-manager", {"fr-demo-contoso-ads", "fr-demo-contoso-event", "fr-demo-fabrikam-content",
                              "fr-demo-fabrikam-mail", "fr-demo-northwind-webinar", "fr-demo-proseware-training",
                              "fr-demo-tailspin-meetup"}),
    ("partner-agent", set()),
    # Carla admins Contoso: Contoso's and those below it.
    ("partner-admin", {"fr-demo-contoso-ads", "fr-demo-contoso-event", "fr-demo-fabrikam-content",
                       "fr-demo-fabrikam-mail", "fr-demo-tailspin-meetup"}),
    ("partner-manager", {"fr-demo-fabrikam-content", "fr-demo-fabrikam-mail", "fr-demo-tailspin-meetup"}),
    # Tina is an associate at Tailspin: the request she submitted.
    ("partner-associate", {"fr-demo-tailspin-meetup"}),
])
async def test_who_sees_which_fund_requests(gql, persona, expected):
    data = await gql.data(REQUESTS, persona=persona)
    assert {e["node"]["key"] for e in data["fundRequests"]["edges"]} == expected


@pytest.mark.parametrize(("persona", "budgets"), [
    ("enterprise-admin", 2), ("enterprise-executive", 2), ("relationship-manager", 2), ("partner-agent", 0),
    ("partner-admin", 0), ("partner-manager", 0), ("partner-associate", 0)])
async def test_who_sees_budgets(gql, persona, budgets):
    data = await gql.data("{ mdfBudgets { edges { node { key } } } }", persona=persona)
    assert len(data["mdfBudgets"]["edges"]) == budgets
