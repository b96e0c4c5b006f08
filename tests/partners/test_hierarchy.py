"""Hierarchy reads: ancestors, depth, descendants, staff, relationship managers, filters; and the
round-trip bound of a three-level query over a 10-partner and a 1,000-partner channel."""

from __future__ import annotations

import pytest

from tests.conftest import global_id

TAILSPIN = global_id("Partner", "p-tailspin")
NORTHWIND = global_id("Partner", "p-northwind")


def _names(connection: dict) -> list[str]:
    return [edge["node"]["name"] for edge in connection["edges"]]


async def test_ancestors_and_depth_per_persona(gql):
    query = "query($id: ID!) { partner(id: $id) { depth ancestors { __typename name } } }"
    admin = (await gql.data(query, variables={"id": TAILSPIN}))["partner"]
    assert admin["depth"] == 3
    assert admin["ancestors"] == [{"__typename": "Partner", "name": n}
                                  for n in ("Northwind Distribution", "Contoso Resellers", "Fabrikam Solutions")]
    manager = (await gql.data(query, persona="partner-manager", variables={"id": TAILSPIN}))["partner"]
    assert manager["ancestors"] == [{"__typename": "PartnerName", "name": "Northwind Distribution"},
                                    {"__typename": "PartnerName", "name": "Contoso Resellers"},
                                    {"__typename": "Partner", "name": "Fabrikam Solutions"}]
    associate = (await gql.data(query, persona="partner-associate", variables={"id": TAILSPIN}))["partner"]
    assert associate == {"depth": 3, "ancestors": []}


async def test_descendants_with_max_depth_and_filter(gql):
    query = """query($id: ID!, $d: Int, $f: PartnerFilter) { partner(id: $id) {
                 descendants(maxDepth: $d, filter: $f, first: 50) { edges { node { name } } } } }"""
    everything = _names((await gql.data(query, variables={"id": NORTHWIND}))["partner"]["descendants"])
    assert everything == ["Adatum Systems", "Contoso Resellers", "Fabrikam Solutions", "Litware Services",
                          "Lucerne Referral Network", "Proseware Partners", "Tailspin IT", "Wingtip Local"]
    two = _names((await gql.data(query, variables={"id": NORTHWIND, "d": 2}))["partner"]["descendants"])
    assert two == ["Adatum Systems", "Contoso Resellers", "Fabrikam Solutions", "Lucerne Referral Network",
                   "Proseware Partners"]
    resellers = _names((await gql.data(query, variables={"id": NORTHWIND,
                                                         "f": {"types": ["RESELLER"], "statuses": ["ACTIVE"]}}))
                       ["partner"]["descendants"])
    assert resellers == ["Contoso Resellers", "Fabrikam Solutions", "Proseware Partners", "Tailspin IT"]
    status, body = await gql.post(query, variables={"id": NORTHWIND, "d": 0})
    assert body["errors"][0]["message"] == "`maxDepth` must be at least 1"


async def test_descendants_stay_in_scope(gql):
    query = "query($id: ID!) { partner(id: $id) { descendants { edges { node { name } } } } }"
    data = await gql.data(query, persona="partner-associate", variables={"id": TAILSPIN})
    assert data["partner"]["descendants"]["edges"] == []


async def test_staff_by_role_and_relationship_managers(gql):
    query = """query($id: ID!) { partner(id: $id) {
                 staff(first: 10) { edges { node { name partnerRole } } }
                 admins: staff(roles: [ADMIN]) { edges { node { name } } }
                 relationshipManagers { name } } }"""
    data = (await gql.data(query, variables={"id": global_id("Partner", "p-contoso")}))["partner"]
    staff = {(e["node"]["name"], e["node"]["partnerRole"]) for e in data["staff"]["edges"]}
    assert ("Carla Contoso", "ADMIN") in staff and ("Contoso Resellers associate", "ASSOCIATE") in staff
    assert set(_names(data["admins"])) == {"Carla Contoso", "Contoso Resellers admin"}
    assert data["relationshipManagers"] == []
    northwind = await gql.data("query($id: ID!) { partner(id: $id) { relationshipManagers { name } } }",
                               variables={"id": NORTHWIND})
    assert northwind["partner"]["relationshipManagers"] == [{"name": "Rita Relationship"}]


