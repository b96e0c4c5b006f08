"""The change records of every partners mutation (tests/change_log.py): partners, the hierarchy, staff,
relationship managers and accounts."""

from __future__ import annotations

import pytest

from tests.change_log import Logged, check_logged, mutate
from tests.conftest import global_id
from tests.partners.test_accounts import CREATE as CREATE_ACCOUNTS
from tests.partners.test_partner_setup import ATTACH, MOVE, STAFF, UPDATE
from tests.partners.test_partner_setup import CREATE as CREATE_PARTNERS

DETACH = """mutation($partner: ID!) {
  detachPartner(partner: $partner) { partner { key } errors { code message field } } }"""
ROLE = """mutation($person: ID!, $role: PartnerRole!) { changeStaffRole(person: $person, role: $role) {
  person { partnerRole } errors { code message field } } }"""
REMOVE = "mutation($person: ID!) { removeStaff(person: $person) { person { name } errors { code message field } } }"
ASSIGN = """mutation($partner: ID!, $rm: ID!) {
  assignRelationshipManager(partner: $partner, relationshipManager: $rm) {
    partner { relationshipManagers { name } } errors { code message field } } }"""
UNASSIGN = """mutation($partner: ID!, $rm: ID!) {
  unassignRelationshipManager(partner: $partner, relationshipManager: $rm) {
    partner { relationshipManagers { name } } errors { code message field } } }"""
RM = "demo-relationship-manager"
CONTOSO = "p-contoso"  # the partner admin's own organization


def _partner(state, name: str) -> str:
    return global_id("Partner", f"{state['prefix']}-{name}")


def _person(state) -> str:
    return global_id("Person", f"{state['prefix']}-s")


async def _two_roots(gql, session, state) -> None:
    """Two roots, `a` and `b`."""
    await mutate(gql, "enterprise-admin", CREATE_PARTNERS, partners=[
        {"key": f"{state['prefix']}-a", "name": f"{state['prefix']} A", "type": "DISTRIBUTOR"},
        {"key": f"{state['prefix']}-b", "name": f"{state['prefix']} B", "type": "RESELLER"}])


async def _b_under_a(gql, session, state) -> None:
    await _two_roots(gql, session, state)
    await mutate(gql, "enterprise-admin", ATTACH, partner=_partner(state, "b"), parent=_partner(state, "a"))


async def _three_with_c_under_a(gql, session, state) -> None:
    await _two_roots(gql, session, state)
    await mutate(gql, "enterprise-admin", CREATE_PARTNERS, partners=[
        {"key": f"{state['prefix']}-c", "name": f"{state['prefix']} C", "type": "RESELLER",
         "parent": _partner(state, "a")}])


async def _managed(gql, session, state) -> None:
    await _two_roots(gql, session, state)
    await mutate(gql, "enterprise-admin", ASSIGN, partner=_partner(state, "a"), rm=global_id("Person", RM))


def _staff_item(state, role: str = "ASSOCIATE") -> dict:
    return {"key": f"{state['prefix']}-s", "partner": global_id("Partner", CONTOSO), "name": "Sam Staff",
            "email": f"{state['prefix']}.s@contoso.example", "role": role}


async def _staff(gql, session, state) -> None:
    await mutate(gql, "partner-admin", STAFF, staff=[_staff_item(state)])


async def _create_accounts(gql, session, state) -> None:
    await mutate(gql, state["persona"], CREATE_ACCOUNTS, a=[
        {"key": f"{state['prefix']}-1", "partner": global_id("Partner", "p-tailspin"), "name": "Zyxo Corp"},
        {"key": f"{state['prefix']}-2", "partner": global_id("Partner", "p-fabrikam"), "name": "Globex",
         "industry": "Energy"}])


async def _create_partners(gql, session, state) -> None:
    await mutate(gql, state["persona"], CREATE_PARTNERS, partners=[
        {"key": f"{state['prefix']}-a", "name": f"{state['prefix']} A", "type": "DISTRIBUTOR", "country": "de"},
        {"key": f"{state['prefix']}-b", "name": f"{state['prefix']} B", "type": "RESELLER",
         "parent": _partner(state, "a")}])


async def _attach(gql, session, state) -> None:
    await mutate(gql, state["persona"], ATTACH, partner=_partner(state, "b"), parent=_partner(state, "a"))


async def _move(gql, session, state) -> None:
    await mutate(gql, state["persona"], MOVE, partner=_partner(state, "b"), parent=_partner(state, "c"))


async def _detach(gql, session, state) -> None:
    await mutate(gql, state["persona"], DETACH, partner=_partner(state, "b"))


async def _update(gql, session, state) -> None:
    await mutate(gql, state["persona"], UPDATE, partner=_partner(state, "a"), status="ACTIVE", name="Renamed A")


