"""What the change log costs a mutation: Q5 (submitting a deal registration) through the gateway with the log
and without it, measured in one process against one Neo4j, one sample of each in turn, beside the floor (the
same registration written by one hand-written statement through the driver).

"Without" is the gateway as it was before the log: its request sessions drop the actor the request sets, so
their writes are maintenance writes (graph/shared/client.py), with no capture, no append, no sequence lock.

    python -m bench.change_log --partners 5000 [--samples 200]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from typing import Any

import httpx

from bench import queries
from bench.run import WARMUP, bench_settings, percentile, post, prepare_database, run_floor, variables_for
from gateway import database
from gateway.app import create_app
from gateway.identity import mint_person_token
from graph.shared.client import CypherStats, GraphClient, GraphSession


class _UnloggedSession(GraphSession):
    """A request session that ignores the actor the request sets: writes as before the change log."""

    @property
    def actor(self) -> None:
        return None

    @actor.setter
    def actor(self, value: Any) -> None:
        pass


def _unlogged(client: GraphClient) -> GraphClient:
    client.session = lambda stats=None, actor=None: _UnloggedSession(client, stats or CypherStats())
    return client


async def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--partners", type=int, default=5000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    settings = bench_settings(args.partners)
    server, client, _ = await prepare_database(settings, args.partners, args.seed)
    unlogged = _unlogged(database.graph_client(settings))
    try:
        targets = await queries.find_targets(client.session())
        case = next(c for c in queries.cases(targets) if c.name == "Q5")
        token = mint_person_token(settings, case.person)
        timings: dict[str, list[float]] = {"with the change log": [], "without it": [], "floor": []}
        apps = {"with the change log": create_app(settings, client), "without it": create_app(settings, unlogged)}
        https = {name: httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway")
                 for name, app in apps.items()}
        try:
            for n in range(WARMUP + args.samples):
                for name, http in https.items():
                    elapsed, body = await post(http, "http://gateway", case, token, variables_for(case, n))
                    if body is None:
                        raise RuntimeError(f"Q5 failed {name}")
                    if n >= WARMUP:
                        timings[name].append(elapsed)
                started = time.perf_counter()
                await run_floor(client, case)
                if n >= WARMUP:
                    timings["floor"].append((time.perf_counter() - started) * 1000)
        finally:
            for http in https.values():
                await http.aclose()
        await client.session().write_transaction(lambda tx: tx.run(
            "MATCH (d:DealRegistration) WHERE d.name STARTS WITH 'Benchmark deal' "
            "OPTIONAL MATCH (d)-[:HAS_LINE]->(line:LineItem) DETACH DELETE d, line"))
        floor = percentile(timings["floor"], 50)
        print(f"Q5 at {args.partners} partners, {args.samples} interleaved samples each (ms)")
        print("| path | p50 | p95 | p50 / floor |\n|---|---|---|---|")
        for name, values in timings.items():
            p50 = percentile(values, 50)
            print(f"| {name} | {p50:.2f} | {percentile(values, 95):.2f} | {p50 / floor:.2f} |")
        logged, bare = (percentile(timings[k], 50) for k in ("with the change log", "without it"))
        print(f"change log cost at p50: {logged - bare:+.2f} ms ({(logged / bare - 1) * 100:+.1f} %; target ≤ 20 %)")
    finally:
        await unlogged.close()
        await client.close()
        server.stop()


if __name__ == "__main__":
    asyncio.run(main())
