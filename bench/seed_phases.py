"""Add seed phases to a bench database seeded before they existed, instead of reseeding it whole (about 20 minutes
at 50,000 partners): every phase derives its rows from the channel's shape and seed (and reads what the channel
already holds), so with the partner count and seed the bench seeded with (`bench.run`: `--partners`, `--seed 1`)
the phases come out as a full seed would have written them. Then the database's counts and caps are checked.

    python -m bench.seed_phases --phases mdf [--partners 50000] [--seed 1]

`--phases` takes seed phase names (`seed.runner.phases`, comma-separated) or `mdf` for the five MDF phases. The
bench's Neo4j (state dir, Bolt port and memory as `bench.run` sets them) is started, migrated, given the phases,
and stopped unless BENCH_KEEP_NEO4J=1. The MDF phases are refused when the database holds MDF budgets already
(a phase run twice writes its rows twice); other phases are not checked.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

from bench.run import bench_settings
from gateway import database
from graph.shared import migrations
from seed.runner import seed_phases
from seed.shape import ChannelShape

MDF_PHASES = ["mdf budgets", "fund allocations", "fund requests", "fund claims", "mdf influence"]

# What the MDF phases leave, and the caps of docs/MDF.md ("The caps, under concurrency"): each `over` count must be 0.
MDF_CHECKS = {
    "budgets": "MATCH (b:MdfBudget) RETURN count(b) AS n",
    "allocations": "MATCH (a:FundAllocation) RETURN count(a) AS n",
    "allocations passed down": "MATCH (:FundAllocation)-[:DRAWN_FROM]->(a:FundAllocation) RETURN count(a) AS n",
    "fund requests": "MATCH (r:FundRequest) RETURN count(r) AS n",
    "approved requests": "MATCH (r:FundRequest {status: 'APPROVED'}) RETURN count(r) AS n",
    "fund claims": "MATCH (c:FundClaim) RETURN count(c) AS n",
    "paid claims": "MATCH (c:FundClaim {status: 'PAID'}) RETURN count(c) AS n",
    "proofs of performance": "MATCH (p:ProofOfPerformance) RETURN count(p) AS n",
    "INFLUENCED_BY": "MATCH (:DealRegistration)-[i:INFLUENCED_BY]->(:FundRequest) RETURN count(i) AS n",
    "over: budgets allocated beyond their amount": """
        MATCH (b:MdfBudget)
        WITH b, COLLECT { MATCH (b)<-[:DRAWN_FROM]-(a:FundAllocation) RETURN a.amount } AS drawn
        WHERE reduce(t = 0, x IN drawn | t + x) > b.amount RETURN count(b) AS n""",
    "over: allocations passed down and committed beyond their amount": """
        MATCH (a:FundAllocation)
        WITH a, COLLECT { MATCH (a)<-[:DRAWN_FROM]-(s:FundAllocation) RETURN s.amount } AS passed,
             COLLECT { MATCH (a)<-[:DRAWS_ON]-(r:FundRequest {status: 'APPROVED'}) RETURN r.approvedAmount }
               AS committed
        WHERE reduce(t = 0, x IN passed + committed | t + x) > a.amount RETURN count(a) AS n""",
    "over: requests claimed beyond their approved amount": """
        MATCH (r:FundRequest)<-[:CLAIMS]-(:FundClaim)
        WITH DISTINCT r
        WITH r, COLLECT { MATCH (r)<-[:CLAIMS]-(c:FundClaim) WHERE c.status IN ['SUBMITTED', 'APPROVED', 'PAID']
                          RETURN c.amount } AS live
        WHERE r.status <> 'APPROVED' OR reduce(t = 0, x IN live | t + x) > r.approvedAmount RETURN count(r) AS n""",
    "over: allocations to a partner not below the holder": """
        MATCH (s:FundAllocation)-[:DRAWN_FROM]->(:FundAllocation)-[:ALLOCATED_TO]->(holder:Partner)
        MATCH (s)-[:ALLOCATED_TO]->(p:Partner) WHERE NOT EXISTS { (holder)-[:PARENT_OF*1..]->(p) }
        RETURN count(s) AS n""",
    "over: influence across partners": """
        MATCH (p:Partner)<-[:REGISTERED_BY]-(:DealRegistration)-[:INFLUENCED_BY]->(:FundRequest)-[:DRAWS_ON]->
              (:FundAllocation)-[:ALLOCATED_TO]->(q:Partner) WHERE p <> q RETURN count(*) AS n""",
}


async def check_mdf(session) -> dict[str, int]:
    counts = {}
    for name, query in MDF_CHECKS.items():
        rows = await session.read_transaction(lambda tx, query=query: tx.run(query))
        counts[name] = rows[0]["n"]
    return counts


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.seed_phases")
    parser.add_argument("--phases", required=True, help="seed phase names, comma-separated, or `mdf`")
    parser.add_argument("--partners", type=int, default=int(os.environ.get("BENCH_PARTNERS", "50000")))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=2000)
    args = parser.parse_args(argv)
    names = [n for part in args.phases.split(",") for n in (MDF_PHASES if part.strip() == "mdf" else [part.strip()])]
    settings = bench_settings(args.partners)
    server = database.local_server(settings)
    server.start()
    client = database.graph_client(settings)
    try:
        session = client.session()
        await migrations.migrate(session)
        if set(names) & set(MDF_PHASES):
            if (await check_mdf(session))["budgets"]:
                print("the database holds MDF budgets already: the MDF phases were run", file=sys.stderr)
                return 1
        report = await seed_phases(client, ChannelShape(args.partners, args.seed), names, batch_size=args.batch_size)
        for phase, rows in report.rows.items():
            print(f"{phase:<24} {rows:>9} rows  {report.phase_seconds[phase]:>7.2f} s")
        if set(names) & set(MDF_PHASES):
            counts = await check_mdf(session)
            for name, n in counts.items():
                print(f"{name:<66} {n:>9}")
            if any(n for name, n in counts.items() if name.startswith("over:")):
                print("a cap does not hold", file=sys.stderr)
                return 1
        return 0
    finally:
        await client.close()
        if os.environ.get("BENCH_KEEP_NEO4J") != "1":
            server.stop()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
