"""Each persona sees exactly what DESIGN.md's table lets them see, however the partner is reached."""

from __future__ import annotations

import pytest
from strawberry import relay

from tests.conftest import global_id

NORTHWIND_TREE = {"p-northwind", "p-contoso", "p-fabrikam", "p-tailspin", "p-wingtip", "p-litware", "p-adatum",
                  "p-proseware", "p-lucerne"}
ALL = NORTHWIND_TREE | {"p-eurolink", "p-alpine", "p-bergen", "p-lyon", "p-pacific", "p-harbour", "p-kiwi",
                        "p-oemtech", "p-blueyonder"}
VISIBLE = {
    "enterprise-admin": ALL,
    "enterprise-executive": ALL,
    "partner-agent": ALL,  # partner profiles
    "relationship-manager": NORTHWIND_TREE | {"p-oemtech"},
    "partner-admin": {"p-contoso", "p-fabrikam", "p-tailspin", "p-wingtip", "p-litware", "p-adatum"},
    "partner-manager": {"p-fabrikam", "p-tailspin", "p-wingtip", "p-litware"},
    "partner-associate": {"p-tailspin"},
}
PARTNER = "query($id: ID!) { partner(id: $id) { name } node(id: $id) { id ... on Partner { name } } }"


async def _all_partner_ids(gql, persona: str) -> set[str]:
    seen, after = [], None
    while True:
        data = await gql.data("query($after: String) { partners(first: 4, after: $after) { edges { node { id } } "
                              "pageInfo { hasNextPage endCursor } } }", persona=persona, variables={"after": after})
        page = data["partners"]
        seen += [edge["node"]["id"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)), "pages overlap"
    return {global_id_to_key(g) for g in seen}


def global_id_to_key(value: str) -> str:
    return relay.GlobalID.from_id(value).node_id


@pytest.mark.parametrize("persona", sorted(VISIBLE))
async def test_partner_list_is_scoped(gql, persona):
    assert await _all_partner_ids(gql, persona) == VISIBLE[persona]


@pytest.mark.parametrize("persona", sorted(VISIBLE))
async def test_by_id_and_node_match_the_scope(gql, persona):
    for key in sorted(ALL):
        data = await gql.data(PARTNER, persona=persona, variables={"id": global_id("Partner", key)})
        if key in VISIBLE[persona]:
            assert data["partner"] is not None and data["node"]["id"] == global_id("Partner", key)
        else:
            assert data == {"partner": None, "node": None}, (persona, key)


async def test_out_of_scope_reads_exactly_like_missing(gql):
    outside = await gql.post(PARTNER, persona="partner-manager", variables={"id": global_id("Partner", "p-eurolink")})
    missing = await gql.post(PARTNER, persona="partner-manager", variables={"id": global_id("Partner", "p-none")})
    strip = lambda body: {k: v for k, v in body.items() if k != "extensions"}  # noqa: E731
    assert outside[0] == missing[0] and strip(outside[1]) == strip(missing[1])


async def test_aliases_cannot_reach_other_tenants(gql):
    query = " ".join(f'{k.replace("-", "_")}: partner(id: "{global_id("Partner", k)}") {{ name }}' for k in sorted(ALL))
    data = await gql.data(f"{{ {query} }}", persona="partner-associate")
    assert {k for k, v in data.items() if v} == {"p_tailspin"}


async def test_ancestors_by_name_only_for_partner_staff(gql):
    query = ("{ viewer { organization { ... on Partner { parent { __typename name "
             "... on Partner { id status } } } } } }")
    manager = await gql.data(query, persona="partner-manager")
    assert manager["viewer"]["organization"]["parent"] == {"__typename": "PartnerName", "name": "Contoso Resellers"}
    associate = await gql.data(query, persona="partner-associate")
    assert associate["viewer"]["organization"]["parent"] is None


async def test_relationship_manager_does_not_see_above_managed_roots(gql):
    query = 'query($id: ID!) { partner(id: $id) { parent { name } children(first: 10) { edges { node { name } } } } }'
    data = await gql.data(query, persona="relationship-manager", variables={"id": global_id("Partner", "p-contoso")})
    assert data["partner"]["parent"] == {"name": "Northwind Distribution"}
    root = await gql.data(query, persona="relationship-manager", variables={"id": global_id("Partner", "p-northwind")})
    assert root["partner"]["parent"] is None


async def test_children_nesting_never_leaves_scope(gql):
    query = """query($id: ID!) { partner(id: $id) { children(first: 50) { edges { node { name
               children(first: 50) { edges { node { name } } } } } } } }"""
    data = await gql.data(query, persona="partner-associate", variables={"id": global_id("Partner", "p-tailspin")})
    assert data["partner"]["children"]["edges"] == []  # Wingtip is below, but an associate sees only their org
    data = await gql.data(query, persona="partner-manager", variables={"id": global_id("Partner", "p-fabrikam")})
    names = {e["node"]["name"] for e in data["partner"]["children"]["edges"]}
    assert names == {"Litware Services", "Tailspin IT"}
