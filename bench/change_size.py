"""What a change record costs on disk, and what writing and pruning them costs in time: the seeded change history
of a channel (seed/history.py, the rows `partnergraph seed` writes in its last phase) written into an empty
database of a dedicated local Neo4j, the store measured after a clean shutdown before and after; then the whole
history pruned (`changes prune`) and written again: deleted records' space is not given back to the file system,
and how much of it new records reuse.

    python -m bench.change_size [--partners 5000]

Each run starts a new Neo4j in a temporary state folder (removed at the end) on Bolt port 7699. The store is the
database's folder (`data/databases/neo4j`: the node and property stores, with `schema/index`
reported apart: the six change log indexes); transaction logs (`data/transactions`) are left out, being
rotated and pruned by Neo4j's own settings. Store files grow by pages, which at 100,000 records is well
under 1 % of the figure.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.run import bench_settings
from gateway import database
from gateway.local_neo4j import LocalNeo4j
from graph.changes.writes import prune
from graph.shared import migrations
from graph.shared.client import GraphClient
from seed import history, timeline
from seed.runner import BATCH_TIMEOUT_SECONDS, SEED_DIR, batches, wipe
from seed.shape import ChannelShape

BATCH = 2000


def _bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _sizes(server: LocalNeo4j) -> tuple[int, int]:
    """(store without indexes, indexes) in bytes, measured while the server is stopped: a clean shutdown
    checkpoints, and Community has no `db.checkpoint()`. The client's driver reconnects once it is back."""
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)  # the pool's notes about the connections the stop cut
    server.stop()
    store = server.home / "data" / "databases" / "neo4j"
    indexes = _bytes(store / "schema")
    sizes = _bytes(store) - indexes, indexes
    server.start()
    return sizes


async def _write_history(client: GraphClient, shape: ChannelShape) -> tuple[int, int, float]:
    """Write the channel's history as the seed does; (records, characters of `fields` JSON, seconds)."""
    query = (SEED_DIR / "changes.cypher").read_text()
    session = client.session()
    records = characters = 0
    started = time.perf_counter()
    for batch in batches(timeline.in_time_order(history.changes(shape)), BATCH):
        await session.write_transaction(lambda tx, rows=batch: tx.run(query, rows=rows), timeout=BATCH_TIMEOUT_SECONDS)
        records += len(batch)
        characters += sum(len(row["fields"]) for row in batch)
    return records, characters, time.perf_counter() - started


async def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    # A new store every run: one that held records before has their space allocated already.
    state = Path(tempfile.mkdtemp(prefix="partnergraph-bench-changesize-"))
    os.environ["PARTNERGRAPH_BENCH_STATE_DIR"] = str(state)
    settings = bench_settings(args.partners, port_offset=2)
    server = database.local_server(settings)
    server.start()
    client = database.graph_client(settings)
    try:
        await migrations.migrate(client.session())
        await wipe(client)
        empty = _sizes(server)
        shape = ChannelShape(args.partners, args.seed)
        records, characters, write_seconds = await _write_history(client, shape)
        written = _sizes(server)

        started = time.perf_counter()
        report = await prune(client.session(), datetime.now(UTC), datetime.now(UTC))
        prune_seconds = time.perf_counter() - started
        pruned = _sizes(server)
        await _write_history(client, shape)
        again = _sizes(server)
    finally:
        await client.close()
        server.stop()
        shutil.rmtree(state, ignore_errors=True)

    def per_record(after: tuple[int, int], before: tuple[int, int]) -> str:
        store_bytes, index_bytes = after[0] - before[0], after[1] - before[1]
        return (f"{store_bytes / records:8.0f} {index_bytes / records:8.0f} "
                f"{(store_bytes + index_bytes) / records:8.0f}")

    print(f"change history of a {args.partners:,}-partner channel (seed {args.seed}): {records:,} records, "
          f"`fields` JSON {characters / records:.0f} characters on average")
    print(f"{'bytes per record, against the empty database':<60} {'store':>8} {'indexes':>8} {'total':>8}")
    print(f"{'written':<60} {per_record(written, empty)}")
    print(f"{'pruned, with a summary per entity (files never shrink)':<60} {per_record(pruned, empty)}")
    print(f"{'written again (growth beyond `pruned`: what was not reused)':<60} {per_record(again, empty)}")
    print(f"writing (the seed's history phase): {write_seconds:.1f} s, {records / write_seconds:,.0f} records/s")
    print(f"pruning all ({report.pruned:,} records, summaries for each entity): {prune_seconds:.1f} s, "
          f"{report.pruned / prune_seconds:,.0f} records/s")


if __name__ == "__main__":
    asyncio.run(main())
