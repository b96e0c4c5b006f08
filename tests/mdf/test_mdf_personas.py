"""Every MDF mutation and read for every persona: who may call each mutation at all (a refused persona gets FORBIDDEN
and nothing runs), and what each persona reads of the demo's funds (cypher/demo/08_mdf.cypher)."""

from __future__ import annotations

import pytest

from tests.conftest import DEMO_PEOPLE, global_id

NO_BUDGET = global_id("MdfBudget", "no-such-budget")
NO_ALLOCATION = global_id("FundAllocation", "no-such-allocation")
NO_REQUEST = global_id("FundRequest", "no-such-request")
NO_CLAIM = global_id("FundClaim", "no-such-claim")
PROOF = {"name": "a.pdf", "contentType": "application/pdf", "size": 1, "checksum": "sha256:" + "0" * 64,
         "storageRef": "ref"}

# Each against something that does not exist: a persona allowed to call it gets NOT_FOUND, and nothing is written.
MUTATIONS = {
    "createMdfBudget": ("mutation($v: CreateMdfBudgetInput!) { createMdfBudget(budget: $v) { errors { code } } }",
                        {"v": {"program": global_id("Program", "no-such-program"), "name": "matrix",
                               "fiscalPeriod": "FY2027", "startDate": "2027-01-01", "endDate": "2027-12-31",
                               "currency": "USD", "amount": 1}}),
    "updateMdfBudget": ("mutation($v: ID!) { updateMdfBudget(budget: $v, amount: 5) { errors { code } } }",
                        {"v": NO_BUDGET}),
    "allocateFunds": ("mutation($v: AllocateFundsInput!) { allocateFunds(allocation: $v) { errors { code } } }",
                      {"v": {"source": NO_ALLOCATION, "partner": global_id("Partner", "p-tailspin"), "amount": 1}}),
    "submitFundRequest": (
        "mutation($v: SubmitFundRequestInput!) { submitFundRequest(request: $v) { errors { code } } }",
        {"v": {"allocation": NO_ALLOCATION, "name": "matrix", "activityType": "OTHER", "description": "m",
               "startDate": "2027-01-01", "endDate": "2027-01-02", "amount": 1, "currency": "USD"}}),
    "decideFundRequest": (
        "mutation($v: ID!) { decideFundRequest(request: $v, decision: APPROVED) { errors { code } } }",
        {"v": NO_REQUEST}),
    "cancelFundRequest": ("mutation($v: ID!) { cancelFundRequest(request: $v) { errors { code } } }",
                          {"v": NO_REQUEST}),
    "submitFundClaim": ("mutation($v: SubmitFundClaimInput!) { submitFundClaim(claim: $v) { errors { code } } }",
                        {"v": {"request": NO_REQUEST, "amount": 1, "proofs": [PROOF]}}),
    "decideFundClaim": ("mutation($v: ID!) { decideFundClaim(claim: $v, decision: APPROVED) { errors { code } } }",
                        {"v": NO_CLAIM}),
    "payFundClaim": ('mutation($v: ID!) { payFundClaim(claim: $v, paymentReference: "P") { errors { code } } }',
                     {"v": NO_CLAIM}),
}

PARTNER_STAFF = {"partner-admin", "partner-manager", "partner-associate"}
APPROVERS = {"enterprise-admin", "relationship-manager"}  # relationship managers: PARTNERGRAPH_..._APPROVE_FUNDS on
ALLOWED = {
    "createMdfBudget": {"enterprise-admin"},
    "updateMdfBudget": {"enterprise-admin"},
    "allocateFunds": {"enterprise-admin", "partner-admin"},
    "submitFundRequest": PARTNER_STAFF,
    "decideFundRequest": APPROVERS,
    "cancelFundRequest": PARTNER_STAFF | {"enterprise-admin"},
    "submitFundClaim": PARTNER_STAFF,
    "decideFundClaim": APPROVERS,
    "payFundClaim": {"enterprise-admin"},
}


