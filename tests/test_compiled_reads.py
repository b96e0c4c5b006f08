"""Compiled reads (schema/shared/compiled_reads.py): which queries run as one statement, at what round trips,
and that their answers are the resolvers' exactly, beyond what verify mode already checks for every read of the
suite: here one gateway compiles (`compiled_reads=true`) and another never does (`false`)."""

from __future__ import annotations

from graphql import GraphQLError, GraphQLObjectType, get_named_type, parse
from graphql.execution.values import get_variable_values
from neo4j.exceptions import ServiceUnavailable

from gateway.app import schema_limits
from schema import build_schema
from schema.shared.admission import metadata
from schema.shared.compiled_reads import failed_result
from schema.shared.declared_reads import reach_read
from schema.shared.graph_mapping import GRAPH, Reach, Shape
from schema.shared.nodes import LoadedNode
from schema.shared.read_compiler import compile_read
from tests.conftest import global_id, remove_prefixed, write

NORTHWIND = global_id("Partner", "p-northwind")

TREE = """query($id: ID!, $first: Int, $after: String) {
  partner(id: $id) { id key name type status __typename
    children(first: $first, after: $after) { __typename pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { key name country
        children(first: 2) { edges { node { name } } }
        opportunities(status: OPEN, first: 3) { pageInfo { hasNextPage } edges { node {
          key name stage isOpen amount { amount currency } createdAt
          registration { key status expectedCloseDate account { key name } partner { key } } } } } } } } } }"""

ORGANIZATION = """{ viewer { persona person { name }
  organization { __typename name ... on Partner { key type dealRegistrations(first: 3) { edges { node { key } } }
                                                    cases(first: 3) { edges { node { number sla { breached } } } } }
                 ... on InternalOrg { id } } } }"""


async def answers(both, query: str, **kwargs) -> tuple[dict, dict]:
    """Both gateways' bodies, which must agree on everything but the debug figures."""
    compiled, resolved = both
    (status, body), (other_status, other) = await compiled.post(query, **kwargs), await resolved.post(query, **kwargs)
    assert status == other_status
    assert {k: v for k, v in body.items() if k != "extensions"} == {k: v for k, v in other.items()
                                                                     if k != "extensions"}
    return body, other


async def test_a_deep_partner_view_is_one_statement(both):
    for persona in ("enterprise-admin", "relationship-manager", "partner-admin", "partner-associate"):
        body, other = await answers(both, TREE, persona=persona, variables={"id": NORTHWIND, "first": 2})
        assert body["extensions"]["cypher"]["compiled"] is True
        assert body["extensions"]["cypher"]["roundTrips"] == 2  # the viewer, then the one statement
        assert other["extensions"]["cypher"]["compiled"] is False
    body, other = await answers(both, TREE, variables={"id": NORTHWIND, "first": 2})
    # The viewer, the partner, children, their children and opportunities, the registrations' partners.
    assert other["extensions"]["cypher"]["roundTrips"] == 6
    assert body["data"]["partner"]["children"]["edges"][0]["node"]["opportunities"]["edges"]
    one, _ = await answers(both, TREE, variables={"id": NORTHWIND, "first": 1})
    assert one["data"]["partner"]["children"]["pageInfo"]["hasNextPage"] is True  # the one row read past the page


async def test_the_next_page_by_cursor_and_the_page_at_the_cap(both, settings):
    first, _ = await answers(both, TREE, variables={"id": NORTHWIND, "first": 1})
    after = first["data"]["partner"]["children"]["pageInfo"]["endCursor"]
    second, _ = await answers(both, TREE, variables={"id": NORTHWIND, "first": 1, "after": after})
    assert second["extensions"]["cypher"]["compiled"] is True
    assert second["data"]["partner"]["children"]["edges"] != first["data"]["partner"]["children"]["edges"]
    capped, _ = await answers(both, TREE, variables={"id": NORTHWIND, "first": settings.max_page_size})
    assert capped["data"]["partner"]["children"]["pageInfo"]["hasNextPage"] is False
    empty, _ = await answers(both, TREE, variables={"id": NORTHWIND, "first": 0})
    assert empty["data"]["partner"]["children"]["edges"] == []


