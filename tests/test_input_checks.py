"""Input checks shared by every mutation (resolvers/shared/checks.py): control characters in text inputs
and ISO codes for currencies and countries, each refused as VALIDATION naming the input, with nothing written;
and currency arguments of reads (Partner 360, leaderboards, Money.in)."""

from __future__ import annotations

import uuid

import pytest

from graph.shared.errors import ErrorCode
from resolvers.shared.checks import Checks
from tests.conftest import global_id, remove_prefixed, write

FABRIKAM = global_id("Partner", "p-fabrikam")
CONTOSO = global_id("Partner", "p-contoso")
GLOBEX = global_id("Account", "acct-globex")
RESELLER = global_id("Program", "prog-reseller")
CHANNEL = global_id("InternalOrg", "io-channel")

CREATE_PARTNERS = """mutation($items: [CreatePartnerInput!]!) { createPartners(partners: $items) {
  partners { key name } errors { code message field } } }"""
CREATE_DEALS = """mutation($items: [CreateDealRegistrationInput!]!) { createDealRegistrations(registrations: $items) {
  registrations { key } errors { code message field } } }"""
CREATE_PROGRAMS = """mutation($items: [CreateProgramInput!]!) { createPrograms(programs: $items) {
  programs { key } errors { code message field } } }"""
CREATE_ACCOUNTS = """mutation($items: [CreateAccountInput!]!) { createAccounts(accounts: $items) {
  accounts { key } errors { code message field } } }"""
REGISTER_STAFF = """mutation($items: [RegisterStaffInput!]!) { registerStaff(staff: $items) {
  staff { key } errors { code message field } } }"""
OPEN_CASE = """mutation($c: OpenCaseInput!) { openCase(case: $c) { case { key } errors { code message field } } }"""
CASE_COMMENT = """mutation($id: ID!, $body: String!) { addCaseComment(case: $id, body: $body) {
  comment { body } errors { code message field } } }"""
UPDATE_PARTNER = """mutation($p: ID!, $country: String, $currency: String) {
  updatePartner(partner: $p, country: $country, currency: $currency) { partner { country currency }
  errors { code message field } } }"""
CREATE_QUOTE = ("mutation($q: CreateQuoteInput!) { createQuote(quote: $q) { quote { key } "
                "errors { code message field } } }")

# Refused in every text input: C0 and C1 controls (Unicode Cc), the bidi override and isolate controls
# (Unicode Cf, reordering how text displays).
REFUSED_EVERYWHERE = ["\x00", "\x07", "\x1b", "\x7f", "\x9b", "\u202e", "\u2066"]
# Refused in short text only (names, subjects, e-mails): line breaks and tabs.
REFUSED_IN_SHORT_TEXT = ["\n", "\r", "\t", "\u2028"]


@pytest.fixture
def prefix():
    return f"t-in-{uuid.uuid4().hex[:8]}"


@pytest.fixture
async def cleanup(session, prefix):
    yield
    await write(session, """MATCH (c:Case) WHERE c.id STARTS WITH $p
                            OPTIONAL MATCH (c)<-[:ON]-(cm:CaseComment) DETACH DELETE cm""", p=prefix)
    await write(session, """MATCH (prog:Program) WHERE prog.id STARTS WITH $p
                            OPTIONAL MATCH (prog)-[:HAS_SEGMENT]->(s:Segment) DETACH DELETE s""", p=prefix)
    await remove_prefixed(session, prefix)


async def _written(session, prefix: str) -> int:
    """Nodes of this test (ids starting with the prefix) and comments on its cases."""
    rows = await session.read_transaction(lambda tx: tx.run(
        """CALL () { MATCH (n) WHERE n.id STARTS WITH $p RETURN count(n) AS nodes }
           CALL () { MATCH (:Case)<-[:ON]-(cm:CaseComment) WHERE cm.body CONTAINS $p RETURN count(cm) AS comments }
           RETURN nodes + comments AS n""", p=prefix))
    return rows[0]["n"]


async def _open_case(gql, prefix: str) -> str:
    data = await gql.data(OPEN_CASE, persona="partner-admin", variables={"c": {
        "key": f"{prefix}-case", "partner": CONTOSO, "subject": "Licence keys"}})
    assert data["openCase"]["errors"] == []
    return global_id("Case", f"{prefix}-case")


def _deal(prefix: str, **fields) -> dict:
    return {"key": f"{prefix}-dr", "partner": FABRIKAM, "account": GLOBEX, "program": RESELLER,
            "name": f"Deal {prefix}", "estimatedAmount": 100000, "currency": "USD", **fields}


