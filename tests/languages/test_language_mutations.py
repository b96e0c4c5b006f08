"""Language mutations per persona (docs/LANGUAGES.md): translations by enterprise admins, a partner's language by
the enterprise admin or the partner's own admin, the enterprise's by enterprise admins; FORBIDDEN and VALIDATION
write nothing; error messages in the request's language, their codes unchanged."""

from __future__ import annotations

import pytest

from tests.conftest import DEMO_PEOPLE, global_id, write

SET = """mutation($s: ID!, $l: String!, $n: String!, $d: String) { setTranslation(subject: $s, locale: $l, name: $n,
  description: $d) { translations { locale name description } errors { code message field } } }"""
REMOVE = """mutation($s: ID!, $l: String!) { removeTranslation(subject: $s, locale: $l) {
  translations { locale name } errors { code message field } } }"""
PARTNER = """mutation($p: ID!, $l: String) { setPartnerLanguage(partner: $p, language: $l) {
  partner { key preferredLanguage } errors { code message field } } }"""
ENTERPRISE = """mutation($l: String) { setEnterpriseLanguage(language: $l) { languages { enterpriseLanguage }
  errors { code message field } } }"""
ANALYTICS = global_id("Product", "prod-analytics")


async def _translations(session, product: str = "prod-analytics") -> list[dict]:
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (:Product {id: $id})-[:TRANSLATED_AS]->(t:Translation) RETURN t {.locale, .name, .description} AS t "
        "ORDER BY t.locale", id=product))
    return [row["t"] for row in rows]


@pytest.fixture
async def analytics(session):
    """prod-analytics' translations as the demo has them again after the test."""
    before = await _translations(session)
    yield
    await write(session, "MATCH (:Product {id: 'prod-analytics'})-[:TRANSLATED_AS]->(t) DETACH DELETE t")
    await write(session, """MATCH (p:Product {id: 'prod-analytics'}) UNWIND $ts AS t
                            CREATE (p)-[:TRANSLATED_AS]->(:Translation {key: 'Product/prod-analytics/' + t.locale,
                              locale: t.locale, name: t.name, description: t.description})""", ts=before)


async def _payload(gql, query, persona="enterprise-admin", language=None, **variables):
    status, body = await gql.post(query, persona=persona, variables=variables,
                                  headers={"accept-language": language} if language else None)
    assert status == 200 and "errors" not in body, body
    (payload,) = body["data"].values()
    return payload


async def test_an_enterprise_admin_sets_and_removes_a_translation(gql, session, analytics):
    payload = await _payload(gql, SET, s=ANALYTICS, l="de", n="Datenanalyse", d="Berichte und Dashboards.")
    assert payload["errors"] == []
    assert {t["locale"]: t["name"] for t in payload["translations"]} == {"de": "Datenanalyse", "fr": "Analytique"}
    name = await gql.data('query($id: ID!) @locale(code: "de") { node(id: $id) { ... on Product { name '
                          'description } } }', variables={"id": ANALYTICS})
    assert name["node"] == {"name": "Datenanalyse", "description": "Berichte und Dashboards."}
    payload = await _payload(gql, REMOVE, s=ANALYTICS, l="de")
    assert payload == {"translations": [{"locale": "fr", "name": "Analytique"}], "errors": []}
    name = await gql.data('query($id: ID!) @locale(code: "de") { node(id: $id) { ... on Product { name } } }',
                          variables={"id": ANALYTICS})
    assert name["node"] == {"name": "Analytics"}  # the default again
    assert (await _payload(gql, REMOVE, s=ANALYTICS, l="de"))["errors"] == []  # nothing to remove: no change


@pytest.mark.parametrize("persona", sorted(DEMO_PEOPLE))
async def test_only_enterprise_admins_translate(gql, session, analytics, persona):
    before = await _translations(session)
    payload = await _payload(gql, SET, persona=persona, s=ANALYTICS, l="de", n="Neu")
    if persona == "enterprise-admin":
        assert payload["errors"] == []
        return
    assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    assert payload["translations"] == []
    assert await _translations(session) == before


@pytest.mark.parametrize(("variables", "field", "message"), [
    ({"l": "ja", "n": "x"}, ["locale"], "not a supported locale; supported: en, de, fr"),
    ({"l": "en", "n": "x"}, ["locale"], "the default language is the record's own name and description; "
                                        "translate into another locale"),
    ({"l": "de", "n": "  "}, ["name"], "must not be blank"),
    ({"l": "de", "n": "x" * 201}, ["name"], "at most 200 characters"),
    ({"l": "de", "n": "x", "d": "y" * 2001}, ["description"], "at most 2000 characters"),
    ({"l": "de", "n": "x", "s": global_id("Partner", "p-contoso")}, ["subject"],
     "expected the ID of a CaseCategory or Product or Program or Segment, got a Partner"),
])
async def test_invalid_translations_write_nothing(gql, session, analytics, variables, field, message):
    before = await _translations(session)
    payload = await _payload(gql, SET, **{"s": ANALYTICS, **variables})
    assert [(e["code"], e["field"], e["message"]) for e in payload["errors"]] == [("VALIDATION", field, message)]
    assert await _translations(session) == before


