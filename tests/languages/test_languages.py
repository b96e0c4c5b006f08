"""Languages (docs/LANGUAGES.md): names and descriptions of programs, segments, products and case categories read in
the request's language (the `@locale` directive, else Accept-Language, else the viewer's partner's, else the
enterprise's preferred language, else the default), falling back to the graph's own name; one statement either
way, and the compiled statement and the resolvers agree (the suite runs in verify mode)."""

from __future__ import annotations

from tests.conftest import global_id
from tests.languages.conftest import in_language

RESELLER = global_id("Program", "prog-reseller")
PROGRAM = """query($id: ID!) { program(id: $id) { name description segments { name rank }
  translations { locale name } } }"""
CATALOG = """query($id: ID!) { dealRegistration(id: $id) { lines { product { name description } } } }"""
CASE = """query($id: ID!) { case(id: $id) { category categoryDetails { code name description } } }"""


async def test_accept_language_picks_german_names(gql):
    data = await in_language(gql, PROGRAM, "de-CH, en;q=0.5", variables={"id": RESELLER})
    program = data["program"]
    assert program["name"] == "Wiederverkäufer-Programm"
    assert program["description"] == "Für Wiederverkäufer, die unsere Produkte an Endkunden verkaufen."
    assert [s["name"] for s in program["segments"]] == ["Platin", "Gold", "Silber", "Bronze"]
    assert {t["locale"]: t["name"] for t in program["translations"]} == {
        "de": "Wiederverkäufer-Programm", "fr": "Programme revendeurs"}


async def test_without_a_language_the_graph_names_are_read(gql):
    program = (await in_language(gql, PROGRAM, None, variables={"id": RESELLER}))["program"]
    assert program["name"] == "Reseller Program"
    assert [s["name"] for s in program["segments"]] == ["Platinum", "Gold", "Silver", "Bronze"]


async def test_the_locale_directive_overrides_the_header(gql):
    query = PROGRAM.replace("query($id: ID!)", 'query($id: ID!) @locale(code: "fr")')
    program = (await in_language(gql, query, "de", variables={"id": RESELLER}))["program"]
    assert program["name"] == "Programme revendeurs"
    assert [s["name"] for s in program["segments"]] == ["Platine", "Or", "Argent", "Bronze"]
    by_variable = PROGRAM.replace("query($id: ID!)", "query($id: ID!, $lang: String!) @locale(code: $lang)")
    data = await in_language(gql, by_variable, "fr", variables={"id": RESELLER, "lang": "de"})
    assert data["program"]["name"] == "Wiederverkäufer-Programm"


async def test_an_unsupported_language_falls_back(gql):
    assert (await in_language(gql, PROGRAM, "ja, zh;q=0.9", variables={"id": RESELLER}))["program"]["name"] == \
        "Reseller Program"
    query = PROGRAM.replace("query($id: ID!)", 'query($id: ID!) @locale(code: "pt-BR")')
    assert (await in_language(gql, query, "de", variables={"id": RESELLER}))["program"]["name"] == \
        "Wiederverkäufer-Programm"  # the directive names no supported locale: the header's next
    assert (await in_language(gql, "{ languages { current default supported { code name } } }", "ja"))[
        "languages"] == {"current": "en", "default": "en", "supported": [
            {"code": "en", "name": "English"}, {"code": "de", "name": "Deutsch"}, {"code": "fr", "name": "français"}]}


async def test_a_missing_translation_falls_back_to_the_default(gql):
    training = (await in_language(gql, PROGRAM, "de", variables={"id": global_id("Program", "prog-training")}))
    assert training["program"]["name"] == "Programm für autorisierte Schulungen"
    assert training["program"]["description"] == "For training centres certified to teach our products."
    ordering = await in_language(gql, CASE, "fr", variables={"id": global_id("Case", "case-demo-4")})
    assert ordering["case"] == {"category": "ORDERING", "categoryDetails": {
        "code": "ORDERING", "name": "Ordering", "description": "Quotes and orders: prices, currencies, fulfilment."}}


