"""`make bench-workers`: throughput of `partnergraph serve --workers N` beside the floor.

The bench channel's Neo4j (as `bench.run`: its own state dir and Bolt port, seeded when empty), then for each worker
count a gateway as `serve` runs it, warmed up, and Q1 and Q4 from 16 concurrent clients through HTTP; the floor (the
same rows by one hand-written Cypher statement through the driver from 16 concurrent tasks) is measured in the same
run, right after each gateway side, so both find the same machine. Neo4j, the gateway's workers and the clients share
the machine's cores: the figures say what more workers buy on this machine, not on a fleet.

    python -m bench.workers [--partners 50000] [--workers 1,2] [--only Q1,Q4] [--requests 800]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from datetime import UTC, datetime

import httpx

from bench import queries
from bench.run import (
    CONCURRENCY,
    RESULTS,
    Gateway,
    bench_settings,
    gateway_throughput,
    measure_floor,
    prepare_database,
    ratio,
    warm_gateway,
)
from gateway.identity import mint_person_token

COLUMNS = ("query", "workers", "gateway rps @16", "errors", "floor rps @16", "gateway / floor rps",
           "rps / 1 worker", "gateway peak RSS MB")


async def measure(gateway: Gateway, client, settings, case: queries.Case, requests: int) -> dict:
    token = mint_person_token(settings, case.person)
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=CONCURRENCY)) as http:
        await warm_gateway(http, gateway, case, token)
        rps, errors = await gateway_throughput(http, gateway, case, token, 1, requests)
    floor = await measure_floor(client, case, 0, requests)
    return {"query": case.name, "rps": round(rps, 1), "errors": errors, "floor_rps": round(floor["throughput"], 1),
            "floor_errors": floor["errors"], "ratio": ratio(rps, floor["throughput"])}


async def run(partners: int, seed_value: int, worker_counts: list[int], only: set[str], requests: int) -> list[dict]:
    settings = bench_settings(partners)
    server, client, _ = await prepare_database(settings, partners, seed_value)
    try:
        cases = [c for c in queries.cases(await queries.find_targets(client.session())) if c.name in only]
        rows = []
        for workers in worker_counts:
            gateway = Gateway(settings, workers=workers)
            try:
                await gateway.wait_ready()
                for case in cases:
                    print(f"  {case.name} with {workers} worker(s) ...", flush=True)
                    row = await measure(gateway, client, settings, case, requests)
                    rows.append({**row, "workers": workers, "peak_rss_mb": round(gateway.peak_rss / 2**20, 1)})
            finally:
                gateway.stop()
        base = {r["query"]: r["rps"] for r in rows if r["workers"] == worker_counts[0]}
        for r in rows:
            r["scaling"] = ratio(r["rps"], base[r["query"]])
        return rows
    finally:
        await client.close()
        if os.environ.get("BENCH_KEEP_NEO4J") != "1":
            server.stop()


def table(rows: list[dict], load: tuple[float, float, float]) -> str:
    lines = [f"\nload average before the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {os.cpu_count()} cores\n",
             "| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    for r in sorted(rows, key=lambda r: (r["query"], r["workers"])):
        cells = [r["query"], r["workers"], r["rps"], f"{r['errors']} / {r['floor_errors']}", r["floor_rps"],
                 r["ratio"], r["scaling"], r["peak_rss_mb"]]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


async def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(prog="bench.workers")
    parser.add_argument("--partners", type=int, default=int(os.environ.get("BENCH_PARTNERS", "50000")))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, e.g. 1,2")
    parser.add_argument("--only", default="Q1,Q4", help="queries to measure")
    parser.add_argument("--requests", type=int, default=800, help="requests per side from 16 concurrent clients")
    args = parser.parse_args(argv)
    load = os.getloadavg()
    rows = await run(args.partners, args.seed, [int(n) for n in args.workers.split(",")], set(args.only.split(",")),
                     args.requests)
    markdown = table(rows, load)
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = {"command": " ".join(sys.argv), "at": datetime.now(UTC).isoformat(), "load": load, "rows": rows}
    (RESULTS / f"workers-{stamp}.json").write_text(json.dumps(report, indent=2))
    (RESULTS / f"workers-{stamp}.md").write_text(markdown + "\n")
    print(markdown)
    return rows


if __name__ == "__main__":
    asyncio.run(main())
