"""Return on funds (docs/MDF.md, "Return on funds"): deal registrations name the fund request that generated them
(`createDealRegistrations(fundRequest:)`, checked in the write), and `FundRequest.returns` reads what the campaign
returned, against the demo's figures (cypher/demo/09_mdf_returns.cypher) worked out by hand."""

from __future__ import annotations

import pytest

from tests.change_log import last_seq, records_after
from tests.conftest import global_id, write
from tests.selling.test_selling_flow import CREATE, FABRIKAM, _cleanup, _deal, _key

WEBINAR = global_id("FundRequest", "fr-demo-northwind-webinar")
CONTENT = global_id("FundRequest", "fr-demo-fabrikam-content")
MEETUP = global_id("FundRequest", "fr-demo-tailspin-meetup")
CONTOSO = global_id("Partner", "p-contoso")
PROSEWARE = global_id("Partner", "p-proseware")
NORTHWIND_ADMIN = "p-northwind-admin"  # sees Northwind's whole subtree and its allocation
RETURNS = """query($id: ID!, $currency: String!) { fundRequest(id: $id) { key
  returns(currency: $currency) { registrations pipeline { amount currency } revenue { amount currency }
                                 spend { amount currency } roi } } }"""
REGISTRATION = """query($id: ID!) { dealRegistration(id: $id) { key fundRequest { key status } } }"""

# fr-demo-northwind-webinar generated three deals (09_mdf_returns.cypher over 02_selling.cypher):
#   dr-demo-contoso-initech      → opp-demo-initech-platform, PROPOSAL (open), 5,000,000,000 USD; no order
#   dr-demo-fabrikam-globex      → opp-demo-globex-erp, CLOSED_WON; ord-demo-globex FULFILLED:
#                                  2 × 1,200,000 = 2,400,000 − 5 % (120,000) = 2,280,000 USD
#   dr-demo-northwind-northstar  → opp-demo-northstar, CLOSED_LOST; no order
# pipeline 5,000,000,000; revenue 2,280,000; spend = the PAID claim fc-demo-northwind-webinar, 1,100,000 USD;
# roi = (2,280,000 − 1,100,000) / 1,100,000 = 1,180,000 / 1,100,000 = 1.0727…
WEBINAR_USD = {"registrations": 3, "pipeline": {"amount": 5000000000, "currency": "USD"},
               "revenue": {"amount": 2280000, "currency": "USD"}, "spend": {"amount": 1100000, "currency": "USD"},
               "roi": pytest.approx(1180000 / 1100000)}
# In EUR: the only rates are EUR→USD (1.05 then 1.08, the latest wins), so USD→EUR is 1 / 1.08, per amount,
# rounded half-even: 5,000,000,000 / 1.08 = 4,629,629,629.63 → 4,629,629,630; 2,280,000 / 1.08 = 2,111,111.11
# → 2,111,111; 1,100,000 / 1.08 = 1,018,518.52 → 1,018,519; roi = (2,111,111 − 1,018,519) / 1,018,519.
WEBINAR_EUR = {"registrations": 3, "pipeline": {"amount": 4629629630, "currency": "EUR"},
               "revenue": {"amount": 2111111, "currency": "EUR"}, "spend": {"amount": 1018519, "currency": "EUR"},
               "roi": pytest.approx((2111111 - 1018519) / 1018519)}
# fr-demo-fabrikam-content generated dr-demo-fabrikam-submitted (SUBMITTED: no opportunity yet); of its claims one
# was REJECTED and one APPROVED, none PAID: nothing spent, so no roi.
CONTENT_USD = {"registrations": 1, "pipeline": {"amount": 0, "currency": "USD"},
               "revenue": {"amount": 0, "currency": "USD"}, "spend": {"amount": 0, "currency": "USD"}, "roi": None}


async def _returns(gql, gid: str, currency: str = "USD", **kwargs) -> dict | None:
    data = await gql.data(RETURNS, variables={"id": gid, "currency": currency}, **kwargs)
    return data["fundRequest"] and data["fundRequest"]["returns"]


async def test_returns_of_the_demo_campaigns_worked_out_by_hand(gql):
    assert await _returns(gql, WEBINAR) == WEBINAR_USD
    assert await _returns(gql, CONTENT) == CONTENT_USD