@pytest.mark.parametrize(
    "filter, expected",
    [
        ({"types": ["DISTRIBUTOR"]}, ["Eurolink Distribution", "Northwind Distribution", "Pacific Channel Group"]),
        ({"statuses": ["PROSPECT"]}, ["Blue Yonder Consulting", "Wingtip Local"]),
        ({"countries": ["at"]}, ["Alpine Reseller GmbH", "Bergen IT Partner"]),
        ({"nameContains": "RESELL"}, ["Alpine Reseller GmbH", "Contoso Resellers", "Harbour Resellers"]),
    ],
)
async def test_partner_filters(gql, filter, expected):
    data = await gql.data("query($f: PartnerFilter) { partners(filter: $f, first: 50) { edges { node { name } } } }",
                          variables={"f": filter})
    assert _names(data["partners"]) == expected


THREE_LEVELS = """query($id: ID!) { partner(id: $id) { name
  children(first: 10) { edges { node { name
    children(first: 10) { edges { node { name
      children(first: 10) { edges { node { name depth } } } } } } } } } } }"""


async def _channel(session, prefix: str, fanout: int) -> str:
    """A root with `fanout` children, each with `fanout` children, each with `fanout` leaves."""
    await session.write_transaction(lambda tx: tx.run(
        """CREATE (root:Partner {id: $prefix, name: $prefix, type: 'DISTRIBUTOR', status: 'ACTIVE'})
           WITH root UNWIND range(1, $n) AS i
           CREATE (root)-[:PARENT_OF]->(a:Partner {id: $prefix + '-' + i, name: 'a' + i, type: 'RESELLER',
                                                   status: 'ACTIVE'})
           WITH a UNWIND range(1, $n) AS j
           CREATE (a)-[:PARENT_OF]->(b:Partner {id: a.id + '-' + j, name: 'b' + j, type: 'RESELLER', status: 'ACTIVE'})
           WITH b UNWIND range(1, $n) AS k
           CREATE (b)-[:PARENT_OF]->(:Partner {id: b.id + '-' + k, name: 'c' + k, type: 'RESELLER',
                                               status: 'ACTIVE'})""",
        prefix=prefix, n=fanout))
    return global_id("Partner", prefix)


async def test_round_trips_do_not_grow_with_the_channel(gql, session):
    try:
        small = await _channel(session, "rt-small", 2)   # 1 + 2 + 4 + 8 = 15 partners
        large = await _channel(session, "rt-large", 10)  # 1 + 10 + 100 + 1,000 = 1,111 partners
        counted = await session.read_transaction(lambda tx: tx.run(
            "MATCH (p:Partner) WHERE p.id STARTS WITH 'rt-large' RETURN count(p) AS n"))
        assert counted[0]["n"] == 1111
        small_trips = await gql.round_trips(THREE_LEVELS, variables={"id": small})
        large_trips = await gql.round_trips(THREE_LEVELS, variables={"id": large})
        # viewer + partner + three children levels + depth of the leaves
        assert small_trips == large_trips == 6
        data = await gql.data(THREE_LEVELS, variables={"id": large})
        leaves = [c for a in data["partner"]["children"]["edges"] for b in a["node"]["children"]["edges"]
                  for c in b["node"]["children"]["edges"]]
        assert len(leaves) == 1000 and {leaf["node"]["depth"] for leaf in leaves} == {3}
    finally:
        await session.write_transaction(lambda tx: tx.run(
            "MATCH (p:Partner) WHERE p.id STARTS WITH 'rt-' DETACH DELETE p"))


