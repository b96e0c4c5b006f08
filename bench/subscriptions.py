"""`make bench-subscriptions`: how fast changes reach GraphQL subscribers, with 100 of them connected.

    python -m bench.subscriptions [--subscribers 100] [--events 200] [--rate 20] [--writers 4]

Starts a throwaway local Neo4j with the demo data (temporary state dir, free Bolt port, removed at the end) and two
gateways as separate uvicorn processes on loopback ports. The subscribers (half the enterprise admin, who reads the
log by seq; half a partner admin, who reads it through the partners in scope) all connect to the first gateway and
follow `changes(types: ["Partner"])` from the log's end. Each write renames a partner of the admin's subtree through
`updatePartner` (one change record each):

- paced, same process: one writer through the first gateway, `--rate` writes a second: the gateway hears of each
  commit at once. Latency is from the moment the write's HTTP response arrived (the commit happened before it) to
  the moment a subscriber received the event, over every (event, subscriber);
- paced, other process: the same writes through the second gateway, which the first hears of only by polling the
  log's last seq (`PARTNERGRAPH_CHANGE_POLL_SECONDS`, 0.5 s by default);
- burst: `--writers` writers back to back through the first gateway: events per second delivered to each
  subscriber, from the first write sent to the last event received by every subscriber.

The floor, measured in the same run: one hand-written Cypher statement through the driver that reads the change
records after a seq (what delivering a batch needs at the least), and the same rename as one hand-written write.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from strawberry import relay

from bench.live_client import LiveClient
from bench.run import Gateway, percentile
from gateway import database
from gateway.identity import mint_demo_token
from gateway.local_neo4j import free_port
from gateway.settings import Settings
from graph.changes.reads import horizon

PARTNER = "p-adatum"  # under Contoso: the partner admin sees it too
RENAME = """mutation($p: ID!, $name: String!) { updatePartner(partner: $p, name: $name) { errors { code } } }"""
FOLLOW = """subscription($after: String) { changes(after: $after, types: ["Partner"]) { seq fields { field new } } }"""
FLOOR_READ = """MATCH (c:Change) WHERE c.seq > $after
RETURN c {.seq, .entityType, .entityId, .operation, .fields} AS change ORDER BY c.seq LIMIT 100"""
FLOOR_WRITE = "MATCH (p:Partner {id: $id}) SET p.name = $name"
FLOOR_SAMPLES = 200


@dataclass
class Run:
    """One phase's writes (name → when its response arrived) and what each subscriber received (name → when)."""

    names: list[str]
    sent: dict[str, float] = field(default_factory=dict)
    answered: dict[str, float] = field(default_factory=dict)
    received: list[dict[str, float]] = field(default_factory=list)


async def follow(client: LiveClient, operation: str, run: Run, inbox: dict[str, float]) -> None:
    wanted = set(run.names)
    while wanted:
        change = (await client.data(operation))["changes"]
        name = next((f["new"] for f in change["fields"] if f["field"] == "name"), None)
        if name in wanted:
            inbox[name] = time.perf_counter()
            wanted.discard(name)


async def rename(http: httpx.AsyncClient, url: str, token: str, name: str, run: Run) -> None:
    run.sent[name] = time.perf_counter()
    response = await http.post(url + "/graphql", json={"query": RENAME, "variables": {
        "p": str(relay.GlobalID("Partner", PARTNER)), "name": name}}, headers={"authorization": f"Bearer {token}"})
    run.answered[name] = time.perf_counter()
    payload = response.json()
    if response.status_code != 200 or payload["data"]["updatePartner"]["errors"]:
        raise RuntimeError(f"the rename failed: {response.status_code} {response.text[:300]}")


async def log_end(client) -> str:
    return str((await horizon(client.session())).last)


async def phase(subscribers: list[LiveClient], graph, writes, run: Run) -> float:
    """Subscribe everyone from the log's end, run the writes, wait until every subscriber has every event; the
    seconds from the first write sent to the last event received."""
    after = await log_end(graph)
    operations = [await client.subscribe(FOLLOW, {"after": after}) for client in subscribers]
    run.received = [{} for _ in subscribers]
    followers = [asyncio.create_task(follow(c, op, run, inbox))
                 for c, op, inbox in zip(subscribers, operations, run.received, strict=True)]
    started = time.perf_counter()
    await writes()
    await asyncio.gather(*followers)
    finished = max(t for inbox in run.received for t in inbox.values())
    for client, operation in zip(subscribers, operations, strict=True):
        await client.complete(operation)
    return finished - started


def latencies_ms(run: Run) -> list[float]:
    return [(inbox[name] - run.answered[name]) * 1000 for inbox in run.received for name in run.names]


async def paced(subscribers, graph, url: str, token: str, http, events: int, rate: float, label: str) -> dict:
    run = Run([f"{label} {i}" for i in range(events)])

    async def writes() -> None:
        for name in run.names:
            started = time.perf_counter()
            await rename(http, url, token, name, run)
            await asyncio.sleep(max(0.0, 1 / rate - (time.perf_counter() - started)))

    await phase(subscribers, graph, writes, run)
    values = latencies_ms(run)
    write_ms = [(run.answered[n] - run.sent[n]) * 1000 for n in run.names]
    return {"phase": label, "deliveries": len(values), "p50_ms": percentile(values, 50),
            "p99_ms": percentile(values, 99), "max_ms": max(values), "write_p50_ms": statistics.median(write_ms)}


