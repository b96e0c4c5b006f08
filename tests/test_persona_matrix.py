"""The persona matrix for changes: who may run each setup mutation (reads: tests/test_visibility.py), and for
partner applications every persona, and a request without a token, against every mutation and read.

A persona without the right gets FORBIDDEN before anything is looked up, so the answer never
reveals whether the target exists.
"""

from __future__ import annotations

import uuid

import pytest

from tests.applications.conftest import create_program, remove_applications
from tests.conftest import DEMO_PEOPLE, global_id

OWN_PARTNER = {"partner-admin": "p-contoso", "partner-manager": "p-fabrikam", "partner-associate": "p-tailspin"}


def _mutations(persona: str, prefix: str) -> dict[str, tuple[str, dict]]:
    target = OWN_PARTNER.get(persona, "p-contoso")
    return {
        "createPartners": ('mutation($v: [CreatePartnerInput!]!) { createPartners(partners: $v) { errors { code } } }',
                           {"v": [{"key": prefix, "name": prefix, "type": "REFERRAL"}]}),
        "updatePartner": ('mutation($v: ID!) { updatePartner(partner: $v, country: "US") { errors { code } } }',
                          {"v": global_id("Partner", "p-tailspin")}),
        "movePartner": ('mutation($v: ID!) { movePartner(partner: $v, parent: null) { errors { code } } }',
                        {"v": global_id("Partner", "p-blueyonder")}),
        "registerStaff": ('mutation($v: [RegisterStaffInput!]!) { registerStaff(staff: $v) { errors { code } } }',
                          {"v": [{"key": prefix + "-s", "partner": global_id("Partner", target), "name": "New Hire",
                                  "email": f"{prefix}@example.com", "role": "ASSOCIATE"}]}),
        "createPrograms": (
            'mutation($v: [CreateProgramInput!]!) { createPrograms(programs: $v) { errors { code } } }',
            {"v": [{"key": prefix, "name": prefix, "kind": "BUILD",
                    "internalOrg": global_id("InternalOrg", "io-channel"),
                    "startDate": "2027-01-01", "segments": [{"key": prefix + "-seg", "name": "Only", "rank": 1,
                                                              "isDefault": True}]}]}),
        "onboardPartnerships": (
            'mutation($v: [OnboardPartnershipInput!]!) { onboardPartnerships(partnerships: $v) { errors { code } } }',
            {"v": [{"key": prefix, "partner": global_id("Partner", "p-blueyonder"),
                    "program": global_id("Program", "prog-services")}]}),
        "createAccounts": (
            'mutation($v: [CreateAccountInput!]!) { createAccounts(accounts: $v) { errors { code } } }',
            {"v": [{"key": prefix, "partner": global_id("Partner", target), "name": "Matrix Customer"}]}),
        "assignRelationshipManager": (
            'mutation($v: ID!) { assignRelationshipManager(partner: $v, relationshipManager: "%s") { '
            'errors { code } } }'
            % global_id("Person", "demo-relationship-manager"), {"v": global_id("Partner", "p-oemtech")}),
    }


ALLOWED = {
    "createPartners": {"enterprise-admin"},
    "updatePartner": {"enterprise-admin"},
    "movePartner": {"enterprise-admin"},
    "registerStaff": {"enterprise-admin", "partner-admin"},
    "assignRelationshipManager": {"enterprise-admin"},
    "createPrograms": {"enterprise-admin"},
    "onboardPartnerships": {"enterprise-admin"},
    "createAccounts": {"enterprise-admin", "partner-admin", "partner-manager"},
}


@pytest.mark.parametrize("persona", sorted(DEMO_PEOPLE))
@pytest.mark.parametrize("mutation", sorted(ALLOWED))
async def test_who_may_change_what(gql, session, persona, mutation):
    prefix = f"pm{uuid.uuid4().hex[:8]}"
    query, variables = _mutations(persona, prefix)[mutation]
    try:
        data = await gql.data(query, persona=persona, variables=variables)
        errors = next(iter(data.values()))["errors"]
        if persona in ALLOWED[mutation]:
            assert errors == [], (persona, mutation, errors)
        else:
            assert errors == [{"code": "FORBIDDEN"}], (persona, mutation, errors)
    finally:
        await session.write_transaction(lambda tx: tx.run(
            "MATCH (n) WHERE (n:Partner OR n:Person OR n:Program OR n:Segment OR n:Partnership OR n:Account "
            ") AND n.id STARTS WITH $p OPTIONAL MATCH (n)-[:HAD]->(history:SegmentAssignment) "
            "DETACH DELETE history, n", p=prefix))