async def test_arguments_the_resolvers_refuse_are_their_errors(both, settings):
    cases = [({"id": "not-a-global-id"}, "VALIDATION"), ({"id": global_id("Account", "a-1")}, "VALIDATION"),
             ({"id": NORTHWIND, "after": "garbage"}, "VALIDATION"),
             ({"id": NORTHWIND, "first": settings.max_page_size + 1}, "PAGE_TOO_LARGE")]  # the limits, before
    for variables, code in cases:
        body, _ = await answers(both, TREE, variables=variables)
        assert body["errors"][0]["extensions"]["code"] == code, variables
        if "extensions" in body:
            assert body["extensions"]["cypher"]["compiled"] is False


async def test_out_of_scope_and_unknown_partners_are_null(both):
    for persona, partner in (("partner-associate", NORTHWIND), ("enterprise-admin", global_id("Partner", "nobody"))):
        body, _ = await answers(both, TREE, persona=persona, variables={"id": partner})
        assert body["data"] == {"partner": None}
        assert body["extensions"]["cypher"]["compiled"] is True


async def test_fragments_on_the_viewers_organization_interface(both):
    for persona in ("partner-associate", "partner-admin", "enterprise-admin", "partner-agent"):
        body, _ = await answers(both, ORGANIZATION, persona=persona)
        assert body["extensions"]["cypher"]["compiled"] is True, body
        organization = body["data"]["viewer"]["organization"]
        assert organization["__typename"] == ("InternalOrg" if persona.startswith(("enterprise", "partner-agent"))
                                              else "Partner")


async def test_include_and_skip_follow_their_variables(both):
    query = """query($deep: Boolean!) { partner(id: "%s") { name
      children(first: 5) @include(if: $deep) { edges { node { name } } } key @skip(if: $deep) } }""" % NORTHWIND
    deep, _ = await answers(both, query, variables={"deep": True})
    flat, _ = await answers(both, query, variables={"deep": False})
    assert "children" in deep["data"]["partner"] and "key" not in deep["data"]["partner"]
    assert "children" not in flat["data"]["partner"] and "key" in flat["data"]["partner"]
    assert deep["extensions"]["cypher"]["compiled"] and flat["extensions"]["cypher"]["compiled"]


SUBTREES = """query($id: ID!) { partner(id: $id) { name ancestors { name }
  children(first: 3) { edges { node { key depth parent { name } ancestors { __typename name }
    cases(first: 2) { edges { node { number comments(first: 2) { edges { node { body } } } } } } } } } } }"""


async def test_fields_without_a_mapping_are_answered_by_the_resolvers_below_the_compiled_nodes(both):
    for persona in ("enterprise-admin", "partner-admin", "partner-associate"):
        body, other = await answers(both, SUBTREES, persona=persona, variables={"id": NORTHWIND})
        assert body["extensions"]["cypher"]["compiled"] is True
        assert other["extensions"]["cypher"]["compiled"] is False
    body, _ = await answers(both, SUBTREES, variables={"id": NORTHWIND})
    children = [edge["node"] for edge in body["data"]["partner"]["children"]["edges"]]
    assert children and all(child["depth"] == 1 and child["parent"] == {"name": "Northwind Distribution"}
                            for child in children)
    # The viewer and the statement (which read the partners' records and depths); the cases by key (a case
    # declares no record); then the partner's and children's ancestors, the children's parents, the comments.
    assert body["extensions"]["cypher"]["roundTrips"] == 2 + 1 + 3


async def test_an_error_below_a_compiled_node_has_the_path_and_mask_the_resolvers_give(both, session):
    # A parent the schema cannot represent (an unknown partner type) fails the resolved `parent` field only.
    await write(session, "CREATE (:Partner {id: 'test-resolved-parent', name: 'Broken', type: 'NOT_A_TYPE', "
                         "status: 'ACTIVE'})-[:PARENT_OF]->(:Partner {id: 'test-resolved-child', name: 'Child', "
                         "type: 'RESELLER', status: 'ACTIVE'})")
    query = '{ partner(id: "%s") { name parent { name } } }' % global_id("Partner", "test-resolved-child")
    try:
        (_, body), (_, other) = [await gateway.post(query) for gateway in both]
    finally:
        await remove_prefixed(session, "test-resolved-")
    assert body["extensions"]["cypher"]["compiled"] is True
    assert body["data"] == other["data"] == {"partner": {"name": "Child", "parent": None}}
    masked = [{**e, "extensions": {"code": e["extensions"]["code"]}} for e in body["errors"]]
    assert masked == [{**e, "extensions": {"code": e["extensions"]["code"]}} for e in other["errors"]]
    assert [(e["path"], e["message"], e["extensions"]["code"]) for e in masked] == [
        (["partner", "parent"], "Internal server error", "INTERNAL")]