async def test_returns_convert_each_amount_at_the_latest_rate(gql):
    assert await _returns(gql, WEBINAR, "EUR") == WEBINAR_EUR


async def test_money_without_a_rate_reads_null_and_so_does_roi(gql):
    # No JPY rate in the graph: every money figure is null (never a sum of what happened to convert), the count stays.
    assert await _returns(gql, WEBINAR, "JPY") == {"registrations": 3, "pipeline": None, "revenue": None,
                                                   "spend": None, "roi": None}


async def test_a_currency_that_is_no_iso_code_is_refused(gql):
    status, body = await gql.post(RETURNS, variables={"id": WEBINAR, "currency": "dollars"})
    assert body["errors"][0]["extensions"]["code"] == "VALIDATION"


@pytest.mark.parametrize(("persona", "webinar", "content"), [
    ("enterprise-admin", 3, 1), ("enterprise-executive", 3, 1),
    ("relationship-manager", 3, 1),  # Rita manages Northwind: its subtree's requests and deals
    ("partner-agent", None, None),  # no MDF at all
    ("partner-admin", None, 1),  # Carla (Contoso) does not see Northwind's allocation, sees Fabrikam's below her
    ("partner-manager", None, 1),
    ("partner-associate", None, None),  # Tina sees only the request she submitted
])
async def test_who_sees_which_returns(gql, persona, webinar, content):
    """`returns` is read on a request the viewer may see, and null with it otherwise (the returns statement checks
    fund_request_visible again, a second line the API cannot reach alone). Which deals count: the next test."""
    seen = await _returns(gql, WEBINAR, persona=persona)
    assert (seen and seen["registrations"]) == webinar
    seen = await _returns(gql, CONTENT, persona=persona)
    assert (seen and seen["registrations"]) == content


@pytest.fixture
async def prefix(session):
    value = _key("t-roi")
    yield value
    await _cleanup(session, value)


async def test_returns_count_only_the_deals_the_viewer_may_see(gql, session, prefix):
    # Two Tailspin deals from Tina's meetup request: one she submitted, one her manager did. She sees the request
    # (she submitted it) but, as an associate, only her own deal; Frank, Fabrikam's manager above her, sees both.
    await write(session, """MATCH (p:Partner {id: 'p-tailspin'}), (a:Account {id: 'acct-acme'}),
                                  (prog:Program {id: 'prog-reseller'}), (fr:FundRequest {id: 'fr-demo-tailspin-meetup'})
                            UNWIND $rows AS row
                            MATCH (by:Person {id: row[1]})
                            CREATE (dr:DealRegistration {id: row[0], name: row[0], status: 'DRAFT', estimatedAmount: 1,
                                                         currency: 'USD', version: 0})
                            CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog),
                                   (dr)-[:SUBMITTED_BY]->(by), (dr)-[:INFLUENCED_BY]->(fr)""",
                rows=[[f"{prefix}-tina", "demo-partner-associate"], [f"{prefix}-frank", "demo-partner-manager"]])
    assert (await _returns(gql, MEETUP, persona="partner-associate"))["registrations"] == 1
    assert (await _returns(gql, MEETUP, persona="partner-manager"))["registrations"] == 2
    assert (await _returns(gql, MEETUP))["registrations"] == 2


async def _stored(session, key: str) -> list[str] | None:
    """The fund requests a stored registration names; None when it was not written."""
    rows = await session.read_transaction(lambda tx: tx.run(
        """MATCH (dr:DealRegistration {id: $id})
           RETURN COLLECT { MATCH (dr)-[:INFLUENCED_BY]->(fr:FundRequest) RETURN fr.id } AS requests""", id=key))
    return rows[0]["requests"] if rows else None