# Partner applications (docs/APPLICATIONS.md): every persona and the anonymous request ("anonymous", no token)
# against every mutation and read of the domain. Reviewers: the enterprise admin (relationship managers only when
# the setting is on: tests/applications/test_applications.py).
APPLICATIONS_ALLOWED = {
    "submitPartnerApplication": set(DEMO_PEOPLE) | {"anonymous"},
    "setApplicationQuestions": {"enterprise-admin"},
    "reviewPartnerApplication": {"enterprise-admin"},
    "applicationForm": set(DEMO_PEOPLE) | {"anonymous"},
    "partnerApplication": {"enterprise-admin"},
    "partnerApplications": {"enterprise-admin"},
    "node": {"enterprise-admin"},
    "Program.applicationQuestions": set(DEMO_PEOPLE),
}
APPLICATION_DOCUMENTS = {
    "submitPartnerApplication": """mutation($a: PartnerApplicationInput!) { submitPartnerApplication(application: $a) {
        receipt { status } errors { code } } }""",
    "setApplicationQuestions": """mutation($p: ID!) { setApplicationQuestions(program: $p, questions: [
        {key: "revenue", text: "Revenue?", required: true}]) { program { key } errors { code } } }""",
    "reviewPartnerApplication": """mutation($id: ID!) { reviewPartnerApplication(application: $id, decision: REJECT,
        reason: "Not now.") { application { status } errors { code } } }""",
    "applicationForm": "query($p: ID!) { applicationForm(program: $p) { name questions { key } } }",
    "partnerApplication": "query($id: ID!) { partnerApplication(id: $id) { key } }",
    "partnerApplications": "{ partnerApplications(first: 100) { edges { node { key } } } }",
    "node": "query($id: ID!) { node(id: $id) { ... on PartnerApplication { key } } }",
    "Program.applicationQuestions": "query($p: ID!) { program(id: $p) { applicationQuestions { key } } }",
}


@pytest.mark.parametrize("persona", sorted(DEMO_PEOPLE) + ["anonymous"])
@pytest.mark.parametrize("field", sorted(APPLICATIONS_ALLOWED))
async def test_who_may_apply_review_and_read_applications(gql, session, persona, field):
    prefix = f"pm{uuid.uuid4().hex[:8]}"
    program = global_id("Program", prefix)
    await create_program(session, prefix)
    await session.write_transaction(lambda tx: tx.run("""
        MATCH (prog:Program {id: $p})
        CREATE (:PartnerApplication {id: $p + '-app', status: 'SUBMITTED', company: $p, companyKey: $p,
                                     country: 'NL', type: 'RESELLER', adminName: 'A', adminEmail: $p + '@x.example',
                                     answerKeys: ['revenue', 'regions'], answerTexts: ['1M', 'EU'],
                                     submittedAt: datetime('2100-01-01T00:00:00Z')})-[:TO]->(prog)""", p=prefix))
    application_id = global_id("PartnerApplication", f"{prefix}-app")
    variables = {"p": program, "id": application_id, "a": {
        "company": prefix, "country": "NL", "type": "RESELLER", "program": program, "adminName": "B",
        "adminEmail": f"{prefix}-b@x.example",
        "answers": [{"question": "revenue", "answer": "2M"}, {"question": "regions", "answer": "EU"}]}}
    document = APPLICATION_DOCUMENTS[field]
    used = {name: value for name, value in variables.items() if f"${name}" in document}
    allowed = persona in APPLICATIONS_ALLOWED[field]
    try:
        status, body = await gql.post(document, persona=None if persona == "anonymous" else persona,
                                      variables=used)
        if persona == "anonymous" and not allowed:
            assert status == 401, (field, body)
            return
        assert status == 200 and "errors" not in body, (persona, field, body)
        (value,) = body["data"].values()
        if field in ("submitPartnerApplication", "setApplicationQuestions", "reviewPartnerApplication"):
            assert value["errors"] == ([] if allowed else [{"code": "FORBIDDEN"}]), (persona, field, value)
        elif field == "partnerApplications":
            keys = [e["node"]["key"] for e in value["edges"]]
            assert (f"{prefix}-app" in keys) == allowed, (persona, keys)
        elif field == "Program.applicationQuestions":
            assert value == {"applicationQuestions": [{"key": "revenue"}, {"key": "regions"}, {"key": "notes"}]}
        else:
            assert (value is not None) == allowed, (persona, field, value)
    finally:
        await remove_applications(session, prefix)
