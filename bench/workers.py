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
import contextlib
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx
import psutil

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

COLUMNS = ("query", "workers", "load generator", "gateway rps @16", "errors", "floor rps @16", "gateway / floor rps",
           "rps / 1 worker", "cores busy: gateway / Neo4j / clients", "gateway peak RSS MB")


SIDES = ("gateway", "neo4j", "clients")


@dataclass(frozen=True)
class Load:
    """The load generator: wrk for `seconds` when it is installed (apt-get install wrk), else `requests` from 16
    httpx clients in this process (which then takes more CPU than the gateway)."""

    wrk: bool
    seconds: int
    requests: int


def cpu_seconds(pid: int, leave_out: int | None = None) -> float:
    """User and system CPU time of a process and its children (a supervisor's workers, wrk), but for the process
    tree of `leave_out` (the gateway, a child of this process as wrk is)."""
    process = psutil.Process(pid)
    tree = [process, *process.children(recursive=True)]
    if leave_out is not None:
        left = psutil.Process(leave_out)
        skipped = {left.pid, *(p.pid for p in left.children(recursive=True))}
        tree = [p for p in tree if p.pid not in skipped]
    total = 0.0
    for member in tree:
        with contextlib.suppress(psutil.NoSuchProcess):
            times = member.cpu_times()
            total += times.user + times.system + times.children_user + times.children_system
    return total


# wrk's script: every request the case's POST; a response that is not 200 or carries GraphQL errors is an error.
WRK_SCRIPT = """
wrk.method = "POST"
wrk.body = {body}
wrk.headers["content-type"] = "application/json"
wrk.headers["accept"] = "application/json"
wrk.headers["authorization"] = {authorization}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) failed = 0 end
function response(status, headers, body)
  if status ~= 200 or string.find(body, '"errors"', 1, true) then failed = failed + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failed") end
  io.write(string.format("rps %f\\nfailed %d\\n", summary.requests / (summary.duration / 1e6), total))
end
"""


def _lua(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid Lua string literal for these (ASCII, escapes alike)


async def sample_rss(gateway: Gateway) -> None:
    while True:
        gateway.sample()
        await asyncio.sleep(0.5)


async def wrk_throughput(gateway: Gateway, case: queries.Case, token: str, seconds: int) -> tuple[float, int]:
    """Requests per second from CONCURRENCY connections of one wrk thread (C and LuaJIT: a load generator that
    takes a small share of the cores the gateway and Neo4j share), and how many failed."""
    body = json.dumps({"query": case.query, "variables": case.variables})
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_SCRIPT.format(body=_lua(body), authorization=_lua(f"Bearer {token}")))
        script.flush()
        process = await asyncio.create_subprocess_exec(
            "wrk", "-t1", f"-c{CONCURRENCY}", f"-d{seconds}s", "-s", script.name, gateway.url + "/graphql",
            stdout=asyncio.subprocess.PIPE)
        output = (await process.communicate())[0].decode()
    figures = dict(line.split() for line in output.splitlines() if line.startswith(("rps ", "failed ")))
    return float(figures["rps"]), int(figures["failed"])


async def measure(gateway: Gateway, client, settings, case: queries.Case, load: Load, neo4j_pid: int) -> dict:
    """The gateway's throughput, and where the machine's CPU went meanwhile (in cores busy): the gateway's processes,
    Neo4j, and the load generator (wrk, or this process's httpx clients)."""
    token = mint_person_token(settings, case.person)
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=CONCURRENCY)) as http:
        await warm_gateway(http, gateway, case, token)
        def busy() -> dict[str, float]:
            return {"gateway": cpu_seconds(gateway.process.pid), "neo4j": cpu_seconds(neo4j_pid),
                    "clients": cpu_seconds(os.getpid(), leave_out=gateway.process.pid)}

        before, started = busy(), time.perf_counter()
        sampling = asyncio.create_task(sample_rss(gateway))
        try:
            if load.wrk:
                rps, errors = await wrk_throughput(gateway, case, token, load.seconds)
            else:
                rps, errors = await gateway_throughput(http, gateway, case, token, 1, load.requests)
        finally:
            sampling.cancel()
        wall, after = time.perf_counter() - started, busy()
        cores = {side: round((after[side] - before[side]) / wall, 2) for side in SIDES}
    requests = load.requests if not load.wrk else max(load.requests, int(rps * load.seconds))
    floor = await measure_floor(client, case, 0, requests)
    return {"query": case.name, "client": "wrk" if load.wrk else "httpx", "rps": round(rps, 1), "errors": errors,
            "floor_rps": round(floor["throughput"], 1), "floor_errors": floor["errors"],
            "ratio": ratio(rps, floor["throughput"]), "cores": cores}


async def run(partners: int, seed_value: int, worker_counts: list[int], only: set[str], load: Load) -> list[dict]:
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
                    row = await measure(gateway, client, settings, case, load, server.pid())
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
        cells = [r["query"], r["workers"], r["client"], r["rps"], f"{r['errors']} / {r['floor_errors']}",
                 r["floor_rps"], r["ratio"], r["scaling"], " / ".join(str(r["cores"][side]) for side in SIDES),
                 r["peak_rss_mb"]]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


async def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(prog="bench.workers")
    parser.add_argument("--partners", type=int, default=int(os.environ.get("BENCH_PARTNERS", "50000")))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", default="1,2", help="worker counts to measure, e.g. 1,2")
    parser.add_argument("--only", default="Q1,Q4", help="queries to measure")
    parser.add_argument("--requests", type=int, default=800,
                        help="requests per side from 16 concurrent clients (the floor's; the gateway's without wrk)")
    parser.add_argument("--seconds", type=int, default=15, help="how long wrk loads each gateway side")
    parser.add_argument("--client", choices=("wrk", "httpx"), default="wrk" if shutil.which("wrk") else "httpx")
    args = parser.parse_args(argv)
    load_average = os.getloadavg()
    rows = await run(args.partners, args.seed, [int(n) for n in args.workers.split(",")], set(args.only.split(",")),
                     Load(args.client == "wrk", args.seconds, args.requests))
    markdown = table(rows, load_average)
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = {"command": " ".join(sys.argv), "at": datetime.now(UTC).isoformat(), "load": load_average, "rows": rows}
    (RESULTS / f"workers-{stamp}.json").write_text(json.dumps(report, indent=2))
    (RESULTS / f"workers-{stamp}.md").write_text(markdown + "\n")
    print(markdown)
    return rows


if __name__ == "__main__":
    asyncio.run(main())
