"""Round trips are counted per request and bounded: one per relation field per level."""

from __future__ import annotations

import httpx

from gateway.app import create_app
from tests.conftest import GatewayClient, global_id

TREE = """query($id: ID!) {
  partner(id: $id) {
    name
    children(first: 20) { edges { node {
      name parent { name }
      children(first: 20) { edges { node { name children(first: 20) { edges { node { name } } } } } }
    } } }
  }
}"""


async def test_round_trips_reported_only_when_asked(gql):
    _, quiet = await gql.post("{ viewer { persona } }", debug=False)
    assert "extensions" not in quiet
    _, loud = await gql.post("{ viewer { persona } }", debug=True)
    assert loud["extensions"]["cypher"]["roundTrips"] == 1  # the viewer lookup
    assert loud["extensions"]["cypher"]["milliseconds"] > 0
    assert loud["extensions"]["requestId"]


async def test_debug_setting_reports_on_every_request(settings, graph):
    debug = settings.model_copy(update={"debug": True})
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=create_app(debug, graph)),
                                 base_url="http://g") as http:
        _, body = await GatewayClient(http, debug).post("{ viewer { persona } }", debug=False)
    assert body["extensions"]["cypher"]["roundTrips"] == 1


async def test_nested_levels_cost_one_round_trip_each(gql):
    # viewer + partner + children L1 + parent of L1 + children L2 + children L3 = 6, however wide the tree.
    wide = await gql.round_trips(TREE, variables={"id": global_id("Partner", "p-northwind")})
    narrow = await gql.round_trips(TREE, variables={"id": global_id("Partner", "p-eurolink")})
    assert wide == narrow == 6
