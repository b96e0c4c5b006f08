"""A lead's life at the partner: accepting, hand-offs down the hierarchy, assignment, conversion into a deal
registration whose lineage starts at the lead, disqualification; each refusal typed, and writing nothing."""

from __future__ import annotations

from tests.conftest import global_id, write

HAND_OFF = """mutation($id: ID!, $to: ID!) { handOffLead(lead: $id, partner: $to) {
  lead { key status partner { key } offers { outcome partner { key } handedOffBy { key } } }
  errors { code field message } } }"""
ASSIGN = """mutation($id: ID!, $to: ID!) { assignLead(lead: $id, assignee: $to) {
  lead { key assignee { key } } errors { code field message } } }"""
CONVERT = """mutation($id: ID!, $program: ID!, $key: String) { convertLead(lead: $id, program: $program, key: $key) {
  lead { key status registration { key status name estimatedAmount { amount currency } account { key name }
         lines { quantity product { key } } lead { key } } }
  errors { code field message } } }"""
LINEAGE = """query($id: ID!) { dealLineage(id: $id) { lead { key status } registration { key } } }"""


async def _version(session, lead_id: str) -> dict:
    (row,) = await write(session, """MATCH (l:Lead {id: $id})
        RETURN l.status AS status, l.version AS version, COUNT { (l)-[:OFFERED]->() } AS offers""", id=lead_id)
    return row


async def test_a_distributor_hands_a_lead_down_and_the_chain_is_kept(channel, session):
    await channel.rules({"name": "distributors", "priority": 1, "partnerTypes": ["DISTRIBUTOR"], "program": None})
    (lead,) = await channel.leads("h")
    await channel.route(lead)
    gql = channel.gql
    refused = {
        "not below": (channel.admin("dist"), channel.gid("Partner", "dist")),
        "an associate": (channel.id("dist-associate"), channel.gid("Partner", "res1")),
        "not the holder": (channel.admin("res2"), channel.gid("Partner", "res1")),
    }
    before = await _version(session, channel.id("h"))
    answers = {why: (await gql.data(HAND_OFF, person=person, variables={"id": lead, "to": to}))["handOffLead"]
               for why, (person, to) in refused.items()}
    assert answers["not below"]["errors"][0]["code"] == "VALIDATION"
    assert answers["an associate"]["errors"][0]["code"] == "FORBIDDEN"
    assert answers["not the holder"]["errors"][0]["code"] == "NOT_FOUND"  # res2's admin does not see it
    assert await _version(session, channel.id("h")) == before
    first = (await gql.data(HAND_OFF, person=channel.id("dist-manager"),
                            variables={"id": lead, "to": channel.gid("Partner", "res1")}))["handOffLead"]
    assert first["errors"] == [] and first["lead"]["partner"]["key"] == channel.id("res1")
    second = (await gql.data(HAND_OFF, person=channel.admin("res1"),
                             variables={"id": lead, "to": channel.gid("Partner", "sub")}))["handOffLead"]
    # The distributor still sees it (sub is below it) and every offer (all to partners in its subtree).
    seen = await gql.data("""query($id: ID!) { lead(id: $id) { status partner { key }
        offers { outcome partner { key } handedOffBy { key } } } }""", person=channel.admin("dist"),
                          variables={"id": lead})
    assert second["errors"] == []
    assert seen["lead"] == {"status": "ROUTED", "partner": {"key": channel.id("sub")}, "offers": [
        {"outcome": "HANDED_OFF", "partner": {"key": channel.id("dist")}, "handedOffBy": None},
        {"outcome": "HANDED_OFF", "partner": {"key": channel.id("res1")}, "handedOffBy": {"key": channel.id("dist")}},
        {"outcome": "PENDING", "partner": {"key": channel.id("sub")}, "handedOffBy": {"key": channel.id("res1")}}]}
    # The sub-reseller sees its own offer only.
    own = await gql.data("query($id: ID!) { lead(id: $id) { offers { outcome partner { key } } } }",
                         person=channel.admin("sub"), variables={"id": lead})
    assert own["lead"]["offers"] == [{"outcome": "PENDING", "partner": {"key": channel.id("sub")}}]
    back_up = (await gql.data(HAND_OFF, person=channel.admin("res1"),
                              variables={"id": lead, "to": channel.gid("Partner", "sub")}))["handOffLead"]
    assert back_up["errors"][0]["code"] == "FORBIDDEN"  # res1 no longer holds it


async def test_assignment_shows_a_lead_to_the_associate(channel, session):
    await channel.rules({"name": "resellers", "priority": 1, "partnerTypes": ["RESELLER"]})
    (lead,) = await channel.leads("a")
    await channel.route(lead)
    query = "query($id: ID!) { lead(id: $id) { key } }"
    associate = channel.id("res1-associate")
    assert (await channel.gql.data(query, person=associate, variables={"id": lead}))["lead"] is None
    foreign = (await channel.gql.data(ASSIGN, person=channel.admin("res1"),
                                      variables={"id": lead, "to": global_id("Person", channel.id("res2-associate"))}))
    assert foreign["assignLead"]["errors"] == [{"code": "VALIDATION", "field": ["assignee"], "message":
                                                "the assignee must be staff of the partner holding the lead"}]
    done = await channel.gql.data(ASSIGN, person=channel.admin("res1"),
                                  variables={"id": lead, "to": global_id("Person", associate)})
    assert done["assignLead"] == {"lead": {"key": channel.id("a"), "assignee": {"key": associate}}, "errors": []}
    assert (await channel.gql.data(query, person=associate, variables={"id": lead}))["lead"] == {"key": channel.id("a")}
    accepted = await channel.move(lead, "ACCEPT", associate)
    assert accepted["lead"]["status"] == "ACCEPTED"