async def test_a_missing_subject_is_not_found(gql):
    payload = await _payload(gql, SET, s=global_id("Segment", "no-such-segment"), l="fr", n="x")
    assert [e["code"] for e in payload["errors"]] == ["NOT_FOUND"]


@pytest.mark.parametrize(("persona", "partner", "code"), [
    ("enterprise-admin", "p-contoso", None),
    ("partner-admin", "p-contoso", None),  # their own organization
    ("partner-admin", "p-fabrikam", "NOT_FOUND"),  # below it, but not their own
    ("partner-manager", "p-fabrikam", "FORBIDDEN"),
    ("relationship-manager", "p-contoso", "FORBIDDEN"),
    ("enterprise-executive", "p-contoso", "FORBIDDEN"),
])
async def test_who_sets_a_partners_language(gql, session, enterprise_language, persona, partner, code):
    payload = await _payload(gql, PARTNER, persona=persona, p=global_id("Partner", partner), l="DE")
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (p:Partner {id: $id}) RETURN p.preferredLanguage AS language", id=partner))
    if code is None:
        assert payload == {"partner": {"key": partner, "preferredLanguage": "de"}, "errors": []}
        assert rows[0]["language"] == "de"
        return
    assert [e["code"] for e in payload["errors"]] == [code] and payload["partner"] is None
    assert rows[0]["language"] is None


async def test_a_partners_language_must_be_supported(gql, session, enterprise_language):
    payload = await _payload(gql, PARTNER, persona="partner-admin", p=global_id("Partner", "p-contoso"), l="es")
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("VALIDATION", ["language"])]
    payload = await _payload(gql, ENTERPRISE, persona="enterprise-admin", l="klingon")
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("VALIDATION", ["language"])]
    assert (await _payload(gql, ENTERPRISE, persona="partner-admin", l="de"))["errors"][0]["code"] == "FORBIDDEN"
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (e:Enterprise {id: 'enterprise'}) RETURN e.preferredLanguage AS language"))
    assert rows == [{"language": None}]


async def test_error_messages_in_german_and_french(gql, session, analytics):
    for language, expected in (
            ("de", "ein partner-associate darf Folgendes nicht: Namen und Beschreibungen von Programmen, Segmenten, "
                   "Produkten und Fallkategorien übersetzen"),
            ("fr", "un partner-associate ne peut pas : traduire les noms et descriptions des programmes, segments, "
                   "produits et catégories de dossiers")):
        payload = await _payload(gql, SET, persona="partner-associate", language=language, s=ANALYTICS, l="de", n="x")
        assert [(e["code"], e["message"]) for e in payload["errors"]] == [("FORBIDDEN", expected)]
    payload = await _payload(gql, SET, language="fr", s=ANALYTICS, l="ja", n=" ")
    assert [(e["code"], e["message"]) for e in payload["errors"]] == [
        ("VALIDATION", "langue non prise en charge ; prises en charge : en, de, fr"),
        ("VALIDATION", "ne doit pas être vide")]
    directive = SET.replace("{ setTranslation", '@locale(code: "de") { setTranslation', 1)
    payload = await _payload(gql, directive, language="fr", s=ANALYTICS, l="de", n="x" * 201)
    assert [e["message"] for e in payload["errors"]] == ["höchstens 200 Zeichen"]


async def test_request_errors_in_german_and_french(gql, client):
    status, body = await gql.post("{ programs(first: 1000) { edges { node { name } } } }",
                                  headers={"accept-language": "de"})
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "PAGE_TOO_LARGE"
    assert error["message"] == "`first` an programs muss zwischen 0 und 100 liegen"
    response = await client.post("/graphql", json={"query": "{ programs { edges { node { name } } } }"},
                                 headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert response.status_code == 401
    assert response.json()["errors"] == [{"message": "un jeton Bearer est requis",
                                          "extensions": {"code": "UNAUTHENTICATED"}}]
    status, body = await gql.post('query @locale(code: "fr") { program(id: "nonsense") { name } }')
    assert [(e["extensions"]["code"], e["message"]) for e in body["errors"]] == [
        ("VALIDATION", "`id` : pas un identifiant global émis par cette API")]
