"""Deal ownership: a partner associate sees only the registrations they submitted or own;
`assignDealOwner` (partner admin or manager in scope, enterprise admin) names the owner, replacing any
previous one, in one write transaction; `createDealRegistrations` may name it too."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import global_id
from tests.selling.test_selling_flow import CREATE, FABRIKAM, _cleanup, _create, _deal, _key

ASSOCIATE = "p-fabrikam-associate"  # a Fabrikam associate who submits none of these deals
OWNER_ASSOCIATE = global_id("Person", ASSOCIATE)
FABRIKAM_ADMIN = global_id("Person", "p-fabrikam-admin")
TAILSPIN_ASSOCIATE = global_id("Person", "demo-partner-associate")  # staff of Tailspin, below Fabrikam
CONTOSO_DEAL = global_id("DealRegistration", "dr-demo-contoso-initech")  # Fabrikam's parent's

ASSIGN = """mutation($id: ID!, $owner: ID!) { assignDealOwner(registration: $id, owner: $owner) {
  registration { key owner { key } submittedBy { key } lineageChangedAt updatedAt }
  errors { code field message } } }"""
SEE = """query($id: ID!) { node(id: $id) { id } dealRegistration(id: $id) { key } }"""
LIST = """query($p: ID!) { partner(id: $p) { dealRegistrations(first: 100) { edges { node { key } } } } }"""


@pytest.fixture
async def prefix(session):
    value = _key("t-owner")
    yield value
    await _cleanup(session, value)


async def _assign(gql, gid: str, owner: str, persona: str | None = "partner-manager",
                  person: str | None = None) -> dict:
    data = await gql.data(ASSIGN, persona=persona, person=person, variables={"id": gid, "owner": owner})
    return data["assignDealOwner"]


async def _associate_sees(gql, gid: str, key: str) -> bool:
    """Whether the Fabrikam associate sees the registration; node(id:), dealRegistration(id:) and the
    partner's list must agree."""
    single = await gql.data(SEE, person=ASSOCIATE, variables={"id": gid})
    edges = (await gql.data(LIST, person=ASSOCIATE, variables={"p": FABRIKAM}))["partner"]["dealRegistrations"]["edges"]
    in_list = key in {e["node"]["key"] for e in edges}
    by_node = single["node"] is not None
    by_id = single["dealRegistration"] is not None
    assert by_node == by_id == in_list, (single, in_list)
    return by_node


async def _facts(session, key: str) -> dict | None:
    """The stored owner(s), lineageChangedAt and lock version of a registration; None when absent."""
    rows = await session.read_transaction(lambda tx: tx.run(
        """MATCH (dr:DealRegistration {id: $id})
           RETURN dr.lineageChangedAt AS changed, dr.version AS version,
                  COLLECT { MATCH (dr)-[:OWNED_BY]->(p:Person) RETURN p.id } AS owners""", id=key))
    if not rows:
        return None
    return {"changed": rows[0]["changed"], "version": rows[0]["version"], "owners": sorted(rows[0]["owners"])}


