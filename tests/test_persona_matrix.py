"""The persona matrix for changes: who may run each setup mutation (reads: tests/test_visibility.py).

A persona without the right gets FORBIDDEN before anything is looked up, so the answer never
reveals whether the target exists.
"""

from __future__ import annotations

import uuid

import pytest

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
