"""`make bench`: a dedicated local Neo4j (own state dir and Bolt port), seeded when empty, the gateway
under uvicorn as a separate process on a loopback port, then Q1–Q5 through HTTP with minted tokens, each
beside its floor (the same rows by one hand-written Cypher query through the driver, in the same run).
Writes bench/results/<timestamp>.json and .md and prints the table.

    python -m bench.run [--partners 50000] [--seed 1] [--scaling] [--only Q1,Q4]

Settings come from the environment as for the gateway, with bench defaults: PARTNERGRAPH_STATE_DIR
~/.local/state/partnergraph-bench[-<partners>], PARTNERGRAPH_NEO4J_BOLT_PORT 7697 (+1 for the scaling
channel), PARTNERGRAPH_MAX_PAGE_SIZE 500 (Q3 asks for 500 lineages), PARTNERGRAPH_MAX_COST 1000000
(Q1 nests three pages), PARTNERGRAPH_DEMO_DATA false, PARTNERGRAPH_NEO4J_HEAP 2g and
PARTNERGRAPH_NEO4J_PAGECACHE 3g (the 50,000-partner store is about 2 GB).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import psutil

from bench import queries
from gateway import database
from gateway.identity import mint_person_token
from gateway.local_neo4j import free_port
from gateway.settings import Settings
from graph.shared import migrations
from seed.runner import seed
from seed.shape import ChannelShape

RESULTS = Path(__file__).parent / "results"
SEQUENTIAL, CONCURRENT, CONCURRENCY = 200, 400, 16
# Untimed runs before each side is measured: Neo4j compiles a query's plan and JIT-compiles its operators on
# first use, and the gateway builds its caches; a freshly started server would otherwise penalize whichever
# side is measured first (the gateway).
WARMUP = 50
GATEWAY_ENV = {"PARTNERGRAPH_MAX_PAGE_SIZE": "500", "PARTNERGRAPH_MAX_COST": "1000000",
               "PARTNERGRAPH_DEMO_DATA": "false"}
# The 50,000-partner store is about 2 GB: a page cache that holds it, so the suite measures queries, not disk.
NEO4J_ENV = {"PARTNERGRAPH_NEO4J_HEAP": "2g", "PARTNERGRAPH_NEO4J_PAGECACHE": "3g"}


def bench_settings(partners: int, port_offset: int = 0) -> Settings:
    for key, value in {**GATEWAY_ENV, **NEO4J_ENV}.items():
        os.environ.setdefault(key, value)
    state = os.environ.get("PARTNERGRAPH_BENCH_STATE_DIR") or str(
        Path.home() / ".local/state" / f"partnergraph-bench-{partners}")
    bolt = int(os.environ.get("PARTNERGRAPH_NEO4J_BOLT_PORT", "7697")) + port_offset
    return Settings(state_dir=Path(state), neo4j_bolt_port=bolt)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Gateway:
    """uvicorn serving gateway.app in its own process; its RSS is sampled while the suite runs."""

    def __init__(self, settings: Settings, gateway_env: dict[str, str] = GATEWAY_ENV):
        self.port = free_port()
        env = {**os.environ, "PARTNERGRAPH_STATE_DIR": str(settings.state_dir),
               "PARTNERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port), **gateway_env}
        code = ("from gateway import serving; from gateway.settings import Settings; "
                f"serving.run(Settings(), host='127.0.0.1', port={self.port}, log_level='warning')")
        self.process = subprocess.Popen([sys.executable, "-c", code], env=env)
        self.url = f"http://127.0.0.1:{self.port}"
        self.peak_rss = 0

    def sample(self) -> None:
        try:
            self.peak_rss = max(self.peak_rss, psutil.Process(self.process.pid).memory_info().rss)
        except psutil.Error:
            pass

    async def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient() as http:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError("the gateway exited")
                try:
                    if (await http.get(self.url + "/readyz")).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.2)
        raise RuntimeError("the gateway did not get ready")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def prepare_database(settings: Settings, partners: int, seed_value: int):
    server = database.local_server(settings)
    server.start()
    client = database.graph_client(settings)
    await migrations.migrate(client.session())
    rows = await client.session().read_transaction(lambda tx: tx.run("MATCH (p:Partner) RETURN count(p) AS n"))
    seeded = None
    if rows[0]["n"] == 0:
        print(f"seeding {partners} partners into {settings.state_dir} ...")
        seeded = await seed(client, ChannelShape(partners, seed_value))
    return server, client, seeded


async def post(http: httpx.AsyncClient, url: str, case: queries.Case, token: str,
               variables: dict) -> tuple[float, dict | None]:
    started = time.perf_counter()
    try:
        response = await http.post(url + "/graphql", json={"query": case.query, "variables": variables},
                                   headers={"authorization": f"Bearer {token}", "x-partnergraph-debug": "1",
                                            "accept": "application/json"})
        body = response.json() if response.status_code == 200 else None
    except httpx.HTTPError:
        body = None
    elapsed = (time.perf_counter() - started) * 1000
    if body is not None and body.get("errors"):
        body = None
    if body is not None and case.write and body["data"]["createDealRegistrations"]["errors"]:
        body = None
    return elapsed, body


def variables_for(case: queries.Case, n: int) -> dict:
    if not case.write:
        return case.variables
    item = dict(case.variables["input"][0], name=f"Benchmark deal {n}")
    return {"input": [item]}


async def measure(gateway: Gateway, client, settings: Settings, case: queries.Case, sequential: int,
                  concurrent: int) -> dict:
    token = mint_person_token(settings, case.person)
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=CONCURRENCY)) as http:
        _, body = await post(http, gateway.url, case, token, variables_for(case, 0))  # warm-up and correctness
        if body is None:
            raise RuntimeError(f"{case.name} failed through the gateway")
        gateway_rows = queries.gateway_rows(case.name, body["data"])
        trips = body["extensions"]["cypher"]["roundTrips"]
        for n in range(WARMUP):
            if (await post(http, gateway.url, case, token, variables_for(case, -n - 1)))[1] is None:
                raise RuntimeError(f"{case.name} failed through the gateway while warming up")
        latencies = []
        for n in range(sequential):
            ms, body = await post(http, gateway.url, case, token, variables_for(case, n + 1))
            latencies.append(ms)
            gateway.sample()
        errors = 0
        queue = iter(range(concurrent))

        async def worker():
            nonlocal errors
            for n in queue:
                _, body = await post(http, gateway.url, case, token, variables_for(case, sequential + n + 1))
                errors += body is None
                gateway.sample()

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        throughput = concurrent / (time.perf_counter() - started)

    floor_ms, floor_records = [], None
    for n in range(WARMUP + min(sequential, 100)):
        params = dict(case.floor_params, id=f"bench-floor-{time.time_ns()}") if case.write else case.floor_params
        started = time.perf_counter()
        run = (client.session().write_transaction if case.write else client.session().read_transaction)
        floor_records = await run(lambda tx, params=params: tx.run(case.floor, **params))
        if n >= WARMUP:
            floor_ms.append((time.perf_counter() - started) * 1000)
    same = queries.floor_rows(case.name, floor_records) == gateway_rows
    p50, floor_p50 = percentile(latencies, 50), percentile(floor_ms, 50)
    return {"query": case.name, "title": case.title, "rows": queries.row_count(gateway_rows), "sameRowsAsFloor": same,
            "p50_ms": round(p50, 2), "p95_ms": round(percentile(latencies, 95), 2),
            "p99_ms": round(percentile(latencies, 99), 2), "throughput_rps": round(throughput, 1),
            "errors": errors, "roundTrips": trips, "floor_p50_ms": round(floor_p50, 2),
            "ratio": round(p50 / floor_p50, 2) if floor_p50 else None}


async def run_channel(partners: int, seed_value: int, only: set[str] | None, port_offset: int = 0) -> dict:
    settings = bench_settings(partners, port_offset)
    server, client, seeded = await prepare_database(settings, partners, seed_value)
    gateway = Gateway(settings)
    try:
        await gateway.wait_ready()
        targets = await queries.find_targets(client.session())
        results = []
        for case in queries.cases(targets):
            if only and case.name not in only:
                continue
            print(f"  {case.name} ({partners} partners) ...", flush=True)
            results.append(await measure(gateway, client, settings, case, SEQUENTIAL, CONCURRENT))
        # Q5 wrote registrations: remove them so the next run measures the same channel.
        await client.session().write_transaction(lambda tx: tx.run(
            "MATCH (d:DealRegistration) WHERE d.name STARTS WITH 'Benchmark deal' "
            "OPTIONAL MATCH (d)-[:HAS_LINE]->(line:LineItem) DETACH DELETE d, line"))
        return {"partners": partners, "seed": seed_value,
                "targets": targets.__dict__ | {"now": targets.now.isoformat()},
                "gatewayPeakRssMb": round(gateway.peak_rss / 2**20, 1), "results": results,
                "seeding": seeded.__dict__ if seeded else None}
    finally:
        gateway.stop()
        await client.close()
        if os.environ.get("BENCH_KEEP_NEO4J") != "1":
            server.stop()


def table(report: dict) -> str:
    lines = []
    for channel in report["channels"]:
        lines += [f"\n**{channel['partners']} partners** (seed {channel['seed']}; gateway peak RSS "
                  f"{channel['gatewayPeakRssMb']} MB)\n",
                  "| query | rows | same rows as floor | p50 ms | p95 ms | p99 ms | rps @16 | errors @16 | round trips "
                  "| floor p50 ms | gateway / floor |",
                  "|---|---|---|---|---|---|---|---|---|---|---|"]
        for r in channel["results"]:
            lines.append(f"| {r['query']} {r['title']} | {r['rows']} | {'yes' if r['sameRowsAsFloor'] else 'NO'} | "
                         f"{r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['throughput_rps']} | {r['errors']} | "
                         f"{r['roundTrips']} | {r['floor_p50_ms']} | {r['ratio']} |")
    if report.get("scaling"):
        lines += ["", "| scaling | p50 at large / small |", "|---|---|"]
        lines += [f"| {q} | {ratio} |" for q, ratio in report["scaling"].items()]
    return "\n".join(lines)


async def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument("--partners", type=int, default=int(os.environ.get("BENCH_PARTNERS", "50000")))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scaling", action="store_true", help="also run Q1 and Q4 at 5,000 partners")
    parser.add_argument("--scaling-partners", type=int, default=5000)
    parser.add_argument("--only", help="run only these queries, e.g. Q1,Q4 (default: all)")
    args = parser.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    report = {"command": " ".join(sys.argv), "at": datetime.now(UTC).isoformat(), "channels": []}
    report["channels"].append(await run_channel(args.partners, args.seed, only))
    if args.scaling:
        small = await run_channel(args.scaling_partners, args.seed, {"Q1", "Q4"}, port_offset=1)
        report["channels"].append(small)
        large = {r["query"]: r for r in report["channels"][0]["results"]}
        report["scaling"] = {r["query"]: round(large[r["query"]]["p50_ms"] / r["p50_ms"], 2)
                             for r in small["results"]}
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    markdown = table(report)
    (RESULTS / f"{stamp}.json").write_text(json.dumps(report, indent=2, default=str))
    (RESULTS / f"{stamp}.md").write_text(markdown + "\n")
    print(markdown)
    return report


if __name__ == "__main__":
    asyncio.run(main())