async def _register(gql, session, state) -> None:
    second = {**_staff_item(state, "MANAGER"), "key": f"{state['prefix']}-t",
              "email": f"{state['prefix']}.t@contoso.example"}
    await mutate(gql, state["persona"], STAFF, staff=[_staff_item(state), second])


async def _change_role(gql, session, state) -> None:
    await mutate(gql, state["persona"], ROLE, person=_person(state), role="MANAGER")


async def _remove(gql, session, state) -> None:
    await mutate(gql, state["persona"], REMOVE, person=_person(state))


async def _assign(gql, session, state) -> None:
    await mutate(gql, state["persona"], ASSIGN, partner=_partner(state, "a"), rm=global_id("Person", RM))


async def _unassign(gql, session, state) -> None:
    await mutate(gql, state["persona"], UNASSIGN, partner=_partner(state, "a"), rm=global_id("Person", RM))


LOGGED = [
    Logged("createAccounts", _create_accounts, [("Account", "CREATED")] * 2, "partner-manager"),
    Logged("createPartners", _create_partners, [("Partner", "CREATED")] * 2),
    Logged("attachPartner", _attach, [("Partner", "RELATED")], setup=_two_roots),
    Logged("movePartner", _move, [("Partner", "RELATED")], setup=_three_with_c_under_a),
    Logged("detachPartner", _detach, [("Partner", "UNRELATED")], setup=_b_under_a),
    Logged("updatePartner", _update, [("Partner", "STATE_CHANGED")], setup=_two_roots),
    Logged("registerStaff", _register, [("Person", "CREATED")] * 2, "partner-admin"),
    Logged("changeStaffRole", _change_role, [("Person", "UPDATED")], "partner-admin", _staff),
    Logged("removeStaff", _remove, [("Person", "UNRELATED")], "partner-admin", _staff),
    Logged("assignRelationshipManager", _assign, [("Partner", "RELATED")], setup=_two_roots),
    Logged("unassignRelationshipManager", _unassign, [("Partner", "UNRELATED")], setup=_managed),
]


@pytest.mark.parametrize("case", LOGGED, ids=lambda case: case.mutation)
async def test_partners_mutation_writes_its_records(case, gql, session):
    await check_logged(case, gql, session)


def _fields(record: dict) -> dict:
    return {f["field"]: (f["old"], f["new"]) for f in record["fields"]}


def _anchored(record: dict, partner_id: str, scope: str = "partner", scope_id: str | None = None) -> None:
    assert (record["scope"], record["scopeId"], record["partnerId"]) == (scope, scope_id or partner_id, partner_id)
    assert record["enterpriseFields"] == [] and record["enterpriseOnly"] is False
    assert record.get("lineageId") is None


async def test_hierarchy_records_name_the_parent(gql, session):
    async def act(gql, session, state) -> None:
        await _move(gql, session, state)
        await _detach(gql, session, state)

    async def setup(gql, session, state) -> None:
        await _three_with_c_under_a(gql, session, state)
        await _attach(gql, session, state)

    case = Logged("", act, [("Partner", "RELATED"), ("Partner", "UNRELATED")], setup=setup)
    moved, detached = await check_logged(case, gql, session)
    b, a, c = (moved["entityId"].removesuffix("-b") + f"-{k}" for k in "bac")
    assert (moved["entityId"], moved["relationship"], moved["otherType"], moved["otherId"]) == (
        b, "PARENT_OF", "Partner", c)
    assert moved["fields"] == [{"field": "parent", "old": a, "new": c}]
    assert (detached["relationship"], detached["otherId"]) == ("PARENT_OF", c)
    assert detached["fields"] == [{"field": "parent", "old": c, "new": None}]
    for record in (moved, detached):
        _anchored(record, b)
        assert record["actorId"] == "demo-enterprise-admin" and record["actorPersona"] == "enterprise-admin"
    assert moved.get("fromState") is None and moved.get("toState") is None


async def test_created_and_updated_partner_fields(gql, session):
    async def act(gql, session, state) -> None:
        await _create_partners(gql, session, state)
        await _update(gql, session, state)
        await mutate(gql, "enterprise-admin", UPDATE, partner=_partner(state, "b"), country="fr")

    case = Logged("", act, [("Partner", "CREATED")] * 2 + [("Partner", "STATE_CHANGED"), ("Partner", "UPDATED")])
    created_a, created_b, activated, moved_country = await check_logged(case, gql, session)
    a, b = created_a["entityId"], created_b["entityId"]
    fields = _fields(created_a)
    assert {k: v for k, v in fields.items() if k != "createdAt"} == {
        "name": (None, f"{a.removesuffix('-a')} A"), "type": (None, "DISTRIBUTOR"), "status": (None, "PROSPECT"),
        "country": (None, "DE")}
    assert fields["createdAt"][0] is None and fields["createdAt"][1].startswith("20")
    assert _fields(created_b)["parent"] == (None, a)
    assert (activated["fromState"], activated["toState"]) == ("PROSPECT", "ACTIVE")
    assert activated["fields"] == [{"field": "name", "old": f"{a.removesuffix('-a')} A", "new": "Renamed A"},
                                   {"field": "status", "old": "PROSPECT", "new": "ACTIVE"}]
    assert moved_country["fields"] == [{"field": "country", "old": None, "new": "FR"}]
    _anchored(created_a, a)
    _anchored(created_b, b)
    _anchored(activated, a)


