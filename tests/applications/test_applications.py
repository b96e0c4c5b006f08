"""Partner applications (docs/APPLICATIONS.md): the form, submission and its checks (typed errors, nothing
written), no existence oracle, who reads applications, duplicate flags, the review's transitions, an approval's
partner, admin and partnership made at once (or nothing), and the application in the new partner's history."""

from __future__ import annotations

import uuid

import pytest
from strawberry import relay

from tests.applications.conftest import (
    APPLICATION,
    REVIEW,
    application,
    create_program,
    gateway,
    remove_applications,
    submit,
    submitted,
)
from tests.change_log import last_seq, records_after
from tests.conftest import DEMO_PEOPLE, global_id, write

FORM = """query($p: ID!) { applicationForm(program: $p) { program name questions { key text required } } }"""
LIST = """query($s: ApplicationStatus, $first: Int, $after: String) { partnerApplications(status: $s, first: $first,
  after: $after) { edges { node { key status } } pageInfo { hasNextPage endCursor } } }"""


async def _count(session, prefix: str) -> dict[str, int]:
    """What exists of the fixture program's applications and anything they made."""
    rows = await session.read_transaction(lambda tx: tx.run("""
        MATCH (prog:Program {id: $prefix})
        RETURN COUNT { (:PartnerApplication)-[:TO]->(prog) } AS applications,
               COUNT { (:Partnership)-[:IN]->(prog) } AS partnerships,
               COUNT { MATCH (p:Partner) WHERE p.name STARTS WITH $prefix } AS partners,
               COUNT { MATCH (x:Person) WHERE x.email ENDS WITH '@' + $prefix + '.example' } AS people""",
                                                            prefix=prefix))
    return rows[0]


async def _review(gql, app_id: str, decision: str, persona: str = "enterprise-admin", **extra) -> dict:
    data = await gql.data(REVIEW, persona=persona, variables={"id": app_id, "d": decision, **extra})
    return data["reviewPartnerApplication"]


# The form ------------------------------------------------------------------------------------------------------

async def test_the_form_of_an_approved_program_is_public(gql, program):
    status, body = await gql.post(FORM, persona=None, variables={"p": program["program"]})
    assert status == 200 and "errors" not in body, body
    assert body["data"]["applicationForm"] == {
        "program": program["program"], "name": f"{program['prefix']} Program",
        "questions": [{"key": "revenue", "text": "Revenue?", "required": True},
                      {"key": "regions", "text": "Regions?", "required": True},
                      {"key": "notes", "text": "Anything else?", "required": False}]}


@pytest.mark.parametrize("status", ["DRAFT", "RETIRED"])
async def test_a_program_not_approved_has_no_form_and_takes_no_application(gql, session, status):
    prefix = f"t-app-{uuid.uuid4().hex[:8]}"
    try:
        program_id = await create_program(session, prefix, status)
        data = await gql.data(FORM, persona=None, variables={"p": program_id})
        assert data == {"applicationForm": None}
        payload = await submit(gql, application(program_id, prefix))
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [("NOT_FOUND", ["application", "program"])]
        assert payload["receipt"] is None
        assert (await _count(session, prefix))["applications"] == 0
    finally:
        await remove_applications(session, prefix)


# Questions (programs domain) -----------------------------------------------------------------------------------

SET_QUESTIONS = """mutation($p: ID!, $q: [ApplicationQuestionInput!]!) { setApplicationQuestions(program: $p,
  questions: $q) { program { key applicationQuestions { key text required } } errors { code field } } }"""


async def test_setting_questions_replaces_the_list_in_order(gql, program):
    questions = [{"key": "why", "text": "Why us?", "required": True}, {"key": "size", "text": "Headcount?"}]
    data = await gql.data(SET_QUESTIONS, variables={"p": program["program"], "q": questions})
    assert data["setApplicationQuestions"] == {"program": {"key": program["prefix"], "applicationQuestions": [
        {"key": "why", "text": "Why us?", "required": True}, {"key": "size", "text": "Headcount?", "required": False}]},
        "errors": []}
    read = await gql.data("query($p: ID!) { program(id: $p) { applicationQuestions { key } } }",
                          persona="partner-associate", variables={"p": program["program"]})
    assert read == {"program": {"applicationQuestions": [{"key": "why"}, {"key": "size"}]}}