def _program(prefix: str, **fields) -> dict:
    return {"key": f"{prefix}-prog", "name": f"Program {prefix}", "kind": "REFERRAL", "internalOrg": CHANNEL,
            "startDate": "2026-01-01", "segments": [{"key": f"{prefix}-seg", "name": "Base", "rank": 1,
                                                     "isDefault": True}], **fields}


# (mutation, persona, the variables carrying `text`, the payload name, the field at fault)
TEXT_INPUTS = {
    "partner name": (CREATE_PARTNERS, "enterprise-admin",
                     lambda p, text: {"items": [{"key": f"{p}-p", "name": text, "type": "RESELLER"}]},
                     "createPartners", ["partners", "0", "name"]),
    "deal name": (CREATE_DEALS, "partner-manager", lambda p, text: {"items": [_deal(p, name=text)]},
                  "createDealRegistrations", ["registrations", "0", "name"]),
    "program name": (CREATE_PROGRAMS, "enterprise-admin", lambda p, text: {"items": [_program(p, name=text)]},
                     "createPrograms", ["programs", "0", "name"]),
    "account name": (CREATE_ACCOUNTS, "partner-admin",
                     lambda p, text: {"items": [{"key": f"{p}-a", "partner": CONTOSO, "name": text}]},
                     "createAccounts", ["accounts", "0", "name"]),
    "staff e-mail": (REGISTER_STAFF, "partner-admin",
                     lambda p, text: {"items": [{"key": f"{p}-s", "partner": CONTOSO, "name": "Sam Staff",
                                                 "email": f"sam{text}@{p}.example", "role": "ASSOCIATE"}]},
                     "registerStaff", ["staff", "0", "email"]),
    "case subject": (OPEN_CASE, "partner-admin",
                     lambda p, text: {"c": {"key": f"{p}-c2", "partner": CONTOSO, "subject": text}},
                     "openCase", ["subject"]),
}
LONG_TEXT_INPUTS = {
    "case comment body": (CASE_COMMENT, "partner-admin", None, "addCaseComment", ["body"]),
    "case description": (OPEN_CASE, "partner-admin",
                         lambda p, text: {"c": {"key": f"{p}-c2", "partner": CONTOSO, "subject": "Keys",
                                                "description": text}},
                         "openCase", ["description"]),
}


async def _refused(gql, session, prefix, spec, text) -> dict:
    query, persona, variables, payload_name, field = spec
    if variables is None:  # a comment on a case opened for the test
        case = await _open_case(gql, prefix)
        variables = lambda p, t: {"id": case, "body": t}  # noqa: E731
    before = await _written(session, prefix)
    payload = (await gql.data(query, persona=persona, variables=variables(prefix, f"{prefix}-A{text}B")))[payload_name]
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("VALIDATION", field)], payload
    assert await _written(session, prefix) == before
    return payload["errors"][0]