@pytest.mark.parametrize("persona", sorted(DEMO_PEOPLE))
@pytest.mark.parametrize("mutation", sorted(ALLOWED))
async def test_who_may_call_each_mdf_mutation(gql, persona, mutation):
    query, variables = MUTATIONS[mutation]
    data = await gql.data(query, persona=persona, variables=variables)
    errors = next(iter(data.values()))["errors"]
    expected = [{"code": "NOT_FOUND"}] if persona in ALLOWED[mutation] else [{"code": "FORBIDDEN"}]
    assert errors == expected, (persona, mutation)


ALLOCATIONS = ["fa-demo-northwind", "fa-demo-contoso", "fa-demo-proseware", "fa-demo-fabrikam", "fa-demo-tailspin",
               "fa-demo-eurolink"]
CLAIMS = ["fc-demo-northwind-webinar", "fc-demo-contoso-event", "fc-demo-fabrikam-content-1",
          "fc-demo-fabrikam-content-2"]
NORTHWIND_TREE = {"fa-demo-northwind", "fa-demo-contoso", "fa-demo-proseware", "fa-demo-fabrikam", "fa-demo-tailspin"}
SEES = {
    "enterprise-admin": (set(ALLOCATIONS), set(CLAIMS), True),
    "enterprise-executive": (set(ALLOCATIONS), set(CLAIMS), True),
    "relationship-manager": (NORTHWIND_TREE, set(CLAIMS), True),  # Rita manages Northwind
    "partner-agent": (set(), set(), False),
    "partner-admin": ({"fa-demo-contoso", "fa-demo-fabrikam", "fa-demo-tailspin"},  # Contoso and below
                      {"fc-demo-contoso-event", "fc-demo-fabrikam-content-1", "fc-demo-fabrikam-content-2"}, False),
    "partner-manager": ({"fa-demo-fabrikam", "fa-demo-tailspin"},  # Fabrikam and below
                        {"fc-demo-fabrikam-content-1", "fc-demo-fabrikam-content-2"}, False),
    "partner-associate": ({"fa-demo-tailspin"}, set(), False),  # Tailspin's; claims of requests she submitted: none
}


@pytest.mark.parametrize("persona", sorted(SEES))
async def test_what_each_persona_reads_by_id(gql, persona):
    allocations, claims, budgets = SEES[persona]
    aliases = [f'a{n}: fundAllocation(id: "{global_id("FundAllocation", key)}") {{ key }}'
               for n, key in enumerate(ALLOCATIONS)]
    aliases += [f'c{n}: fundClaim(id: "{global_id("FundClaim", key)}") {{ key }}' for n, key in enumerate(CLAIMS)]
    aliases.append(f'b: mdfBudget(id: "{global_id("MdfBudget", "mdfb-demo-reseller-h2")}") {{ key }}')
    aliases.append(f'n: node(id: "{global_id("FundAllocation", "fa-demo-tailspin")}") {{ id }}')
    data = await gql.data("{ " + " ".join(aliases) + " }", persona=persona)
    assert {v["key"] for k, v in data.items() if k.startswith("a") and v} == allocations
    assert {v["key"] for k, v in data.items() if k.startswith("c") and v} == claims
    assert (data["b"] is not None) is budgets
    assert (data["n"] is not None) is ("fa-demo-tailspin" in allocations)


@pytest.mark.parametrize("persona", sorted(SEES))
async def test_what_each_persona_reads_of_a_partner(gql, persona):
    """Through the partner: Fabrikam's allocations and requests, for whoever sees Fabrikam."""
    data = await gql.data("""query($id: ID!) { partner(id: $id) { fundAllocations { edges { node { key } } }
      fundRequests { edges { node { key } } } } }""", persona=persona,
                          variables={"id": global_id("Partner", "p-fabrikam")})
    partner = data["partner"]
    if persona == "partner-associate":  # Tina sees her own organization only, not Fabrikam above it
        assert partner is None
        return
    allocations = SEES[persona][0] & {"fa-demo-fabrikam"}
    assert {e["node"]["key"] for e in partner["fundAllocations"]["edges"]} == allocations
    requests = {e["node"]["key"] for e in partner["fundRequests"]["edges"]}
    assert requests == ({"fr-demo-fabrikam-content", "fr-demo-fabrikam-mail"} if allocations else set())