async def test_bad_questions_are_refused_and_nothing_changes(gql, program):
    questions = [{"key": "a", "text": "One"}, {"key": "a", "text": "Two"}, {"key": "no spaces", "text": " "}]
    data = await gql.data(SET_QUESTIONS, variables={"p": program["program"], "q": questions})
    assert [(e["code"], e["field"]) for e in data["setApplicationQuestions"]["errors"]] == [
        ("VALIDATION", ["questions", "1", "key"]), ("VALIDATION", ["questions", "2", "key"]),
        ("VALIDATION", ["questions", "2", "text"])]
    form = await gql.data(FORM, persona=None, variables={"p": program["program"]})
    assert [q["key"] for q in form["applicationForm"]["questions"]] == ["revenue", "regions", "notes"]


# Submission ----------------------------------------------------------------------------------------------------

async def test_an_anonymous_application_is_stored_with_its_answers(gql, session, program, clock, clocked_gql):
    clock.set(clock.now().replace(year=2026, month=7, day=1))
    values = application(program["program"], program["prefix"], country="nl", adminEmail=" Ada@Example.COM ",
                         answers=[{"question": "regions", "answer": "Benelux\nand DACH"},
                                  {"question": "revenue", "answer": "1.2M"}])
    payload = await submit(clocked_gql, values)
    assert payload["errors"] == [] and payload["receipt"]["status"] == "SUBMITTED"
    assert payload["receipt"]["submittedAt"] == clock.now().replace(microsecond=0).isoformat()
    data = await gql.data(APPLICATION, variables={"id": payload["receipt"]["reference"]})
    found = data["partnerApplication"]
    assert found["status"] == "SUBMITTED" and found["country"] == "NL" and found["adminEmail"] == "ada@example.com"
    assert found["answers"] == [{"question": "regions", "answer": "Benelux\nand DACH"},
                                {"question": "revenue", "answer": "1.2M"}]
    assert found["program"] == {"key": program["prefix"]} and found["partner"] is None


async def test_a_viewer_with_a_token_may_apply_too(gql, program):
    payload = await submit(gql, application(program["program"], program["prefix"]), persona="partner-associate")
    assert payload["errors"] == [] and payload["receipt"]["status"] == "SUBMITTED"


@pytest.mark.parametrize(("overrides", "expected"), [
    ({"company": "  "}, [("VALIDATION", ["application", "company"])]),
    ({"company": "x" * 201}, [("VALIDATION", ["application", "company"])]),
    ({"company": "Evil\u202eCorp"}, [("VALIDATION", ["application", "company"])]),
    ({"country": "XX"}, [("VALIDATION", ["application", "country"])]),
    ({"adminEmail": "not-an-address"}, [("VALIDATION", ["application", "adminEmail"])]),
    ({"adminName": ""}, [("VALIDATION", ["application", "adminName"])]),
    ({"program": global_id("Partner", "p-contoso")}, [("VALIDATION", ["application", "program"])]),
    ({"program": global_id("Program", "no-such-program")}, [("NOT_FOUND", ["application", "program"])]),
    ({"answers": [{"question": "revenue", "answer": "1M"}]}, [("VALIDATION", ["application", "answers"])]),
    ({"answers": [{"question": "revenue", "answer": "1M"}, {"question": "regions", "answer": "EU"},
                  {"question": "hobbies", "answer": "golf"}]},
     [("VALIDATION", ["application", "answers", "2", "question"])]),
    ({"answers": [{"question": "revenue", "answer": "1M"}, {"question": "regions", "answer": "EU"},
                  {"question": "revenue", "answer": "2M"}]},
     [("VALIDATION", ["application", "answers", "2", "question"])]),
    ({"answers": [{"question": "revenue", "answer": "x" * 2001}, {"question": "regions", "answer": "EU"}]},
     [("VALIDATION", ["application", "answers", "0", "answer"])]),
    ({"answers": [{"question": "revenue", "answer": " "}, {"question": "regions", "answer": "EU"}]},
     [("VALIDATION", ["application", "answers", "0", "answer"])]),
], ids=["blank-company", "long-company", "bidi-company", "country", "email", "admin-name", "program-type",
        "missing-program", "required-unanswered", "unknown-question", "answered-twice", "long-answer",
        "blank-answer"])
async def test_bad_input_is_refused_with_typed_errors_and_nothing_is_written(gql, session, program, overrides,
                                                                             expected):
    before = await last_seq(session)
    payload = await submit(gql, application(program["program"], program["prefix"], **overrides))
    assert [(e["code"], e["field"]) for e in payload["errors"]] == expected, payload
    assert payload["receipt"] is None
    assert (await _count(session, program["prefix"]))["applications"] == 0
    assert await records_after(session, before) == []


