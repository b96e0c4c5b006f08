"""The persona matrix of the leads mutations: a persona without the right gets FORBIDDEN before anything is looked
up (so the answer never reveals whether the target exists); the others get past the check (to an answer about
the target: here a lead that does not exist, NOT_FOUND)."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import DEMO_PEOPLE, global_id, write

NO_LEAD = global_id("Lead", "no-such-lead")
OWN_PARTNER = {"partner-admin": "p-contoso", "partner-manager": "p-fabrikam", "partner-associate": "p-tailspin"}


def _mutations(persona: str, prefix: str) -> dict[str, tuple[str, dict]]:
    lead = {"key": prefix, "name": "Matrix lead", "company": "Matrix Corp", "contactName": "M", "country": "IS",
            "contactEmail": "m@matrix.example", "estimatedAmount": 1, "currency": "EUR", "source": "OTHER"}
    return {
        "createLeads": ("mutation($v: [CreateLeadInput!]!) { createLeads(leads: $v) { errors { code } } }",
                        {"v": [lead]}),
        "routeLeads": ("mutation($v: [ID!]!) { routeLeads(leads: $v) { errors { code } } }", {"v": [NO_LEAD]}),
        "moveLead ACCEPT": ('mutation($v: ID!) { moveLead(lead: $v, move: ACCEPT) { errors { code } } }',
                            {"v": NO_LEAD}),
        "moveLead DISQUALIFY": ('mutation($v: ID!) { moveLead(lead: $v, move: DISQUALIFY, reason: "x") { '
                                'errors { code } } }', {"v": NO_LEAD}),
        "handOffLead": ('mutation($v: ID!) { handOffLead(lead: $v, partner: "%s") { errors { code } } }'
                        % global_id("Partner", "p-tailspin"), {"v": NO_LEAD}),
        "assignLead": ('mutation($v: ID!) { assignLead(lead: $v, assignee: "%s") { errors { code } } }'
                       % global_id("Person", "demo-partner-associate"), {"v": NO_LEAD}),
        "convertLead": ('mutation($v: ID!) { convertLead(lead: $v, program: "%s") { errors { code } } }'
                        % global_id("Program", "prog-reseller"), {"v": NO_LEAD}),
        "createLeadRoutingRules": (
            "mutation($v: [CreateLeadRoutingRuleInput!]!) { createLeadRoutingRules(rules: $v) { errors { code } } }",
            {"v": [{"key": prefix, "name": "matrix", "priority": 5, "countries": ["IS"]}]}),
        "updateLeadRoutingRule": ('mutation($v: ID!) { updateLeadRoutingRule(rule: $v, priority: 3) { '
                                  'errors { code } } }', {"v": global_id("LeadRoutingRule", "no-such-rule")}),
        "setPartnerSpecializations": (
            'mutation($v: ID!) { setPartnerSpecializations(partner: $v, products: []) { errors { code } } }',
            {"v": global_id("Partner", OWN_PARTNER.get(persona, "p-contoso"))}),
    }


ALLOWED = {
    "createLeads": {"enterprise-admin"},
    "routeLeads": {"enterprise-admin"},
    "moveLead ACCEPT": {"partner-admin", "partner-manager", "partner-associate"},
    "moveLead DISQUALIFY": {"enterprise-admin", "partner-admin", "partner-manager", "partner-associate"},
    "handOffLead": {"partner-admin", "partner-manager"},
    "assignLead": {"enterprise-admin", "partner-admin", "partner-manager"},
    "convertLead": {"partner-admin", "partner-manager", "partner-associate"},
    "createLeadRoutingRules": {"enterprise-admin"},
    "updateLeadRoutingRule": {"enterprise-admin"},
    "setPartnerSpecializations": {"enterprise-admin", "partner-admin"},
}


@pytest.mark.parametrize("persona", sorted(DEMO_PEOPLE))
@pytest.mark.parametrize("mutation", sorted(ALLOWED))
async def test_who_may_work_leads(gql, session, persona, mutation):
    prefix = f"t-lpm-{uuid.uuid4().hex[:8]}"
    query, variables = _mutations(persona, prefix)[mutation]
    try:
        data = await gql.data(query, persona=persona, variables=variables)
        errors = next(iter(data.values()))["errors"]
        if persona in ALLOWED[mutation]:
            assert {"code": "FORBIDDEN"} not in errors, (persona, mutation, errors)
        else:
            assert errors == [{"code": "FORBIDDEN"}], (persona, mutation, errors)
    finally:
        await write(session, "MATCH (n) WHERE (n:Lead OR n:LeadRoutingRule) AND n.id STARTS WITH $p DETACH DELETE n",
                    p=prefix)