async def test_conversion_matches_the_account_and_starts_the_lineage(channel, session):
    await channel.rules({"name": "resellers", "priority": 1, "partnerTypes": ["RESELLER"]})
    await write(session, """MATCH (p:Partner {id: $p + '-res2'})
        CREATE (p)-[:SERVES {since: datetime()}]->(:Account {id: $p + '-acct', name: $p + ' MATCHED CORP',
                                                             country: 'IS', createdAt: datetime()})""",
                p=channel.prefix)
    matched, fresh = await channel.leads("matched", "fresh", product=global_id("Product", "prod-crm"))
    await channel.route(matched, fresh)
    program = channel.gid("Program", "prog")
    early = (await channel.gql.data(CONVERT, person=channel.admin("res1"),
                                    variables={"id": matched, "program": program}))["convertLead"]
    assert early["errors"][0]["code"] == "INVALID_TRANSITION"  # not accepted yet
    for lead in (matched, fresh):
        await channel.move(lead, "ACCEPT", channel.admin("res1"))
    retired = (await channel.gql.data(CONVERT, person=channel.admin("res1"),
                                      variables={"id": matched, "program": global_id("Program", "prog-training")}))
    assert retired["convertLead"]["errors"] == [{"code": "VALIDATION", "field": ["program"],
                                                 "message": "deals are registered in APPROVED programs only"}]
    # Refused conversions wrote nothing: no lock bump kept, no registration, no account.
    assert await _version(session, channel.id("matched")) == {"status": "ACCEPTED", "version": 2, "offers": 1}
    assert await write(session, """MATCH (p:Partner {id: $id})
        RETURN COUNT { (p)<-[:REGISTERED_BY]-() } AS registrations, COUNT { (p)-[:SERVES]->() } AS accounts""",
                       id=channel.id("res1")) == [{"registrations": 0, "accounts": 0}]
    done = (await channel.gql.data(CONVERT, person=channel.admin("res1"), variables={
        "id": matched, "program": program, "key": channel.id("dr")}))["convertLead"]
    assert done == {"errors": [], "lead": {"key": channel.id("matched"), "status": "CONVERTED", "registration": {
        "key": channel.id("dr"), "status": "DRAFT", "name": "matched lead",
        "estimatedAmount": {"amount": 500000, "currency": "EUR"},
        "account": {"key": channel.id("acct"), "name": f"{channel.prefix} MATCHED CORP"},
        "lines": [{"quantity": 1, "product": {"key": "prod-crm"}}], "lead": {"key": channel.id("matched")}}}}
    lineage = await channel.gql.data(LINEAGE, person=channel.admin("dist"),
                                     variables={"id": global_id("DealRegistration", channel.id("dr"))})
    assert lineage["dealLineage"] == {"lead": {"key": channel.id("matched"), "status": "CONVERTED"},
                                      "registration": {"key": channel.id("dr")}}
    created = (await channel.gql.data(CONVERT, person=channel.admin("res1"),
                                      variables={"id": fresh, "program": program}))["convertLead"]
    account = created["lead"]["registration"]["account"]
    assert account["name"] == f"{channel.prefix} fresh Corp" and account["key"].startswith("acc-")


async def test_disqualification_needs_a_reason_and_the_right_side(channel):
    await channel.rules({"name": "resellers", "priority": 1, "partnerTypes": ["RESELLER"]})
    new, routed = await channel.leads("new", "routed")
    await channel.route(routed)
    by_partner = await channel.move(routed, "DISQUALIFY", channel.admin("res1"), reason="no budget")
    assert by_partner["errors"][0]["code"] == "INVALID_TRANSITION"  # ROUTED: accept or reject it
    await channel.move(routed, "ACCEPT", channel.admin("res1"))
    blank = await channel.move(routed, "DISQUALIFY", channel.admin("res1"))
    assert blank["errors"] == [{"code": "VALIDATION", "field": ["reason"], "message": "must not be blank"}]
    done = await channel.move(routed, "DISQUALIFY", channel.admin("res1"), reason="no budget")
    assert done["lead"]["status"] == "DISQUALIFIED"
    enterprise = await channel.gql.data("""mutation($id: ID!) { moveLead(lead: $id, move: DISQUALIFY, reason: "spam") {
        lead { status disqualifyReason } errors { code } } }""", variables={"id": new})
    assert enterprise["moveLead"] == {"lead": {"status": "DISQUALIFIED", "disqualifyReason": "spam"}, "errors": []}
