"""Profile one benchmark query inside the gateway process with pyinstrument.

    python -m bench.profile Q1 [--partners 5000] [--requests 50] [--html out.html] [--plans] [--resolver]

Uses the bench channel of that size (started, migrated and seeded when empty, as `make bench` does), runs
the gateway application in this process through httpx's ASGI transport (no sockets, so the profile shows
the gateway's own costs: parsing, validation, resolvers, loaders, record mapping, serialization, and the
driver's time awaiting Neo4j), and prints the call tree of `--requests` sequential requests after one
warm-up. With `--plans` it instead runs the query once, PROFILEs every Cypher statement the request ran
(with the same parameters: the one compiled statement when the query compiles) and the floor's, and prints each
one's database hits beside the floor's, whether it scans a label, its rows, time and operators, flagging the
channel-wide reads: label and all-node scans, and reads of a non-unique index (once at the top of a query they
may be the point, as Q3's page of the lineageChangedAt index; under a per-row Apply they read the channel
again for every row). The gateway compiles reads (as `make bench`'s compiled gateway does); `--resolver` runs
every query through the resolvers instead. Settings come from the environment as for `bench.run`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import time

import httpx
from pyinstrument import Profiler

from bench import queries
from bench.run import bench_settings, prepare_database, ratio, variables_for
from gateway.app import create_app
from gateway.identity import mint_person_token

SCANS = ("AllNodesScan", "NodeByLabelScan", "DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan")
# Reads of a non-unique (range, text, point) index. Partner 360's case section once sought the case_status
# index once per counted partner and joined each case back to the partner, counted partners × every case.
INDEX_READS = ("NodeIndexSeek", "NodeIndexScan", "NodeIndexSeekByRange", "NodeIndexContainsScan",
               "NodeIndexEndsWithScan", "MultiNodeIndexSeek")
# The scans that read every node of a label (or every node): what a compiled statement should never need.
LABEL_SCANS = ("AllNodesScan", "NodeByLabelScan", "IntersectionNodeByLabelsScan", "UnionNodeByLabelsScan",
               "SubtractionNodeByLabelsScan")
# A subquery left in an operator's expression (the compiled statement's COLLECT { } inside map projections) is
# planned as a nested plan: PROFILE counts its db hits in that operator but does not show its operators.
NESTED_PLAN = re.compile(r"\b(COLLECT|EXISTS|COUNT)\s*\{", re.IGNORECASE)


def channel_reads(plan: dict) -> list[str]:
    """The operators of a plan (PROFILE's or EXPLAIN's) that find records by label, type or a non-unique
    index instead of from a node found by its id, each as "operator: details"."""
    reads = []
    operator = plan["operatorType"].split("@")[0]
    if operator in SCANS + INDEX_READS:
        reads.append(f"{operator}: {plan.get('args', {}).get('Details', '')}")
    for child in plan.get("children", []):
        reads += channel_reads(child)
    return reads


async def profile_plan(client, text: str, params: dict, write: bool) -> dict:
    """Run `PROFILE text` (rolled back for a write) and return the plan's totals and operators."""
    async with client.driver.session(database=client.database) as session:
        tx = await session.begin_transaction()
        try:
            result = await tx.run("PROFILE " + text, params)
            summary = await result.consume()
        finally:
            await tx.rollback()
    operators: list[tuple[str, int, int]] = []
    nested = False

    def walk(plan: dict) -> None:
        nonlocal nested
        operators.append((plan["operatorType"].split("@")[0], plan.get("dbHits", 0), plan.get("rows", 0)))
        nested = nested or bool(NESTED_PLAN.search(str(plan.get("args", {}).get("Details", ""))))
        for child in plan.get("children", []):
            walk(child)

    walk(summary.profile)
    return {"dbHits": sum(hits for _, hits, _ in operators), "rows": summary.profile.get("rows", 0),
            "ms": summary.result_available_after + summary.result_consumed_after, "operators": operators,
            "channelReads": channel_reads(summary.profile),
            # None: none among the operators shown, but nested plans hide theirs.
            "labelScan": True if any(op in LABEL_SCANS for op, _, _ in operators) else None if nested else False}


async def explain_plan(client, text: str, params: dict) -> dict:
    """The plan Neo4j would run for `text` (EXPLAIN: planned, not run)."""
    async with client.driver.session(database=client.database) as session:
        summary = await (await session.run("EXPLAIN " + text, params)).consume()
    return summary.plan


async def median_run_ms(client, text: str, params: dict, write: bool, runs: int = 20) -> float:
    """The median time of running the statement through the driver, as the gateway does (rolled back for
    a write)."""
    times = []
    async with client.driver.session(database=client.database) as session:
        for _ in range(runs):
            started = time.perf_counter()
            tx = await session.begin_transaction()
            try:
                await (await tx.run(text, params)).fetch(1 << 30)
            finally:
                await (tx.rollback() if write else tx.commit())
            times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2)