async def test_a_duplicate_gets_the_same_answer_as_a_fresh_application(settings, graph, clock, program):
    """No existence oracle: an application naming an existing partner and an existing person's e-mail is answered
    exactly as one naming nobody, byte for byte but for the generated reference."""
    async with gateway(settings, graph, clock=clock) as (gql,):
        fresh = application(program["program"], program["prefix"])
        known = application(program["program"], program["prefix"], company="CONTOSO RESELLERS", country="US",
                            adminEmail="carla@contoso.example")
        bodies = []
        for values in (fresh, known):
            response = await gql.http.post("/graphql", json={"query": SUBMIT_TEXT, "variables": {"a": values}},
                                           headers={"accept": "application/graphql-response+json"})
            bodies.append((response.status_code, dict(response.headers), response.content))
        references = [b[2].split(b'"reference":"')[1].split(b'"')[0] for b in bodies]
        assert references[0] != references[1]
        assert bodies[0][0] == bodies[1][0] == 200
        assert bodies[0][2].replace(references[0], b"REF") == bodies[1][2].replace(references[1], b"REF")
        headers = [{k: v for k, v in h.items() if k not in ("x-request-id", "content-length")} for _, h, _ in bodies]
        assert headers[0] == headers[1]


SUBMIT_TEXT = """mutation($a: PartnerApplicationInput!) { submitPartnerApplication(application: $a) {
  receipt { reference status submittedAt } errors { code field message } } }"""


# Who reads applications ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("persona", sorted(DEMO_PEOPLE))
async def test_only_reviewers_read_applications(gql, program, persona):
    app_id = await submitted(gql, application(program["program"], program["prefix"]))
    one = await gql.data(APPLICATION, persona=persona, variables={"id": app_id})
    node = await gql.data("query($id: ID!) { node(id: $id) { ... on PartnerApplication { key } } }",
                          persona=persona, variables={"id": app_id})
    listed = await gql.data(LIST, persona=persona, variables={"s": "SUBMITTED", "first": 100})
    keys = [e["node"]["key"] for e in listed["partnerApplications"]["edges"]]
    if persona == "enterprise-admin":
        assert one["partnerApplication"]["key"] == node["node"]["key"] == app_id_key(app_id) and app_id_key(
            app_id) in keys
    else:
        assert one == {"partnerApplication": None} and node == {"node": None} and keys == []


def app_id_key(global_id_value: str) -> str:
    return relay.GlobalID.from_id(global_id_value).node_id


async def test_relationship_managers_review_when_the_setting_lets_them(settings, graph, program):
    async with gateway(settings, graph, relationship_managers_review_applications=True) as (gql,):
        app_id = await submitted(gql, application(program["program"], program["prefix"]))
        one = await gql.data(APPLICATION, persona="relationship-manager", variables={"id": app_id})
        assert one["partnerApplication"]["status"] == "SUBMITTED"
        payload = await _review(gql, app_id, "REJECT", persona="relationship-manager", r="Not a fit.")
        assert payload["errors"] == [] and payload["application"]["status"] == "REJECTED"
        executive = await gql.data(APPLICATION, persona="enterprise-executive", variables={"id": app_id})
        assert executive == {"partnerApplication": None}


async def test_relationship_managers_do_not_review_by_default(gql, session, program):
    app_id = await submitted(gql, application(program["program"], program["prefix"]))
    payload = await _review(gql, app_id, "REJECT", persona="relationship-manager", r="Not a fit.")
    assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    assert (await gql.data(APPLICATION, persona="relationship-manager", variables={"id": app_id})) == {
        "partnerApplication": None}
    assert (await gql.data(APPLICATION, variables={"id": app_id}))["partnerApplication"]["status"] == "SUBMITTED"


