"""`make bench`: a dedicated local Neo4j (own state dir and Bolt port), seeded when empty, two gateways under
uvicorn as separate processes on loopback ports against it, the compiled one (the default settings: a query that
compiles runs as one Cypher statement) and the resolver one (PARTNERGRAPH_COMPILED_READS=false), then Q1–Q6
through HTTP with minted tokens, each through both gateways and beside its floor (the same rows by one
hand-written Cypher query through the driver, sequentially and from 16 concurrent tasks, in the same run; the
two gateways' sequential samples interleaved, so that neither finds Neo4j warmer than the other). Per
query: whether the compiled statement answered, whether both gateways gave the same JSON, latencies, throughput
at 16 and round trips of each side, and the ratios to the floor (compiled / floor rps: the compiler's target
is 0.6 or more). Writes bench/results/<timestamp>.json and .md and prints the table.

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
import itertools
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx
import psutil

import neo4j
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
FLOOR_IDS = itertools.count()  # the floor's Q5 writes from concurrent tasks: one registration id each
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
    """The gateway as `partnergraph serve` runs it, in its own process (with `workers` worker processes); its RSS
    (the supervisor's and its workers') is sampled while the suite runs."""

    def __init__(self, settings: Settings, gateway_env: dict[str, str] = GATEWAY_ENV, workers: int = 1):
        self.port = free_port()
        env = {**os.environ, "PARTNERGRAPH_STATE_DIR": str(settings.state_dir),
               "PARTNERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port), "PARTNERGRAPH_HOST": "127.0.0.1",
               "PARTNERGRAPH_PORT": str(self.port), "PARTNERGRAPH_LOG_LEVEL": "warning",
               "PARTNERGRAPH_WORKERS": str(workers), **gateway_env}
        code = "from gateway import serving; from gateway.settings import Settings; serving.run(Settings())"
        self.process = subprocess.Popen([sys.executable, "-c", code], env=env)
        self.url = f"http://127.0.0.1:{self.port}"
        self.peak_rss = 0
        self._tree: list[psutil.Process] = []
        self._found = -1.0

    def sample(self) -> None:
        """Called after every request of a throughput run: finding the workers reads every process of /proc, so it
        is done once a second (the clients' own CPU time is what the run measures beside the gateway)."""
        try:
            if time.monotonic() - self._found > 1.0:
                process = psutil.Process(self.process.pid)
                self._tree, self._found = [process, *process.children(recursive=True)], time.monotonic()
            self.peak_rss = max(self.peak_rss, sum(p.memory_info().rss for p in self._tree))
        except psutil.Error:
            self._found = -1.0  # a worker was replaced: find them again

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


async def warm_gateway(http: httpx.AsyncClient, gateway: Gateway, case: queries.Case, token: str) -> dict:
    """One gateway's correctness request (its body kept) and its warm-up."""
    _, body = await post(http, gateway.url, case, token, variables_for(case, 0))
    if body is None:
        raise RuntimeError(f"{case.name} failed through the gateway at {gateway.url}")
    for n in range(WARMUP):
        if (await post(http, gateway.url, case, token, variables_for(case, -n - 1)))[1] is None:
            raise RuntimeError(f"{case.name} failed through the gateway while warming up")
    return body


async def gateway_throughput(http: httpx.AsyncClient, gateway: Gateway, case: queries.Case, token: str,
                             first: int, concurrent: int) -> tuple[float, int]:
    """Requests per second from CONCURRENCY clients, and how many failed."""
    errors = 0
    queue = iter(range(concurrent))

    async def worker():
        nonlocal errors
        for n in queue:
            _, answer = await post(http, gateway.url, case, token, variables_for(case, first + n))
            errors += answer is None
            gateway.sample()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return concurrent / (time.perf_counter() - started), errors


def run_floor(client, case: queries.Case):
    """The floor statement once, in its own session (a fresh registration id for the write)."""
    if case.write:
        params = dict(case.floor_params, id=f"bench-floor-{time.time_ns()}-{next(FLOOR_IDS)}")
        return client.session().write_transaction(lambda tx: tx.run(case.floor, **params))
    return client.session().read_transaction(lambda tx: tx.run(case.floor, **case.floor_params))


async def measure_floor(client, case: queries.Case, samples: int, concurrent: int) -> dict:
    """The floor's side: sequential latencies after the warm-up, then throughput from CONCURRENCY tasks over the
    driver (what the gateway's rps @16 is set beside)."""
    latencies, records = [], None
    for n in range(WARMUP + samples):
        started = time.perf_counter()
        records = await run_floor(client, case)
        if n >= WARMUP:
            latencies.append((time.perf_counter() - started) * 1000)
    errors = 0
    queue = iter(range(concurrent))

    async def worker():
        nonlocal errors
        for _ in queue:
            try:
                await run_floor(client, case)
            except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError):
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return {"records": records, "latencies": latencies, "throughput": concurrent / (time.perf_counter() - started),
            "errors": errors}


