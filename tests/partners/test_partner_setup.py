"""Setup step 1: create partners (in batches), build the hierarchy, register staff — and every bad
input refused with a typed error that names the input and changes nothing."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from tests.conftest import global_id

CREATE = """mutation($partners: [CreatePartnerInput!]!) {
  createPartners(partners: $partners) { partners { key name depth parent { name } } errors { code message field } } }"""
MOVE = """mutation($partner: ID!, $parent: ID) {
  movePartner(partner: $partner, parent: $parent) { partner { key ancestors { name } }
    errors { code message field } } }"""
ATTACH = """mutation($partner: ID!, $parent: ID!) {
  attachPartner(partner: $partner, parent: $parent) { partner { key } errors { code message field } } }"""
UPDATE = """mutation($partner: ID!, $status: PartnerStatus, $name: String, $country: String) {
  updatePartner(partner: $partner, status: $status, name: $name, country: $country) {
    partner { name status country } errors { code message field } } }"""
STAFF = """mutation($staff: [RegisterStaffInput!]!) {
  registerStaff(staff: $staff) { staff { key name partnerRole } errors { code message field } } }"""


@pytest.fixture
def prefix():
    return f"t{uuid.uuid4().hex[:8]}"


@pytest.fixture
async def cleanup(session):
    prefixes: list[str] = []
    yield prefixes.append
    for p in prefixes:
        await session.write_transaction(lambda tx, p=p: tx.run(
            "MATCH (n) WHERE (n:Partner OR n:Person) AND n.id STARTS WITH $p DETACH DELETE n", p=p))


async def _count(session, prefix: str) -> int:
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (n) WHERE (n:Partner OR n:Person) AND n.id STARTS WITH $p RETURN count(n) AS n", p=prefix))
    return rows[0]["n"]


def _chain(prefix: str) -> list[dict]:
    return [
        {"key": f"{prefix}-dist", "name": f"{prefix} Distribution", "type": "DISTRIBUTOR", "status": "ACTIVE",
         "country": "de", "currency": "eur"},
        {"key": f"{prefix}-res", "name": f"{prefix} Reseller", "type": "RESELLER",
         "parent": global_id("Partner", f"{prefix}-dist")},
        {"key": f"{prefix}-sub", "name": f"{prefix} Sub", "type": "RESELLER",
         "parent": global_id("Partner", f"{prefix}-res")},
    ]


async def _create(gql, items, persona="enterprise-admin"):
    return (await gql.data(CREATE, persona=persona, variables={"partners": items}))["createPartners"]


async def test_create_a_channel_in_one_batch(gql, prefix, cleanup):
    cleanup(prefix)
    payload = await _create(gql, _chain(prefix))
    assert payload["errors"] == []
    assert [(p["key"], p["depth"]) for p in payload["partners"]] == [(f"{prefix}-dist", 0), (f"{prefix}-res", 1),
                                                                     (f"{prefix}-sub", 2)]
    assert payload["partners"][2]["parent"] == {"name": f"{prefix} Reseller"}
    data = await gql.data("query($id: ID!) { partner(id: $id) { status country currency } }",
                          variables={"id": global_id("Partner", f"{prefix}-dist")})
    assert data["partner"] == {"status": "ACTIVE", "country": "DE", "currency": "EUR"}


async def test_generated_keys(gql, prefix, cleanup, session):
    payload = await _create(gql, [{"name": f"{prefix} Keyless", "type": "REFERRAL"}])
    key = payload["partners"][0]["key"]
    cleanup(key)
    assert key.startswith("p-") and payload["partners"][0]["depth"] == 0


@pytest.mark.parametrize(
    "bad, code, field",
    [
        ({"country": "Germany"}, "VALIDATION", ["partners", "2", "country"]),
        ({"currency": "EURO"}, "VALIDATION", ["partners", "2", "currency"]),
        ({"name": "   "}, "VALIDATION", ["partners", "2", "name"]),
        ({"key": "has space"}, "VALIDATION", ["partners", "2", "key"]),
        ({"parent": "not-a-global-id"}, "VALIDATION", ["partners", "2", "parent"]),
        ({"parent": global_id("Person", "demo-enterprise-admin")}, "VALIDATION", ["partners", "2", "parent"]),
        ({"parent": global_id("Partner", "no-such-partner")}, "NOT_FOUND", ["partners", "2", "parent"]),
        ({"key": "p-northwind"}, "CONFLICT", ["partners", "2", "key"]),
    ],
)
async def test_one_bad_item_creates_nothing(gql, session, prefix, cleanup, bad, code, field):
    cleanup(prefix)
    items = _chain(prefix)
    items[2].update(bad)  # the last item: no other item depends on it
    payload = await _create(gql, items)
    assert payload["partners"] == []
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)], payload["errors"]
    assert await _count(session, prefix) == 0
    if bad.get("key") == "p-northwind":  # the clash left the existing partner as it was
        northwind = await gql.data("query($id: ID!) { partner(id: $id) { name } }",
                                   variables={"id": global_id("Partner", "p-northwind")})
        assert northwind["partner"]["name"] == "Northwind Distribution"


async def test_parent_must_come_earlier_and_keys_be_unique(gql, session, prefix):
    items = list(reversed(_chain(prefix)))
    payload = await _create(gql, items)
    assert {(e["code"], tuple(e["field"])) for e in payload["errors"]} == {
        ("VALIDATION", ("partners", "0", "parent")), ("VALIDATION", ("partners", "1", "parent"))}
    twice = [_chain(prefix)[0], {**_chain(prefix)[0]}]
    payload = await _create(gql, twice)
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("CONFLICT", ["partners", "1", "key"])]
    assert await _count(session, prefix) == 0


async def test_empty_and_oversized_batches(gql):
    assert (await _create(gql, []))["errors"][0]["code"] == "VALIDATION"
    many = [{"name": f"x{i}", "type": "REFERRAL"} for i in range(1001)]
    # Longer than the batch maximum: refused before the input is coerced (schema/shared/limits.py), as a request error.
    status, body = await gql.post(CREATE, variables={"partners": many})
    assert (status, "data" in body) == (400, False)
    assert body["errors"][0]["extensions"]["code"] == "LIST_TOO_LONG"
    assert body["errors"][0]["message"] == "$partners holds 1001 items; at most 1000 per list"


async def test_move_a_subtree_and_refuse_cycles(gql, prefix, cleanup):
    cleanup(prefix)
    await _create(gql, _chain(prefix) + [{"key": f"{prefix}-other", "name": f"{prefix} Other", "type": "DISTRIBUTOR"}])
    res, sub, dist, other = (global_id("Partner", f"{prefix}-{k}") for k in ("res", "sub", "dist", "other"))

    moved = (await gql.data(MOVE, variables={"partner": res, "parent": other}))["movePartner"]
    assert moved["errors"] == [] and moved["partner"]["ancestors"] == [{"name": f"{prefix} Other"}]
    sub_now = await gql.data("query($id: ID!) { partner(id: $id) { ancestors { name } } }", variables={"id": sub})
    assert sub_now["partner"]["ancestors"] == [{"name": f"{prefix} Other"}, {"name": f"{prefix} Reseller"}]

    cycle = (await gql.data(MOVE, variables={"partner": other, "parent": sub}))["movePartner"]
    assert [(e["code"], e["field"]) for e in cycle["errors"]] == [("VALIDATION", ["parent"])]
    assert "cycle" in cycle["errors"][0]["message"]
    itself = (await gql.data(MOVE, variables={"partner": res, "parent": res}))["movePartner"]
    assert itself["errors"][0]["message"] == "a partner cannot be its own parent"

    second = (await gql.data(ATTACH, variables={"partner": res, "parent": dist}))["attachPartner"]
    assert second["errors"][0]["code"] == "CONFLICT" and "at most one" in second["errors"][0]["message"]
    still = await gql.data("query($id: ID!) { partner(id: $id) { parent { name } } }", variables={"id": res})
    assert still["partner"]["parent"] == {"name": f"{prefix} Other"}

    detached = await gql.data('mutation($p: ID!) { detachPartner(partner: $p) { partner { depth } errors { code } } }',
                              variables={"p": res})
    assert detached["detachPartner"] == {"partner": {"depth": 0}, "errors": []}
    attached = (await gql.data(ATTACH, variables={"partner": res, "parent": dist}))["attachPartner"]
    assert attached["errors"] == []


async def _waiting_transactions(session) -> int:
    """Transactions waiting for a lock: blocked in a statement, or at commit (status Closing: Neo4j takes
    the locks of new relationships when it commits)."""
    rows = await session.read_transaction(lambda tx: tx.run(
        "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' OR status = 'Closing' "
        "RETURN count(*) AS n"))
    return rows[0]["n"]


async def _hierarchy_of(session, keys: list[str]) -> dict:
    rows = await session.read_transaction(lambda tx: tx.run(
        """UNWIND $keys AS key MATCH (p:Partner {id: key})
           RETURN key, [(parent:Partner)-[:PARENT_OF]->(p) | parent.id] AS parents,
                  EXISTS { MATCH (p)-[:PARENT_OF*1..]->(p) } AS inCycle""", keys=keys))
    return {r["key"]: (r["parents"], r["inCycle"]) for r in rows}


async def test_concurrent_moves_cannot_form_a_cycle(gql, session, prefix, cleanup):
    """A under B and B under A at the same moment. A transaction of the test's own holds the HierarchyLock
    (and both partners) until both moves are seen waiting in Neo4j, so they truly overlap; released, the
    lock makes them run one after the other, and the second sees the cycle it would make. Without the lock
    both would pass their cycle check while the other has not written yet, and both write: a cycle."""
    cleanup(prefix)
    a_key, b_key = f"{prefix}-a", f"{prefix}-b"
    await _create(gql, [{"key": a_key, "name": "A", "type": "RESELLER"},
                        {"key": b_key, "name": "B", "type": "RESELLER"}])
    a, b = global_id("Partner", a_key), global_id("Partner", b_key)
    client = session.client
    async with client.driver.session(database=client.database) as holder_session:
        holder = await holder_session.begin_transaction()
        await holder.run("MERGE (lock:HierarchyLock {id: 'channel'}) SET lock.version = coalesce(lock.version, 0) + 1")
        await holder.run("MATCH (p:Partner) WHERE p.id IN $keys SET p.version = coalesce(p.version, 0)",
                         keys=[a_key, b_key])
        moves = [asyncio.ensure_future(gql.data(MOVE, variables={"partner": a, "parent": b})),
                 asyncio.ensure_future(gql.data(MOVE, variables={"partner": b, "parent": a}))]
        try:
            while await _waiting_transactions(session) < 2 and not any(m.done() for m in moves):
                await asyncio.sleep(0.02)
            assert not any(m.done() for m in moves), "a move finished while the hierarchy lock was held"
            assert await _hierarchy_of(session, [a_key, b_key]) == {a_key: ([], False), b_key: ([], False)}
        finally:
            await holder.rollback()
        results = await asyncio.gather(*moves)
    outcomes = sorted(bool(r["movePartner"]["errors"]) for r in results)
    assert outcomes == [False, True]  # one wins, the other sees the cycle it would make
    [refused] = [r["movePartner"]["errors"] for r in results if r["movePartner"]["errors"]]
    assert "cycle" in refused[0]["message"]
    hierarchy = await _hierarchy_of(session, [a_key, b_key])
    assert not any(in_cycle for _, in_cycle in hierarchy.values())
    assert sorted(len(parents) for parents, _ in hierarchy.values()) == [0, 1]


async def test_partner_status_machine(gql, prefix, cleanup):
    cleanup(prefix)
    await _create(gql, [{"key": prefix, "name": prefix, "type": "RESELLER"}])
    pid = global_id("Partner", prefix)

    async def status(to):
        return (await gql.data(UPDATE, variables={"partner": pid, "status": to}))["updatePartner"]

    assert (await status("ACTIVE"))["partner"]["status"] == "ACTIVE"
    back = await status("PROSPECT")
    assert back["partner"] is None and back["errors"][0]["code"] == "INVALID_TRANSITION"
    assert back["errors"][0]["field"] == ["status"]
    assert (await status("SUSPENDED"))["errors"] == []
    assert (await status("TERMINATED"))["errors"] == []
    final = await status("ACTIVE")
    assert final["errors"][0]["message"] == "a partner cannot go from TERMINATED to ACTIVE; allowed: none (final state)"
    renamed = (await gql.data(UPDATE, variables={"partner": pid, "name": "Renamed", "country": "xx1"}))["updatePartner"]
    assert renamed["errors"][0]["field"] == ["country"]


async def test_register_and_manage_staff(gql, prefix, cleanup, session):
    cleanup(prefix)
    contoso = global_id("Partner", "p-contoso")
    staff = [{"key": f"{prefix}-m", "partner": contoso, "name": "Mia Manager", "email": f"{prefix}.m@contoso.example",
              "role": "MANAGER"},
             {"key": f"{prefix}-a", "partner": contoso, "name": "Al Admin", "email": f"{prefix}.a@Contoso.example",
              "role": "ADMIN"}]
    # A partner admin registers staff of their own organization.
    payload = (await gql.data(STAFF, persona="partner-admin", variables={"staff": staff}))["registerStaff"]
    assert payload["errors"] == [] and [p["partnerRole"] for p in payload["staff"]] == ["MANAGER", "ADMIN"]

    again = (await gql.data(STAFF, variables={"staff": [{**staff[1], "key": f"{prefix}-dup",
                                                          "email": staff[1]["email"].upper()}]}))["registerStaff"]
    assert [(e["code"], e["field"]) for e in again["errors"]] == [("CONFLICT", ["staff", "0", "email"])]

    role = ('mutation($p: ID!, $r: PartnerRole!) { changeStaffRole(person: $p, role: $r) { '
            'person { partnerRole } errors { code message } } }')
    changed = await gql.data(role, persona="partner-admin",
                             variables={"p": global_id("Person", f"{prefix}-m"), "r": "ASSOCIATE"})
    assert changed["changeStaffRole"] == {"person": {"partnerRole": "ASSOCIATE"}, "errors": []}
    remove = 'mutation($p: ID!) { removeStaff(person: $p) { person { name } errors { code } } }'
    assert (await gql.data(remove, persona="partner-admin", variables={"p": global_id("Person", f"{prefix}-m")}))[
        "removeStaff"]["errors"] == []
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (p:Person {id: $id}) RETURN EXISTS { (p)-[:MEMBER_OF]->() } AS member", id=f"{prefix}-m"))
    assert rows == [{"member": False}]


async def test_an_organization_keeps_an_admin(gql, prefix, cleanup, session):
    cleanup(prefix)
    await _create(gql, [{"key": prefix, "name": prefix, "type": "RESELLER"}])
    await gql.data(STAFF, variables={"staff": [{"key": f"{prefix}-a", "partner": global_id("Partner", prefix),
                                                "name": "Only Admin", "email": f"{prefix}@x.example",
                                                "role": "ADMIN"}]})
    role = ('mutation($p: ID!) { changeStaffRole(person: $p, role: MANAGER) { person { name } '
            'errors { code message } } }')
    refused = await gql.data(role, variables={"p": global_id("Person", f"{prefix}-a")})
    assert refused["changeStaffRole"]["errors"] == [{"code": "VALIDATION",
                                                     "message": "an organization keeps at least one admin"}]


async def test_partner_admin_staff_rights_stop_at_their_organization(gql, prefix, session):
    fabrikam = global_id("Partner", "p-fabrikam")  # a child of the partner admin's Contoso: visible, not theirs
    eurolink = global_id("Partner", "p-eurolink")  # another tenant: out of scope
    item = {"partner": fabrikam, "name": "Nope", "email": f"{prefix}@nope.example", "role": "ASSOCIATE", "key": prefix}
    child = (await gql.data(STAFF, persona="partner-admin", variables={"staff": [item]}))["registerStaff"]
    assert [e["code"] for e in child["errors"]] == ["FORBIDDEN"]
    other = (await gql.data(STAFF, persona="partner-admin",
                            variables={"staff": [{**item, "partner": eurolink}]}))["registerStaff"]
    assert [e["code"] for e in other["errors"]] == ["NOT_FOUND"]
    role = 'mutation($p: ID!) { changeStaffRole(person: $p, role: ADMIN) { errors { code } } }'
    for person, code in (("p-fabrikam-associate", "FORBIDDEN"), ("p-eurolink-associate", "NOT_FOUND")):
        data = await gql.data(role, persona="partner-admin", variables={"p": global_id("Person", person)})
        assert [e["code"] for e in data["changeStaffRole"]["errors"]] == [code]
    assert await _count(session, prefix) == 0


async def test_relationship_manager_assignment_widens_their_view_at_once(gql, prefix, cleanup):
    cleanup(prefix)
    await _create(gql, [{"key": prefix, "name": prefix, "type": "RESELLER"}])
    pid = global_id("Partner", prefix)
    read = "query($id: ID!) { partner(id: $id) { name relationshipManagers { name } } }"
    assert (await gql.data(read, persona="relationship-manager", variables={"id": pid}))["partner"] is None
    assign = """mutation($p: ID!, $rm: ID!) { assignRelationshipManager(partner: $p, relationshipManager: $rm) {
                  partner { relationshipManagers { name } } errors { code field } } }"""
    not_rm = await gql.data(assign, variables={"p": pid, "rm": global_id("Person", "demo-partner-agent")})
    assert not_rm["assignRelationshipManager"]["errors"] == [{"code": "VALIDATION", "field": ["relationshipManager"]}]
    done = await gql.data(assign, variables={"p": pid, "rm": global_id("Person", "demo-relationship-manager")})
    assert done["assignRelationshipManager"]["partner"]["relationshipManagers"] == [{"name": "Rita Relationship"}]
    seen = await gql.data(read, persona="relationship-manager", variables={"id": pid})
    assert seen["partner"]["name"] == prefix
    unassign = """mutation($p: ID!, $rm: ID!) { unassignRelationshipManager(partner: $p, relationshipManager: $rm) {
                    errors { code } } }"""
    await gql.data(unassign, variables={"p": pid, "rm": global_id("Person", "demo-relationship-manager")})
    assert (await gql.data(read, persona="relationship-manager", variables={"id": pid}))["partner"] is None