async def test_the_list_pages_newest_first(gql, program, clock, clocked_gql):
    ids = []
    for n in range(3):
        clock.set(clock.now().replace(year=2030, month=1, day=1 + n))
        ids.append(app_id_key(await submitted(clocked_gql, application(program["program"], program["prefix"]))))
    seen, after = [], None
    while True:
        data = await gql.data(LIST, variables={"s": "SUBMITTED", "first": 2, "after": after})
        page = data["partnerApplications"]
        seen += [e["node"]["key"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert [k for k in seen if k in ids] == list(reversed(ids))
    assert seen[:3] == list(reversed(ids))  # nothing submitted later than 2030 in the suite


# Duplicates ----------------------------------------------------------------------------------------------------

async def test_duplicates_are_flagged(gql, program):
    prefix = program["prefix"]
    fresh = await submitted(gql, application(program["program"], prefix, adminEmail=f"solo@{prefix}.example",
                                             company=f"{prefix} Solo"))
    same_company = await submitted(gql, application(program["program"], prefix, company="lyon integration sarl",
                                                    country="FR", adminEmail=f"one@{prefix}.example"))
    same_email = await submitted(gql, application(program["program"], prefix, adminEmail="carla@contoso.example",
                                                  company=f"{prefix} Other"))
    again = await submitted(gql, application(program["program"], prefix, company="LYON Integration SARL",
                                             country="FR", adminEmail=f"two@{prefix}.example"))

    async def flags(app_id: str) -> dict:
        return (await gql.data(APPLICATION, variables={"id": app_id}))["partnerApplication"]["duplicates"]

    assert await flags(fresh) == {"found": False, "sameCompany": False, "sameEmail": False,
                                  "otherApplications": False, "partners": [], "people": [], "applications": []}
    company = await flags(same_company)
    assert (company["found"], company["sameCompany"], company["sameEmail"], company["otherApplications"]) == (
        True, True, False, True)
    assert company["partners"] == [{"key": "p-lyon"}] and company["applications"] == [{"key": app_id_key(again)}]
    email = await flags(same_email)
    assert (email["sameCompany"], email["sameEmail"], email["people"]) == (
        False, True, [{"key": "demo-partner-admin"}])
    # Another application with the same e-mail: the demo's pending Contoso application.
    assert {"key": "app-demo-contoso"} in email["applications"]


# Review --------------------------------------------------------------------------------------------------------

async def test_approval_creates_partner_admin_and_partnership_at_once(gql, session, program):
    prefix = program["prefix"]
    app_id = await submitted(gql, application(program["program"], prefix, type="SYSTEM_INTEGRATOR"))
    payload = await _review(gql, app_id, "APPROVE", s="ACTIVE", seg=global_id("Segment", f"{prefix}-gold"))
    assert payload["errors"] == []
    approved = payload["application"]
    assert approved["status"] == "APPROVED" and approved["decidedBy"] == {"key": "demo-enterprise-admin"}
    partner = approved["partner"]
    assert (partner["name"], partner["type"], partner["status"], partner["country"]) == (
        f"{prefix} Widgets", "SYSTEM_INTEGRATOR", "ACTIVE", "NL")
    assert [e["node"] | {"key": None} for e in partner["staff"]["edges"]] == [
        {"key": None, "name": "Ada Applicant", "email": f"ada@{prefix}.example", "partnerRole": "ADMIN"}]
    assert [e["node"] | {"key": None} for e in partner["partnerships"]["edges"]] == [
        {"key": None, "status": "PENDING", "program": {"key": prefix}, "segment": {"key": f"{prefix}-gold"}}]
    # The new admin signs in as a partner admin of the new partner.
    admin = partner["staff"]["edges"][0]["node"]["key"]
    viewer = await gql.data("{ viewer { persona organization { ... on Partner { key } } } }", person=admin)
    assert viewer == {"viewer": {"persona": "PARTNER_ADMIN", "organization": {"key": partner["key"]}}}


async def test_approval_defaults_to_a_prospect_in_the_default_segment(gql, program):
    app_id = await submitted(gql, application(program["program"], program["prefix"]))
    payload = await _review(gql, app_id, "APPROVE")
    partner = payload["application"]["partner"]
    assert partner["status"] == "PROSPECT"
    assert partner["partnerships"]["edges"][0]["node"]["segment"] == {"key": f"{program['prefix']}-base"}


async def test_rejection_needs_a_reason_and_creates_nothing(gql, session, program):
    app_id = await submitted(gql, application(program["program"], program["prefix"]))
    refused = await _review(gql, app_id, "REJECT", r="  ")
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [("VALIDATION", ["reason"])]
    payload = await _review(gql, app_id, "REJECT", r="Outside our regions.")
    assert payload["errors"] == []
    assert (payload["application"]["status"], payload["application"]["decisionReason"]) == (
        "REJECTED", "Outside our regions.")
    assert payload["application"]["partner"] is None
    assert await _count(session, program["prefix"]) == {"applications": 1, "partnerships": 0, "partners": 0,
                                                        "people": 0}


@pytest.mark.parametrize(("first", "second"), [("APPROVE", "APPROVE"), ("APPROVE", "REJECT"),
                                               ("REJECT", "APPROVE"), ("REJECT", "REJECT")])
async def test_an_application_is_decided_once(gql, session, program, first, second):
    app_id = await submitted(gql, application(program["program"], program["prefix"]))
    assert (await _review(gql, app_id, first, r="First."))["errors"] == []
    counts = await _count(session, program["prefix"])
    before = await last_seq(session)
    again = await _review(gql, app_id, second, r="Second.")
    assert [(e["code"], e["field"]) for e in again["errors"]] == [("CONFLICT", ["application"])]
    assert await _count(session, program["prefix"]) == counts and await records_after(session, before) == []


async def test_approval_is_refused_when_the_email_belongs_to_a_person_by_now(gql, session, program):
    """The e-mail conflict: nothing of the approval is written (no partner, person, partnership, decision)."""
    prefix = program["prefix"]
    app_id = await submitted(gql, application(program["program"], prefix))
    await write(session, "CREATE (:Person {id: $id, name: 'Early Bird', email: $email})",
                id=f"{prefix}-early", email=f"ada@{prefix}.example")
    try:
        before = await last_seq(session)
        payload = await _review(gql, app_id, "APPROVE")
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [("CONFLICT", ["application"])]
        assert await _count(session, prefix) == {"applications": 1, "partnerships": 0, "partners": 0, "people": 1}
        assert await records_after(session, before) == []
        status = (await gql.data(APPLICATION, variables={"id": app_id}))["partnerApplication"]["status"]
        assert status == "SUBMITTED"
    finally:
        await write(session, "MATCH (x:Person {id: $id}) DETACH DELETE x", id=f"{prefix}-early")


@pytest.mark.parametrize(("segment", "expected"), [
    (global_id("Segment", "seg-reseller-gold"), ("VALIDATION", ["segment"])),
    (global_id("Segment", "no-such-segment"), ("NOT_FOUND", ["segment"])),
], ids=["other-program", "missing"])
async def test_approval_into_a_segment_of_another_program_is_refused(gql, session, program, segment, expected):
    app_id = await submitted(gql, application(program["program"], program["prefix"]))
    payload = await _review(gql, app_id, "APPROVE", seg=segment)
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [expected]
    assert (await _count(session, program["prefix"]))["partners"] == 0


async def test_reviewing_an_unknown_application_is_not_found(gql):
    payload = await _review(gql, global_id("PartnerApplication", "no-such-application"), "REJECT", r="No.")
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("NOT_FOUND", ["application"])]


# History -------------------------------------------------------------------------------------------------------

TRAIL = """query($id: ID!) { partner(id: $id) { auditTrail(first: 20) { edges { node {
  entityType operation actor { key } } } } } }"""
FEED = """query($after: String) { changes(after: $after, first: 100) { edges { node { entityType operation } } } }"""


async def test_the_application_is_in_the_new_partners_history(gql, session, program):
    """Its records, the submission's too (written before the partner existed), are in the new partner's audit trail
    and in the change feed of whoever sees the partner: its own admin included."""
    before = await last_seq(session)
    app_id = await submitted(gql, application(program["program"], program["prefix"]))
    payload = await _review(gql, app_id, "APPROVE")
    partner = payload["application"]["partner"]
    admin = partner["staff"]["edges"][0]["node"]["key"]
    partner_id = global_id("Partner", partner["key"])
    for viewer in ({"persona": "enterprise-admin"}, {"person": admin}):
        trail = await gql.data(TRAIL, variables={"id": partner_id}, **viewer)
        operations = [(e["node"]["entityType"], e["node"]["operation"])
                      for e in trail["partner"]["auditTrail"]["edges"]]
        assert operations == [("PartnerApplication", "STATE_CHANGED"), ("Partner", "CREATED"),
                              ("PartnerApplication", "CREATED")], viewer
        feed = await gql.data(FEED, variables={"after": str(before)}, **viewer)
        entities = [(e["node"]["entityType"], e["node"]["operation"]) for e in feed["changes"]["edges"]]
        assert entities == [("PartnerApplication", "CREATED"), ("Partner", "CREATED"), ("Person", "CREATED"),
                            ("Partnership", "CREATED"), ("PartnerApplication", "STATE_CHANGED")], viewer


async def test_a_pending_applications_records_are_the_reviewers_only(gql, program):
    app_id = await submitted(gql, application(program["program"], program["prefix"]))
    trail = """query($id: ID!) { auditTrail(entity: $id) { edges { node { operation } } } }"""
    for persona in sorted(DEMO_PEOPLE):
        status, body = await gql.post(trail, persona=persona, variables={"id": app_id})
        edges = (body.get("data") or {}).get("auditTrail")
        edges = edges["edges"] if edges else []
        assert (edges == [{"node": {"operation": "CREATED"}}]) == (persona == "enterprise-admin"), (persona, body)