async def test_owner_widens_an_associates_view_and_reassigning_narrows_it(clocked_gql, clock, session, prefix):
    gql = clocked_gql
    clock.set(datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    key = f"{prefix}-a"
    (reg,) = await _create(gql, "partner-manager", _deal(key))
    gid = reg["id"]
    assert not await _associate_sees(gql, gid, key)  # neither submitted nor owns it

    clock.advance(hours=1)
    named = await _assign(gql, gid, OWNER_ASSOCIATE)
    assert named["errors"] == []
    assert named["registration"]["owner"] == {"key": ASSOCIATE}
    assert named["registration"]["submittedBy"] == {"key": "demo-partner-manager"}
    assert named["registration"]["lineageChangedAt"].startswith("2026-06-01T10:00")
    assert await _associate_sees(gql, gid, key)
    seen = await gql.data("""query($id: ID!) { dealRegistration(id: $id) { owner { key } } }""",
                          person=ASSOCIATE, variables={"id": gid})
    assert seen["dealRegistration"]["owner"] == {"key": ASSOCIATE}

    # Contoso's admin reaches Fabrikam (below Contoso); the previous owner is replaced, not added to.
    clock.advance(hours=1)
    moved = await _assign(gql, gid, FABRIKAM_ADMIN, persona="partner-admin")
    assert moved["errors"] == [] and moved["registration"]["owner"] == {"key": "p-fabrikam-admin"}
    assert moved["registration"]["lineageChangedAt"].startswith("2026-06-01T11:00")
    assert (await _facts(session, key))["owners"] == ["p-fabrikam-admin"]
    assert not await _associate_sees(gql, gid, key)

    # The enterprise admin may name an owner anywhere.
    back = await _assign(gql, gid, OWNER_ASSOCIATE, persona="enterprise-admin")
    assert back["errors"] == [] and back["registration"]["owner"] == {"key": ASSOCIATE}
    assert (await _facts(session, key))["owners"] == [ASSOCIATE]
    assert await _associate_sees(gql, gid, key)


async def test_refusals_change_nothing(gql, session, prefix):
    key = f"{prefix}-b"
    (reg,) = await _create(gql, "partner-manager", _deal(key))
    gid = reg["id"]
    assert (await _assign(gql, gid, FABRIKAM_ADMIN))["errors"] == []
    before = await _facts(session, key)
    assert before["owners"] == ["p-fabrikam-admin"]

    # Staff of a partner below (Tailspin) is not staff of Fabrikam; an enterprise person is no one's staff.
    for owner in (TAILSPIN_ASSOCIATE, global_id("Person", "demo-enterprise-admin"), global_id("Person", "nobody")):
        refused = await _assign(gql, gid, owner, persona="enterprise-admin")
        assert refused["registration"] is None
        assert [(e["code"], e["field"]) for e in refused["errors"]] == [("VALIDATION", ["owner"])], refused
    # An associate (even the one who would be named), an executive, a relationship manager, an agent may not.
    for kwargs in ({"persona": None, "person": ASSOCIATE}, {"persona": "partner-associate"},
                   {"persona": "enterprise-executive"}, {"persona": "relationship-manager"},
                   {"persona": "partner-agent"}):
        refused = await _assign(gql, gid, OWNER_ASSOCIATE, **kwargs)
        assert [e["code"] for e in refused["errors"]] == ["FORBIDDEN"], (kwargs, refused)
    # Out of scope reads as not found: Fabrikam's manager and Contoso's registration.
    hidden = await _assign(gql, CONTOSO_DEAL, global_id("Person", "demo-partner-admin"))
    assert [(e["code"], e["field"]) for e in hidden["errors"]] == [("NOT_FOUND", ["registration"])]
    # Not a person's ID.
    wrong = await _assign(gql, gid, FABRIKAM)
    assert [(e["code"], e["field"]) for e in wrong["errors"]] == [("VALIDATION", ["owner"])]

    assert await _facts(session, key) == before  # owner, lineageChangedAt and the lock's version untouched
    assert not await _associate_sees(gql, gid, key)


async def test_owner_named_at_creation(gql, session, prefix):
    key = f"{prefix}-c"
    (reg,) = await _create(gql, "partner-manager", _deal(key, owner=OWNER_ASSOCIATE))
    assert (await _facts(session, key))["owners"] == [ASSOCIATE]
    assert await _associate_sees(gql, reg["id"], key)

    async def errors(persona, *deals, person=None):
        data = await gql.data(CREATE, persona=persona, person=person, variables={"r": list(deals)})
        payload = data["createDealRegistrations"]
        assert payload["registrations"] == []
        return [(e["code"], e["field"]) for e in payload["errors"]]

    assert await errors("partner-manager", _deal(f"{prefix}-d", owner=TAILSPIN_ASSOCIATE)) == [
        ("VALIDATION", ["registrations", "0", "owner"])]
    # An associate may name only themselves (naming someone else would hand out the deal).
    assert await errors(None, _deal(f"{prefix}-e", owner=FABRIKAM_ADMIN), person=ASSOCIATE) == [
        ("FORBIDDEN", ["registrations", "0", "owner"])]
    assert await _facts(session, f"{prefix}-d") is None and await _facts(session, f"{prefix}-e") is None
    await _create(gql, None, _deal(f"{prefix}-f", owner=OWNER_ASSOCIATE), person=ASSOCIATE)
    assert (await _facts(session, f"{prefix}-f"))["owners"] == [ASSOCIATE]