def ratio(value: float, floor: float) -> float | None:
    return round(value / floor, 2) if floor else None


async def measure(compiled: Gateway, resolvers: Gateway, client, settings: Settings, case: queries.Case,
                  sequential: int, concurrent: int) -> dict:
    """The three sides of one query. The two gateways are warmed up first and their sequential latencies
    interleaved (one request of each per round, the order turning every round), so that neither finds Neo4j
    warmer than the other; then each one's throughput at CONCURRENCY. The floor comes last, after its own
    warm-up, in a tight loop over the driver: at its best, as the targets compare against."""
    token = mint_person_token(settings, case.person)
    async with (httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=CONCURRENCY)) as fast_http,
                httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=CONCURRENCY)) as slow_http):
        fast = {"body": await warm_gateway(fast_http, compiled, case, token), "latencies": []}
        slow = {"body": await warm_gateway(slow_http, resolvers, case, token), "latencies": []}
        rounds = ((fast, fast_http, compiled), (slow, slow_http, resolvers))
        for n in range(sequential):
            for side, http, gateway in rounds[n % 2:] + rounds[:n % 2]:
                ms, _ = await post(http, gateway.url, case, token, variables_for(case, n + 1))
                side["latencies"].append(ms)
                gateway.sample()
        for side, http, gateway in rounds:
            side["throughput"], side["errors"] = await gateway_throughput(http, gateway, case, token, sequential + 1,
                                                                          concurrent)
    floor = await measure_floor(client, case, min(sequential, 100), concurrent)
    rows = queries.gateway_rows(case.name, fast["body"]["data"])
    cypher, resolver_cypher = fast["body"]["extensions"]["cypher"], slow["body"]["extensions"]["cypher"]
    # Q5 writes a new registration each time: its answers differ by design.
    same = None if case.write else json.dumps(fast["body"]["data"]) == json.dumps(slow["body"]["data"])
    p50, p99 = percentile(fast["latencies"], 50), percentile(fast["latencies"], 99)
    resolver_p50, resolver_p99 = percentile(slow["latencies"], 50), percentile(slow["latencies"], 99)
    floor_p50, floor_p99 = percentile(floor["latencies"], 50), percentile(floor["latencies"], 99)
    return {"query": case.name, "title": case.title, "rows": queries.row_count(rows),
            "sameRowsAsFloor": queries.floor_rows(case.name, floor["records"]) == rows,
            "compiled": bool(cypher.get("compiled")), "sameAsResolver": same,
            "p50_ms": round(p50, 2), "p95_ms": round(percentile(fast["latencies"], 95), 2), "p99_ms": round(p99, 2),
            "throughput_rps": round(fast["throughput"], 1), "errors": fast["errors"],
            "roundTrips": cypher["roundTrips"],
            "resolver_p50_ms": round(resolver_p50, 2), "resolver_p95_ms": round(percentile(slow["latencies"], 95), 2),
            "resolver_p99_ms": round(resolver_p99, 2), "resolver_throughput_rps": round(slow["throughput"], 1),
            "resolver_errors": slow["errors"], "resolver_roundTrips": resolver_cypher["roundTrips"],
            "floor_p50_ms": round(floor_p50, 2), "floor_p99_ms": round(floor_p99, 2),
            "floor_throughput_rps": round(floor["throughput"], 1), "floor_errors": floor["errors"],
            "ratio_p50": ratio(p50, floor_p50), "ratio_p99": ratio(p99, floor_p99),
            "resolver_ratio_p50": ratio(resolver_p50, floor_p50),
            "throughput_ratio": ratio(fast["throughput"], floor["throughput"])}