async def burst(subscribers, graph, url: str, token: str, http, events: int, writers: int) -> dict:
    run = Run([f"burst {i}" for i in range(events)])

    async def writer(names: list[str]) -> None:
        for name in names:
            await rename(http, url, token, name, run)

    async def writes() -> None:
        await asyncio.gather(*(writer(run.names[w::writers]) for w in range(writers)))

    seconds = await phase(subscribers, graph, writes, run)
    written = max(run.answered.values()) - min(run.sent.values())
    values = latencies_ms(run)
    return {"phase": f"burst, {writers} writers", "deliveries": len(values), "p50_ms": percentile(values, 50),
            "p99_ms": percentile(values, 99), "max_ms": max(values), "writes_per_s": events / written,
            "events_per_s_each": events / seconds, "deliveries_per_s": events * len(subscribers) / seconds}


async def floor(graph) -> dict:
    session = graph.session()
    after = int(await log_end(graph)) - 100
    reads, writes = [], []
    for i in range(FLOOR_SAMPLES):
        started = time.perf_counter()
        await session.read_transaction(lambda tx: tx.run(FLOOR_READ, after=after))
        reads.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        await session.write_transaction(lambda tx, n=i: tx.run(FLOOR_WRITE, id=PARTNER, name=f"floor {n}"))
        writes.append((time.perf_counter() - started) * 1000)
    return {"read_p50_ms": statistics.median(reads), "write_p50_ms": statistics.median(writes)}


def table(subscribers: int, rows: list[dict], base: dict) -> str:
    lines = [f"{subscribers} subscribers; floor: reading the new change records {base['read_p50_ms']:.2f} ms p50, "
             f"the rename as one Cypher write {base['write_p50_ms']:.2f} ms p50 (hand-written, through the driver)",
             "",
             "| phase | deliveries | latency p50 | p99 | max | p50 / floor read | write p50 | events/s to each "
             "subscriber | deliveries/s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        each = f"{r['events_per_s_each']:,.0f}" if "events_per_s_each" in r else "–"
        total = f"{r['deliveries_per_s']:,.0f}" if "deliveries_per_s" in r else "–"
        write = (f"{r['write_p50_ms']:.1f} ms" if "write_p50_ms" in r
                 else f"{r['writes_per_s']:,.0f} writes/s")
        lines.append(f"| {r['phase']} | {r['deliveries']:,} | {r['p50_ms']:.1f} ms | {r['p99_ms']:.1f} ms | "
                     f"{r['max_ms']:.1f} ms | {r['p50_ms'] / base['read_p50_ms']:.1f}x | {write} | {each} | {total} |")
    return "\n".join(lines)


async def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(prog="bench.subscriptions", description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=100)
    parser.add_argument("--events", type=int, default=200, help="writes per phase")
    parser.add_argument("--rate", type=float, default=20.0, help="writes per second in the paced phases")
    parser.add_argument("--writers", type=int, default=4, help="concurrent writers in the burst phase")
    args = parser.parse_args(argv)

    state = Path(tempfile.mkdtemp(prefix="partnergraph-bench-subscriptions-"))
    settings = Settings(state_dir=state, neo4j_bolt_port=free_port(), neo4j_heap="1g", neo4j_pagecache="512m")
    server = database.local_server(settings)
    env = {"PARTNERGRAPH_DEMO_DATA": "true", "PARTNERGRAPH_MAX_CONNECTIONS_PER_PERSON": str(args.subscribers)}
    gateways: list[Gateway] = []
    graph = None
    try:
        server.start()
        gateways.append(Gateway(settings, env))
        await gateways[0].wait_ready()  # it loads the demo data
        gateways.append(Gateway(settings, env))
        await gateways[1].wait_ready()
        graph = database.graph_client(settings)
        admin = mint_demo_token(settings, "enterprise-admin")
        personas = [admin, mint_demo_token(settings, "partner-admin")]
        url = gateways[0].url.replace("http://", "ws://") + "/graphql"
        async with httpx.AsyncClient(timeout=60) as http:
            clients = []
            contexts = [LiveClient.connect(url, personas[i % 2]) for i in range(args.subscribers)]
            for context in contexts:
                clients.append(await context.__aenter__())
            try:
                # Untimed: Neo4j plans and compiles the feed statements on first use.
                await paced(clients, graph, gateways[0].url, admin, http, 10, args.rate, "warm-up")
                rows = [await paced(clients, graph, gateways[0].url, admin, http, args.events, args.rate,
                                    "paced, same process"),
                        await paced(clients, graph, gateways[1].url, admin, http, args.events, args.rate,
                                    "paced, other process (polled)"),
                        await burst(clients, graph, gateways[0].url, admin, http, args.events, args.writers)]
            finally:
                for context in contexts:
                    await context.__aexit__(None, None, None)
        base = await floor(graph)
        print(table(args.subscribers, rows, base))
        return rows
    finally:
        if graph is not None:
            await graph.close()
        for gateway in gateways:
            gateway.stop()
        server.stop()
        shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