async def test_a_registration_names_the_campaign_that_generated_it(gql, session, prefix):
    seq = await last_seq(session)
    key = f"{prefix}-ok"
    # Fabrikam registers a deal from Northwind's webinars: Northwind is above Fabrikam (Northwind → Contoso → Fabrikam).
    data = await gql.data(CREATE, person=NORTHWIND_ADMIN, variables={"r": [_deal(key, fundRequest=WEBINAR)]})
    assert data["createDealRegistrations"]["errors"] == []
    (reg,) = data["createDealRegistrations"]["registrations"]
    assert await _stored(session, key) == ["fr-demo-northwind-webinar"]
    read = await gql.data(REGISTRATION, variables={"id": reg["id"]})
    assert read["dealRegistration"]["fundRequest"] == {"key": "fr-demo-northwind-webinar", "status": "APPROVED"}
    # Fabrikam's manager does not see Northwind's request: the registration reads it as null.
    read = await gql.data(REGISTRATION, persona="partner-manager", variables={"id": reg["id"]})
    assert read["dealRegistration"] == {"key": key, "fundRequest": None}
    (created,) = [r for r in await records_after(session, seq) if r["entityId"] == key]
    # The change log's CREATED record carries the new relationship field (graph/shared/changes.py).
    assert {"field": "fundRequest", "old": None, "new": "fr-demo-northwind-webinar"} in created["fields"]
    assert (await _returns(gql, WEBINAR))["registrations"] == 4


@pytest.mark.parametrize(("name", "fund_request", "partner", "person", "code"), [
    ("unknown", global_id("FundRequest", "fr-no-such-request"), FABRIKAM, "demo-partner-manager", "NOT_FOUND"),
    # Frank (Fabrikam) may not see Northwind's allocation: out of scope reads as missing.
    ("invisible", WEBINAR, FABRIKAM, "demo-partner-manager", "NOT_FOUND"),
    ("not approved", global_id("FundRequest", "fr-demo-contoso-ads"), CONTOSO, "demo-partner-admin", "VALIDATION"),
    ("cancelled", global_id("FundRequest", "fr-demo-proseware-training"), PROSEWARE, NORTHWIND_ADMIN, "VALIDATION"),
    # Fabrikam's request funds Fabrikam (and those below it), not Proseware on another branch under Northwind.
    ("foreign", CONTENT, PROSEWARE, NORTHWIND_ADMIN, "VALIDATION"),
    # Nor Fabrikam's parent Contoso.
    ("above", CONTENT, CONTOSO, "demo-partner-admin", "VALIDATION"),
])
async def test_a_campaign_that_cannot_have_generated_the_deal_is_refused(gql, session, prefix, name, fund_request,
                                                                        partner, person, code):
    good, bad = f"{prefix}-good", f"{prefix}-bad"
    # A batch with one bad item writes nothing.
    data = await gql.data(CREATE, person=person, variables={"r": [
        _deal(good, fundRequest=CONTENT), _deal(bad, partner=partner, fundRequest=fund_request)]})
    payload = data["createDealRegistrations"]
    assert payload["registrations"] == []
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        (code, ["registrations", "1", "fundRequest"])], name
    assert await _stored(session, good) is None and await _stored(session, bad) is None


async def test_a_global_id_of_another_type_is_refused(gql, session, prefix):
    data = await gql.data(CREATE, persona="partner-manager",
                          variables={"r": [_deal(f"{prefix}-x", fundRequest=FABRIKAM)]})
    assert [e["code"] for e in data["createDealRegistrations"]["errors"]] == ["VALIDATION"]
    assert await _stored(session, f"{prefix}-x") is None


NESTED = """query($id: ID!) { partner(id: $id) { fundRequests(first: 20) { edges { node {
  returns { revenue { amount } } } } } } }"""


async def test_returns_of_many_requests_cost_a_fixed_number_of_round_trips(gql):
    # Contoso's own allocation has 2 requests, Tailspin's 1: the same round trips whatever the number of requests.
    wide = await gql.round_trips(NESTED, variables={"id": CONTOSO})
    narrow = await gql.round_trips(NESTED, variables={"id": global_id("Partner", "p-tailspin")})
    counts = await gql.data(NESTED, variables={"id": CONTOSO})
    assert len(counts["partner"]["fundRequests"]["edges"]) == 2
    assert wide == narrow == ROUND_TRIPS


ROUND_TRIPS = 4  # viewer, partner → fundRequests (one statement), the requests by key, their returns


MDF_360 = """query($id: ID!, $subtree: Boolean!, $currency: String!) { partner(id: $id) {
  insights(includeSubtree: $subtree, currency: $currency) { partnersCounted
    mdf { currency allocated committed claimed paid influencedRevenue roi unconvertedCount } } } }"""