async def test_every_reach_the_dataloaders_read_from_its_declaration_plans(settings, session):
    """The resolvers' statement of each declared reach between nodes whose records are declared
    (schema/shared/declared_reads.py) is valid Cypher, with every parameter it names given."""
    schema = build_schema(schema_limits(settings))._schema
    planned = []
    for parent in schema.type_map.values():
        origin = getattr(parent.extensions.get("strawberry-definition"), "origin", None)
        if not (isinstance(parent, GraphQLObjectType) and isinstance(origin, type) and issubclass(origin, LoadedNode)):
            continue
        for name, field in parent.fields.items():
            reach = metadata(field, GRAPH)
            if not isinstance(reach, Reach) or reach.match is None or reach.shape is Shape.ONE:
                continue
            node = get_named_type(field.type)
            if reach.shape is Shape.PAGE:
                node = get_named_type(get_named_type(node.fields["edges"].type).fields["node"].type)
            node_type = node.extensions["strawberry-definition"].origin
            if not node_type.record:
                continue
            read = reach_read(parent.name, reach, node_type)
            params = {name: None for name in read.parameters} | {"keys": []}
            await session.read_transaction(lambda tx, cypher=read.cypher, params=params: tx.run(
                "EXPLAIN " + cypher, **params))
            planned.append(f"{parent.name}.{name}")
    assert {"Partner.children", "Partner.descendants", "Partner.accounts", "Partner.dealRegistrations",
            "Partner.opportunities", "Program.segments"} <= set(planned)


async def test_a_declared_reach_reads_its_companions_along_on_the_resolver_path(both):
    query = """query($id: ID!) { partner(id: $id) { dealRegistrations(first: 20) { edges { node {
      name opportunity { stage } account { name } } } } } }"""
    body, other = await answers(both, query, variables={"id": NORTHWIND})
    deals = [edge["node"] for edge in other["data"]["partner"]["dealRegistrations"]["edges"]]
    assert any(deal["opportunity"] for deal in deals) and any(deal["account"] for deal in deals)
    assert body["extensions"]["cypher"]["roundTrips"] == 2  # the viewer, the statement
    # The viewer, the partner, its registrations with their opportunities and accounts (the companions prime
    # the loaders those two fields ask): one round trip per level, none per field below.
    assert other["extensions"]["cypher"]["roundTrips"] == 3
    query = """query($id: ID!) { partner(id: $id) { opportunities(first: 20) { edges { node {
      name registration { status account { name } } } } } } }"""
    body, other = await answers(both, query, variables={"id": NORTHWIND})
    assert other["data"]["partner"]["opportunities"]["edges"]
    assert (body["extensions"]["cypher"]["roundTrips"], other["extensions"]["cypher"]["roundTrips"]) == (2, 3)


def test_a_failed_statement_answers_each_root_field_null_with_its_error(settings):
    schema = build_schema(schema_limits(settings))._schema
    document = parse('{ p: partner(id: "x") { name } viewer { persona } }')
    operation = document.definitions[0]
    compiled = compile_read(schema, {}, get_variable_values(schema, (), {}), operation)
    result = failed_result(compiled, operation, ServiceUnavailable("gone"))
    assert result.data is None  # `viewer` may not be null, so neither may `data`
    assert [(e.path, type(e.original_error)) for e in result.errors] == [(["p"], ServiceUnavailable),
                                                                        (["viewer"], ServiceUnavailable)]
    assert all(isinstance(e, GraphQLError) and e.nodes for e in result.errors)


async def test_root_fields_that_compile_run_as_one_statement_beside_those_that_do_not(both):
    query = """query($id: ID!) { first: partner(id: $id) { name children(first: 5) { edges { node { key } } } }
      second: cases(first: 2) { edges { node { number } } } viewer { persona } }"""
    body, other = await answers(both, query, variables={"id": NORTHWIND})
    assert list(body["data"]) == ["first", "second", "viewer"]
    assert body["extensions"]["cypher"]["compiled"] is True
    # The viewer, one statement for `first` and `viewer`, then the cases listing for `second`.
    assert body["extensions"]["cypher"]["roundTrips"] == 3
    assert other["extensions"]["cypher"]["compiled"] is False