async def test_staff_records_carry_membership_and_role(gql, session):
    async def act(gql, session, state) -> None:
        await _staff(gql, session, state)
        await _change_role(gql, session, state)
        await _remove(gql, session, state)

    case = Logged("", act, [("Person", "CREATED"), ("Person", "UPDATED"), ("Person", "UNRELATED")], "partner-admin")
    registered, promoted, removed = await check_logged(case, gql, session)
    fields = _fields(registered)
    assert {k: v for k, v in fields.items() if k != "createdAt"} == {
        "name": (None, "Sam Staff"), "email": (None, fields["email"][1]), "memberOf": (None, CONTOSO),
        "partnerRole": (None, "ASSOCIATE")}
    assert fields["email"][1].endswith(".s@contoso.example")
    assert promoted["fields"] == [{"field": "partnerRole", "old": "ASSOCIATE", "new": "MANAGER"}]
    assert (removed["relationship"], removed["otherType"], removed["otherId"]) == ("MEMBER_OF", "Partner", CONTOSO)
    assert removed["fields"] == [{"field": "memberOf", "old": CONTOSO, "new": None},
                                 {"field": "partnerRole", "old": "MANAGER", "new": None}]
    for record in (registered, promoted, removed):
        _anchored(record, CONTOSO)
        assert record["actorId"] == "demo-partner-admin"


async def test_relationship_manager_records_name_the_manager(gql, session):
    async def act(gql, session, state) -> None:
        await _assign(gql, session, state)
        await _unassign(gql, session, state)

    case = Logged("", act, [("Partner", "RELATED"), ("Partner", "UNRELATED")], setup=_two_roots)
    assigned, unassigned = await check_logged(case, gql, session)
    for record in (assigned, unassigned):
        assert (record["relationship"], record["otherType"], record["otherId"]) == ("MANAGES", "Person", RM)
        _anchored(record, assigned["entityId"])
    assert assigned["fields"] == [{"field": "relationshipManagers", "old": [], "new": [RM]}]
    assert unassigned["fields"] == [{"field": "relationshipManagers", "old": [RM], "new": []}]


async def test_account_records_are_anchored_to_the_account_and_its_partner(gql, session):
    case = Logged("", _create_accounts, [("Account", "CREATED")] * 2, "partner-manager")
    tailspin, fabrikam = await check_logged(case, gql, session)
    _anchored(tailspin, "p-tailspin", "account", tailspin["entityId"])
    _anchored(fabrikam, "p-fabrikam", "account", fabrikam["entityId"])
    fields = _fields(fabrikam)
    assert (fields["name"], fields["industry"], fields["partners"]) == (
        (None, "Globex"), (None, "Energy"), (None, ["p-fabrikam"]))
    assert "country" not in fields  # not given: no property, nothing to list


async def test_no_change_and_refusals_write_nothing(gql, session):
    async def act(gql, session, state) -> None:
        same = await mutate(gql, "enterprise-admin", UPDATE, partner=_partner(state, "a"),
                            name=f"{state['prefix']} A")  # the name it has
        assert same["partner"]["name"] == f"{state['prefix']} A"
        again = await mutate(gql, "enterprise-admin", ASSIGN, partner=_partner(state, "a"), rm=global_id("Person", RM))
        assert again["partner"]["relationshipManagers"] == [{"name": "Rita Relationship"}]
        root = await mutate(gql, "enterprise-admin", DETACH, partner=_partner(state, "b"))  # a root already
        assert root["partner"]["key"] == f"{state['prefix']}-b"
        cycle = await gql.data(MOVE, variables={"partner": _partner(state, "a"), "parent": _partner(state, "a")})
        assert cycle["movePartner"]["errors"]
        other_tenant = await gql.data(ROLE, persona="partner-admin", variables={
            "person": global_id("Person", "p-eurolink-associate"), "role": "ADMIN"})
        assert [e["code"] for e in other_tenant["changeStaffRole"]["errors"]] == ["NOT_FOUND"]

    await check_logged(Logged("", act, [], setup=_managed), gql, session)