@pytest.mark.parametrize("char", REFUSED_EVERYWHERE + REFUSED_IN_SHORT_TEXT, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("what", TEXT_INPUTS)
async def test_control_characters_are_refused_in_short_text(gql, session, prefix, cleanup, what, char):
    error = await _refused(gql, session, prefix, TEXT_INPUTS[what], char)
    assert f"U+{ord(char):04X}" in error["message"]


@pytest.mark.parametrize("char", REFUSED_EVERYWHERE, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("what", LONG_TEXT_INPUTS)
async def test_control_characters_are_refused_in_long_text(gql, session, prefix, cleanup, what, char):
    await _refused(gql, session, prefix, LONG_TEXT_INPUTS[what], char)


async def test_long_text_keeps_line_breaks_and_tabs(gql, session, prefix, cleanup):
    case = await _open_case(gql, prefix)
    data = await gql.data(CASE_COMMENT, persona="partner-admin",
                          variables={"id": case, "body": f"{prefix} first line\r\n\tsecond line\nthird"})
    assert data["addCaseComment"]["errors"] == []
    # CRLF as sent by a browser's text area is kept as one line break.
    assert data["addCaseComment"]["comment"]["body"] == f"{prefix} first line\n\tsecond line\nthird"


async def test_other_format_characters_stay_allowed(gql, prefix, cleanup):
    """Zero-width joiners (emoji, scripts) and directional marks are part of real names."""
    name = "Dev\u200d\U0001f4bb Team \u200fשלום\u200e GmbH"
    data = await gql.data(CREATE_PARTNERS, variables={"items": [{"key": f"{prefix}-p", "name": name,
                                                                 "type": "RESELLER"}]})
    assert data["createPartners"] == {"partners": [{"key": f"{prefix}-p", "name": name}], "errors": []}


# --- ISO codes -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("currency", ["ZZZ", "zzz", "EURO", "US", ""])
async def test_deal_registration_currency_must_be_iso_4217(gql, session, prefix, cleanup, currency):
    payload = (await gql.data(CREATE_DEALS, persona="partner-manager",
                              variables={"items": [_deal(prefix, currency=currency)]}))["createDealRegistrations"]
    assert [(e["code"], e["field"], e["message"]) for e in payload["errors"]] == [
        ("VALIDATION", ["registrations", "0", "currency"], "not an ISO 4217 currency code")]
    assert await _written(session, prefix) == 0


async def test_a_lower_case_iso_currency_is_accepted(gql, prefix, cleanup):
    payload = (await gql.data(CREATE_DEALS, persona="partner-manager",
                              variables={"items": [_deal(prefix, currency="eur")]}))["createDealRegistrations"]
    assert payload == {"registrations": [{"key": f"{prefix}-dr"}], "errors": []}


async def test_quote_currency_must_be_iso_4217(gql):
    """Checked before the opportunity is looked up."""
    payload = (await gql.data(CREATE_QUOTE, persona="partner-manager", variables={"q": {
        "opportunity": global_id("Opportunity", "opp-none"), "currency": "ZZZ",
        "lines": [{"product": global_id("Product", "prod-erp"), "quantity": 1, "unitPrice": 100}]}}))["createQuote"]
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("VALIDATION", ["quote", "currency"])]


async def test_partner_and_account_codes_must_be_iso(gql, session, prefix, cleanup):
    created = (await gql.data(CREATE_PARTNERS, variables={"items": [
        {"key": f"{prefix}-p", "name": "Zed", "type": "RESELLER", "country": "ZZ", "currency": "ZZZ"},
        {"key": f"{prefix}-q", "name": "Uk", "type": "RESELLER", "country": "UK",
         "currency": "GBP"}]}))["createPartners"]
    assert [(e["field"], e["message"]) for e in created["errors"]] == [
        (["partners", "0", "country"], "not an ISO 3166-1 alpha-2 country code"),
        (["partners", "0", "currency"], "not an ISO 4217 currency code"),
        (["partners", "1", "country"], "not an ISO 3166-1 alpha-2 country code")]  # the code is GB
    accounts = (await gql.data(CREATE_ACCOUNTS, persona="partner-admin", variables={"items": [
        {"key": f"{prefix}-a", "partner": CONTOSO, "name": "Acme", "country": "XX"}]}))["createAccounts"]
    assert [(e["code"], e["field"]) for e in accounts["errors"]] == [("VALIDATION", ["accounts", "0", "country"])]
    assert await _written(session, prefix) == 0
    updated = (await gql.data(UPDATE_PARTNER, variables={"p": CONTOSO, "country": "ZZ", "currency": "ZZZ"}))
    assert [e["field"] for e in updated["updatePartner"]["errors"]] == [["country"], ["currency"]]
    now = await gql.data("query($p: ID!) { partner(id: $p) { country currency } }", variables={"p": CONTOSO})
    assert now["partner"] == {"country": "US", "currency": "USD"}


@pytest.mark.parametrize("query, target", [
    ('query($p: ID!) { partner(id: $p) { insights(currency: "ZZZ") { currency } } }', CONTOSO),
    ('query($p: ID!) { leaderboard(program: $p, metric: REVENUE, currency: "ZZZ") { edges { cursor } } }', RESELLER),
    ('query($p: ID!) { dealRegistration(id: $p) { estimatedAmount { in(currency: "ZZZ") { amount } } } }',
     global_id("DealRegistration", "dr-demo-fabrikam-submitted")),
], ids=["insights", "leaderboard", "Money.in"])
async def test_currency_arguments_of_reads_must_be_iso_4217(gql, query, target):
    status, body = await gql.post(query, variables={"p": target})
    [error] = body["errors"]
    assert error["extensions"]["code"] == "VALIDATION" and "ISO 4217" in error["message"], body


def test_a_lone_surrogate_is_refused():
    """JSON can carry one (\\ud800); it is not storable as UTF-8."""
    checks = Checks()
    assert checks.text("A\ud800B", ("name",)) is None
    assert [(e.code, e.field) for e in checks.errors] == [(ErrorCode.VALIDATION, ("name",))]