async def test_case_categories_in_german(gql):
    case = await in_language(gql, CASE, "de", variables={"id": global_id("Case", "case-demo-1")})
    assert case["case"] == {"category": "LICENSING", "categoryDetails": {
        "code": "LICENSING", "name": "Lizenzierung", "description": "Lizenzschlüssel, Aktivierung und Berechtigungen."}}
    categories = (await in_language(gql, "{ caseCategories { code name } }", "de"))["caseCategories"]
    assert {"code": "TECHNICAL", "name": "Technisches Problem"} in categories
    assert {"code": "TRAINING", "name": "Training"} in categories  # untranslated: the default


async def test_products_read_in_the_viewers_partners_language_without_a_header(gql):
    deal = global_id("DealRegistration", "dr-demo-lyon-rejected")
    lyon = await in_language(gql, CATALOG, None, person="p-lyon-admin", variables={"id": deal})
    assert [line["product"]["name"] for line in lyon["dealRegistration"]["lines"]] == ["CRM Cloud"]  # French
    asked = await in_language(gql, CATALOG, "de", person="p-lyon-admin", variables={"id": deal})
    assert [line["product"]["name"] for line in asked["dealRegistration"]["lines"]] == ["CRM-Cloud"]
    assert (await in_language(gql, """{ languages { current } viewer { organization { ... on Partner {
        preferredLanguage } } } }""", None, person="p-lyon-admin")) == {
        "languages": {"current": "fr"}, "viewer": {"organization": {"preferredLanguage": "fr"}}}


async def test_the_enterprise_language_applies_to_staff_and_partners_without_one(gql, enterprise_language):
    set_language = 'mutation($l: String) { setEnterpriseLanguage(language: $l) { languages { enterpriseLanguage } ' \
                   'errors { code } } }'
    payload = (await gql.data(set_language, variables={"l": "de"}))["setEnterpriseLanguage"]
    assert payload == {"languages": {"enterpriseLanguage": "de"}, "errors": []}
    for persona in ("enterprise-executive", "partner-admin"):
        program = (await in_language(gql, PROGRAM, None, persona=persona, variables={"id": RESELLER}))["program"]
        assert program["name"] == "Wiederverkäufer-Programm", persona
    lyon = await in_language(gql, "{ languages { current } }", None, person="p-lyon-admin")
    assert lyon == {"languages": {"current": "fr"}}  # the partner's own comes first
    await gql.data(set_language, variables={"l": None})
    program = (await in_language(gql, PROGRAM, None, persona="partner-admin", variables={"id": RESELLER}))["program"]
    assert program["name"] == "Reseller Program"


async def test_a_translated_tree_costs_the_round_trips_it_did(both):
    """Names in French cost what names in the default did: one statement compiled; on the resolvers' path one round
    trip per relation field per level (the viewer, programs, segments, and each level's translations)."""
    tree = """{ programs(first: 10) { edges { node { name description segments { name description
      translations { locale name } } translations { locale name description } } } } }"""
    answers = {}
    for gateway in both:
        for language in (None, "fr"):
            status, body = await gateway.post(tree, headers={"accept-language": language} if language else None)
            assert status == 200 and "errors" not in body, body
            answers[gateway.settings.compiled_reads, language] = body
    for language in (None, "fr"):
        compiled, resolved = answers[True, language], answers[False, language]
        assert compiled["data"] == resolved["data"]
        assert compiled["extensions"]["cypher"]["compiled"] is True
        assert compiled["extensions"]["cypher"]["roundTrips"] == 2
        assert resolved["extensions"]["cypher"]["roundTrips"] == 5
    names = [e["node"]["name"] for e in answers[True, "fr"]["data"]["programs"]["edges"]]
    assert "Programme revendeurs" in names and "Programme éditeurs" in names
    assert answers[True, None]["data"] != answers[True, "fr"]["data"]