def first_line(text: str) -> str:
    """A statement's first comment (what the cypher/ files start with), or its first line."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return next((line for line in lines if line.startswith("//")), lines[0] if lines else "")


def print_plan(plan: dict, title: str, floor_hits: int) -> None:
    scan = {True: "LABEL SCAN", False: "no label scan", None: "nested plans"}[plan["labelScan"]]
    print(f"{plan['dbHits']:>9} db hits ({ratio(plan['dbHits'], floor_hits)} × floor) {plan['rows']:>6} rows "
          f"{plan['median_ms']:>7} ms  {scan:<13}  {title[:80]}")
    for read in plan["channelReads"]:
        print(f"{'':>12}CHANNEL READ {read[:100]}")
    for op, hits, rows in sorted(plan["operators"], key=lambda o: -o[1])[:int(os.environ.get("PLAN_OPERATORS", "4"))]:
        print(f"{'':>12}{op:<34} {hits:>9} hits {rows:>7} rows")


async def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.profile")
    parser.add_argument("query", choices=["Q1", "Q2", "Q3", "Q4", "Q5"])
    parser.add_argument("--partners", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--html", help="also write the profile as HTML to this file")
    parser.add_argument("--async-mode", default="enabled", choices=["enabled", "disabled"],
                        help="disabled: attribute only CPU time to Python frames (awaiting shows as the event loop)")
    parser.add_argument("--plans", action="store_true", help="PROFILE the Cypher of one request instead")
    parser.add_argument("--resolver", action="store_true",
                        help="every query through the resolvers (PARTNERGRAPH_COMPILED_READS=false)")
    args = parser.parse_args(argv)

    settings = bench_settings(args.partners)
    # Not verify mode either: it would run (and record) both paths.
    settings = settings.model_copy(update={"compiled_reads": not args.resolver})
    server, client, _ = await prepare_database(settings, args.partners, args.seed)
    try:
        targets = await queries.find_targets(client.session())
        case = next(c for c in queries.cases(targets) if c.name == args.query)
        app = create_app(settings, graph=client)
        headers = {"authorization": f"Bearer {mint_person_token(settings, case.person)}", "x-partnergraph-debug": "1",
                   "accept": "application/json"}
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway") as http:

            async def once(n: int) -> tuple[float, dict]:
                started = time.perf_counter()
                response = await http.post("/graphql", headers=headers,
                                           json={"query": case.query, "variables": variables_for(case, n)})
                elapsed = (time.perf_counter() - started) * 1000
                body = response.json()
                if response.status_code != 200 or body.get("errors"):
                    raise RuntimeError(f"{case.name} failed: {response.status_code} {body}")
                return elapsed, body["extensions"]["cypher"]

            _, cypher = await once(0)
            print(f"{case.name}: answered by {'the compiled statement' if cypher.get('compiled') else 'the resolvers'}"
                  f" in {cypher['roundTrips']} round trips (the viewer's lookup included)")
            if args.plans:
                client.recorded = []
                await once(1)
                statements, client.recorded = client.recorded, None
                floor = await profile_plan(client, case.floor, case.floor_params, write=case.write)
                floor["median_ms"] = await median_run_ms(client, case.floor, case.floor_params, write=case.write)
                total, scans = 0, []
                for text, params in statements:
                    plan = await profile_plan(client, text, params, write=case.write)
                    plan["median_ms"] = await median_run_ms(client, text, params, write=case.write)
                    print_plan(plan, first_line(text), floor["dbHits"])
                    total, scans = total + plan["dbHits"], [*scans, plan["labelScan"]]
                print_plan(floor, "the floor: " + first_line(case.floor), floor["dbHits"])
                print(f"{total:>9} db hits in {len(statements)} statements, the floor's {floor['dbHits']}: "
                      f"{ratio(total, floor['dbHits'])} × floor")
                if None in scans:
                    print("nested plans: no label scan among the operators shown, but PROFILE does not show those of "
                          "subqueries inside an expression (their db hits count in that operator)")
                return
            # Unprofiled first: where a request's time goes, between Cypher (driver time, result
            # hydration included) and the rest of the gateway.
            runs = [await once(n + 1) for n in range(args.requests)]
            print(f"{case.name}: median request {statistics.median(ms for ms, _ in runs):.1f} ms, of which Cypher "
                  f"{statistics.median(c['milliseconds'] for _, c in runs):.1f} ms in {runs[0][1]['roundTrips']} "
                  "round trips (driver time, hydration included)")
            profiler = Profiler(async_mode=args.async_mode, interval=0.001)
            profiler.start()
            for n in range(args.requests):
                await once(args.requests + n + 1)
            profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=bool(os.environ.get("PROFILE_SHOW_ALL"))))
        if args.html:
            with open(args.html, "w") as out:
                out.write(profiler.output_html())
        if case.write:
            await client.session().write_transaction(lambda tx: tx.run(
                "MATCH (d:DealRegistration) WHERE d.name STARTS WITH 'Benchmark deal' "
                "OPTIONAL MATCH (d)-[:HAS_LINE]->(line:LineItem) DETACH DELETE d, line"))
    finally:
        await client.close()
        if os.environ.get("BENCH_KEEP_NEO4J") != "1":
            server.stop()


if __name__ == "__main__":
    asyncio.run(main())