async def run_channel(partners: int, seed_value: int, only: set[str] | None, port_offset: int = 0) -> dict:
    settings = bench_settings(partners, port_offset)
    server, client, seeded = await prepare_database(settings, partners, seed_value)
    # Both up front, against the same Neo4j: each query is measured through one, then the other.
    compiled = Gateway(settings)
    resolvers = Gateway(settings, {**GATEWAY_ENV, "PARTNERGRAPH_COMPILED_READS": "false"})
    try:
        await asyncio.gather(compiled.wait_ready(), resolvers.wait_ready())
        targets = await queries.find_targets(client.session())
        results = []
        for case in queries.cases(targets):
            if only and case.name not in only:
                continue
            print(f"  {case.name} ({partners} partners) ...", flush=True)
            results.append(await measure(compiled, resolvers, client, settings, case, SEQUENTIAL, CONCURRENT))
        # Q5 wrote registrations: remove them so the next run measures the same channel.
        await client.session().write_transaction(lambda tx: tx.run(
            "MATCH (d:DealRegistration) WHERE d.name STARTS WITH 'Benchmark deal' "
            "OPTIONAL MATCH (d)-[:HAS_LINE]->(line:LineItem) DETACH DELETE d, line"))
        return {"partners": partners, "seed": seed_value,
                "targets": targets.__dict__ | {"now": targets.now.isoformat()},
                "gatewayPeakRssMb": round(compiled.peak_rss / 2**20, 1),
                "resolverGatewayPeakRssMb": round(resolvers.peak_rss / 2**20, 1), "results": results,
                "seeding": seeded.__dict__ if seeded else None}
    finally:
        compiled.stop()
        resolvers.stop()
        await client.close()
        if os.environ.get("BENCH_KEEP_NEO4J") != "1":
            server.stop()


COLUMNS = ("query", "rows", "same rows as floor", "compiled?", "same as resolver", "compiled p50 ms", "compiled p99 ms",
           "rps @16", "errors @16", "round trips", "resolver p50 ms", "resolver p99 ms", "resolver rps",
           "resolver round trips", "floor p50 ms", "floor p99 ms", "floor rps @16", "compiled / floor p50",
           "compiled / floor p99", "resolver / floor p50", "compiled / floor rps")


def yes(value: bool | None) -> str:
    return "–" if value is None else "yes" if value else "NO"


def table(report: dict) -> str:
    lines = []
    for channel in report["channels"]:
        lines += [f"\n**{channel['partners']} partners** (seed {channel['seed']}; gateway peak RSS: compiled "
                  f"{channel['gatewayPeakRssMb']} MB, resolvers {channel['resolverGatewayPeakRssMb']} MB)\n",
                  "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        for r in channel["results"]:
            cells = [f"{r['query']} {r['title']}", r["rows"], yes(r["sameRowsAsFloor"]),
                     "yes" if r["compiled"] else "no", yes(r["sameAsResolver"]), r["p50_ms"], r["p99_ms"],
                     r["throughput_rps"], f"{r['errors']} / {r['resolver_errors']}", r["roundTrips"],
                     r["resolver_p50_ms"], r["resolver_p99_ms"], r["resolver_throughput_rps"],
                     r["resolver_roundTrips"], r["floor_p50_ms"], r["floor_p99_ms"], r["floor_throughput_rps"],
                     r["ratio_p50"], r["ratio_p99"], r["resolver_ratio_p50"], r["throughput_ratio"]]
            lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    if report.get("scaling"):
        lines += ["", "| scaling | p50 at large / small |", "|---|---|"]
        lines += [f"| {q} | {value} |" for q, value in report["scaling"].items()]
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