async def _ordered(gql, order: dict, page_size: int = 4) -> list[dict]:
    rows, after = [], None
    query = """query($o: PartnerOrder, $after: String, $n: Int) { partners(orderBy: $o, first: $n, after: $after) {
                 edges { node { key name country status } } pageInfo { hasNextPage endCursor } } }"""
    while True:
        page = (await gql.data(query, variables={"o": order, "after": after, "n": page_size}))["partners"]
        rows += [edge["node"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return rows
        after = page["pageInfo"]["endCursor"]


@pytest.mark.parametrize("field, direction", [("COUNTRY", "DESC"), ("STATUS", "ASC"), ("NAME", "DESC"),
                                              ("CREATED_AT", "ASC")])
async def test_partners_sorted_and_paged(gql, field, direction):
    rows = await _ordered(gql, {"field": field, "direction": direction})
    by_name = await _ordered(gql, {"field": "NAME", "direction": "ASC"}, page_size=100)
    assert sorted(r["key"] for r in rows) == sorted(r["key"] for r in by_name)  # every partner once
    if field == "CREATED_AT":
        return  # demo partners share one creation time: ties fall back to the key, checked below
    attribute = {"COUNTRY": "country", "STATUS": "status", "NAME": "name"}[field]
    expected = sorted(rows, key=lambda r: (r[attribute] or "", r["key"]), reverse=direction == "DESC")
    assert rows == expected


async def test_created_at_order_puts_new_partners_last(gql, session):
    await session.write_transaction(lambda tx: tx.run(
        "CREATE (:Partner {id: 'aaa-newest', name: 'AAA Newest', type: 'REFERRAL', status: 'PROSPECT', "
        "createdAt: datetime()})"))
    try:
        rows = await _ordered(gql, {"field": "CREATED_AT", "direction": "ASC"})
        assert rows[-1]["key"] == "aaa-newest"
        newest_first = await _ordered(gql, {"field": "CREATED_AT", "direction": "DESC"}, page_size=1)
        assert newest_first[0]["key"] == "aaa-newest"
    finally:
        await session.write_transaction(lambda tx: tx.run("MATCH (p:Partner {id: 'aaa-newest'}) DELETE p"))


async def test_filter_by_program_and_segment(gql, session):
    query = "query($f: PartnerFilter) { partners(filter: $f, first: 50) { edges { node { name } } } }"
    services = await gql.data(query, variables={"f": {"programs": [global_id("Program", "prog-services")]}})
    assert _names(services["partners"]) == ["Kiwi Cloud Services", "Litware Services"]
    # Terminated memberships do not count: Bergen and Harbour left the reseller program.
    resellers = _names((await gql.data(query, variables={"f": {"programs": [global_id("Program", "prog-reseller")]}}))
                       ["partners"])
    assert ("Bergen IT Partner" not in resellers and "Harbour Resellers" not in resellers
            and "Contoso Resellers" in resellers)
    expected = await session.read_transaction(lambda tx: tx.run(
        "MATCH (p:Partner)-[:HAS]->(ps:Partnership)-[:AT]->(:Segment {id: 'seg-reseller-gold'}) "
        "WHERE ps.status <> 'TERMINATED' RETURN p.name AS name ORDER BY name"))
    gold = await gql.data(query, variables={"f": {"segments": [global_id("Segment", "seg-reseller-gold")]}})
    assert _names(gold["partners"]) == [row["name"] for row in expected] and expected
    manager = await gql.data(query, persona="partner-manager",
                             variables={"f": {"segments": [global_id("Segment", "seg-reseller-gold")]}})
    assert set(_names(manager["partners"])) <= {"Fabrikam Solutions", "Tailspin IT", "Wingtip Local",
                                                 "Litware Services"}
    status, body = await gql.post(query, variables={"f": {"programs": [global_id("Partner", "p-northwind")]}})
    assert body["errors"][0]["message"] == "`programs`: expected the ID of a Program, got a Partner"