async def _mdf(gql, partner: str, subtree: bool, currency: str = "USD", **kwargs) -> dict | None:
    data = await gql.data(MDF_360, variables={"id": global_id("Partner", partner), "subtree": subtree,
                                              "currency": currency}, **kwargs)
    return data["partner"] and data["partner"]["insights"]["mdf"]


# Northwind alone: its allocation fa-demo-northwind 8,000,000; its APPROVED webinar request 1,200,000 committed;
# the webinar's PAID claim 1,100,000 (claimed and paid); the webinar's deals' orders: ord-demo-globex 2,280,000;
# roi = (2,280,000 − 1,100,000) / 1,100,000.
NORTHWIND_ALONE = {"currency": "USD", "allocated": 8000000, "committed": 1200000, "claimed": 1100000,
                   "paid": 1100000, "influencedRevenue": 2280000, "roi": pytest.approx(1180000 / 1100000),
                   "unconvertedCount": 0}
# Northwind's subtree (Northwind, Contoso, Proseware, Fabrikam, Tailspin): allocated stays 8,000,000 (Contoso's
# 3,000,000, Proseware's 1,500,000, Fabrikam's 1,000,000, Tailspin's 200,000 were passed down from Northwind's, not
# new money); committed = webinar 1,200,000 + Contoso event 800,000 + Fabrikam content 250,000 = 2,250,000 (Contoso
# ads and Tailspin meetup SUBMITTED, Fabrikam mail REJECTED, Proseware training CANCELLED); claimed = webinar PAID
# 1,100,000 + Contoso event SUBMITTED 750,000 + Fabrikam content APPROVED 200,000 = 2,050,000 (its REJECTED
# 250,000 is not live); paid 1,100,000; influenced revenue 2,280,000 (Fabrikam content's deal has no order yet).
NORTHWIND_SUBTREE = {**NORTHWIND_ALONE, "committed": 2250000, "claimed": 2050000}
# Contoso's subtree as Carla (Contoso's admin) sees it: Contoso's 3,000,000 (drawn from Northwind's, outside the
# subtree); committed 800,000 + 250,000; claimed 750,000 + 200,000; nothing paid, no order: no roi.
CONTOSO_SUBTREE = {"currency": "USD", "allocated": 3000000, "committed": 1050000, "claimed": 950000, "paid": 0,
                   "influencedRevenue": 0, "roi": None, "unconvertedCount": 0}
# Eurolink's EUR allocation 2,000,000 and approved trade show 1,000,000 in USD at EUR→USD 1.08 (the latest):
# 2,160,000 and 1,080,000.
EUROLINK_USD = {"currency": "USD", "allocated": 2160000, "committed": 1080000, "claimed": 0, "paid": 0,
                "influencedRevenue": 0, "roi": None, "unconvertedCount": 0}


async def test_partner_360_mdf_of_a_partner_and_its_subtree(gql):
    assert await _mdf(gql, "p-northwind", False) == NORTHWIND_ALONE
    assert await _mdf(gql, "p-northwind", True) == NORTHWIND_SUBTREE
    assert await _mdf(gql, "p-eurolink", False) == EUROLINK_USD
    # No JPY rate: every amount is left out and counted.
    jpy = await _mdf(gql, "p-northwind", False, "JPY")
    assert (jpy["allocated"], jpy["paid"], jpy["roi"], jpy["unconvertedCount"]) == (0, 0, None, 4)


async def test_partner_360_mdf_counts_what_the_viewer_may_see(gql):
    assert await _mdf(gql, "p-contoso", True, persona="partner-admin") == CONTOSO_SUBTREE
    assert await _mdf(gql, "p-northwind", True, persona="relationship-manager") == NORTHWIND_SUBTREE
    agent = await _mdf(gql, "p-northwind", True, persona="partner-agent")
    assert agent == {"currency": "USD", "allocated": 0, "committed": 0, "claimed": 0, "paid": 0,
                     "influencedRevenue": 0, "roi": None, "unconvertedCount": 0}
    # Tina (Tailspin associate) sees Tailspin's allocation, and of its requests only hers (SUBMITTED: nothing
    # committed).
    tina = await _mdf(gql, "p-tailspin", True, persona="partner-associate")
    assert (tina["allocated"], tina["committed"], tina["claimed"]) == (200000, 0, 0)
