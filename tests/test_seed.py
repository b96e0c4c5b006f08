"""`partnergraph seed`: the generated channel is deterministic, multi-tier and skewed, and lands in
an empty database in full (a second throwaway server keeps the demo database untouched)."""

from __future__ import annotations

import hashlib
import json

import pytest

from gateway import database
from graph import migrations
from seed import channel
from seed.runner import NotEmpty, seed
from seed.shape import ChannelShape
from tests.conftest import make_settings


def _digest(rows) -> str:
    return hashlib.sha256(json.dumps(list(rows), sort_keys=True).encode()).hexdigest()


def test_same_seed_same_channel_other_seed_other_channel():
    a, b, c = ChannelShape(400, 1), ChannelShape(400, 1), ChannelShape(400, 2)
    for rows in (lambda s: channel.partners(s, 2), channel.accounts, channel.partnerships):
        assert _digest(rows(a)) == _digest(rows(b))
        assert _digest(rows(a)) != _digest(rows(c))


def test_shape_is_a_forest_of_four_levels_below_the_distributors():
    shape = ChannelShape(50_000, 1)
    assert sum(shape.level_sizes) == 50_000 and len(shape.level_sizes) == 5
    assert shape.distributors == 100
    ids_by_level = [set(shape.partner_id(level, i) for i in range(size)) for level, size in enumerate(shape.level_sizes)]
    for level in range(1, 5):
        parents = {row["parentId"] for row in channel.partners(shape, level)}
        assert parents <= ids_by_level[level - 1]


@pytest.fixture(scope="module")
async def empty_graph(tmp_path_factory):
    from gateway.local_neo4j import free_port

    seeded = make_settings(tmp_path_factory.mktemp("seed-db"), free_port(), demo_data=False)
    server = database.local_server(seeded)
    server.start()
    client = database.graph_client(seeded)
    await migrations.migrate(client.session())
    yield client
    await client.close()
    server.stop()


async def test_seed_writes_the_whole_channel(empty_graph):
    shape = ChannelShape(300, 5)
    report = await seed(empty_graph, shape, batch_size=97, show_progress=False)
    facts = (await empty_graph.session().read_transaction(lambda tx: tx.run("""
        MATCH (p:Partner)
        RETURN count(p) AS partners,
               COUNT { ()-[:PARENT_OF]->() } AS links,
               COUNT { (:Person)-[:MEMBER_OF]->() } AS staff,
               COUNT { (:Account) } AS accounts,
               max(COUNT { (p)<-[:PARENT_OF*]-() }) AS maxDepth""")))[0]
    assert facts == {"partners": 300, "links": 300 - shape.distributors, "staff": 1500, "accounts": 600, "maxDepth": 4}
    assert report.rows["staff"] == 1500 and report.rows["partnerships"] > 0
    subtrees = await empty_graph.session().read_transaction(lambda tx: tx.run(
        "MATCH (d:Partner {type: 'DISTRIBUTOR'}) RETURN COUNT { (d)-[:PARENT_OF*]->() } AS size ORDER BY size DESC"))
    sizes = [row["size"] for row in subtrees]
    assert sizes[0] > 2 * sizes[-1]  # skewed: one large distributor, smaller ones
    with pytest.raises(NotEmpty):
        await seed(empty_graph, shape, show_progress=False)
