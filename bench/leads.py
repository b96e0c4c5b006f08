"""Lead routing on the bench channel: `routeLeads` batches through the graph layer, beside a floor.

    python -m bench.leads [--partners 50000] [--leads 200] [--batch 50] [--country US]

On the bench database (`make bench`'s, seeded when empty), with two routing rules of its own (resellers in the
reseller program with a capacity of 10, then any active partner), `leads` NEW leads in `country` (the US holds 40 %
of the generated partners: the widest candidate scan) are routed in batches of `batch`, each batch one write
transaction as `routeLeads` runs it (routing lock, lead locks, the candidates query and the offer per lead);
leads per second and per-batch p50 / max seconds. The floor is what a batch cannot do without: ranking the
partners each rule names in the country (the candidates statement, once per rule per batch, read through the
driver), with the same number of batches. The bench's leads, offers and rules are deleted at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
import uuid
from datetime import UTC, datetime

from bench.run import bench_settings, prepare_database
from graph.leads.writes import LeadDistribution, NewLead, NewRule
from graph.shared.changes import Actor
from graph.shared.client import GraphClient
from graph.shared.cypher_files import query

ENTERPRISE_SCOPE = {"all": True, "roots": [], "orgs": [], "nameOf": [], "person": "gen-admin",
                    "persona": "enterprise-admin", "enterprise": True, "ownOnly": False}


async def setup(client: GraphClient, prefix: str, leads: int, country: str) -> tuple[LeadDistribution, list[str]]:
    now = datetime.now(UTC).replace(microsecond=0)
    session = client.session(actor=Actor("gen-admin", "enterprise-admin", now))
    desk = LeadDistribution(session, ENTERPRISE_SCOPE, "gen-admin", None, now)
    await desk.create_rules([
        NewRule(f"{prefix}-resellers", "bench resellers", 0, [country], ["RESELLER"], "gprog-reseller", [], False, 10,
                48, ()),
        NewRule(f"{prefix}-any", "bench any partner", 1, [country], [], None, [], False, None, 72, ())])
    ids = await desk.create([NewLead(f"{prefix}-{n:05d}", f"Bench lead {n}", f"Bench Customer {n}", "Bench Contact",
                                     f"lead{n}@bench.example", country, 100_000, "USD", "OTHER", "gprod-crm", ())
                             for n in range(leads)])
    return desk, ids


async def cleanup(client: GraphClient, prefix: str) -> None:
    async with client.driver.session(database=client.database) as session:
        for statement in ("MATCH (l:Lead) WHERE l.id STARTS WITH $p OPTIONAL MATCH (l)-[:OFFERED]->(o) "
                          "DETACH DELETE o, l",
                          "MATCH (r:LeadRoutingRule) WHERE r.id STARTS WITH $p DETACH DELETE r",
                          "MATCH (c:Change) WHERE c.entityId STARTS WITH $p DETACH DELETE c"):
            await (await session.run(statement, p=prefix)).consume()


async def floor(client: GraphClient, rules: list[str], country: str, batches: int) -> float:
    """Seconds to run the candidates statement of every rule once per batch, directly through the driver."""
    text = query("leads/writes/candidates")
    started = time.perf_counter()
    async with client.driver.session(database=client.database) as session:
        for _ in range(batches):
            for rule in rules:
                await (await session.run(text, ruleId=rule, country=country, productId="gprod-crm")).consume()
    return time.perf_counter() - started


async def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.leads")
    parser.add_argument("--partners", type=int, default=int(os.environ.get("BENCH_PARTNERS", "50000")))
    parser.add_argument("--leads", type=int, default=200)
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--country", default="US")
    args = parser.parse_args(argv)
    settings = bench_settings(args.partners)
    server, client, _ = await prepare_database(settings, args.partners, 1)
    prefix = f"bench-lead-{uuid.uuid4().hex[:6]}"
    try:
        desk, ids = await setup(client, prefix, args.leads, args.country)
        (row,) = await client.session().read_transaction(lambda tx: tx.run(
            "MATCH (p:Partner {country: $c, status: 'ACTIVE'}) RETURN count(p) AS n", c=args.country))
        rules = [f"{prefix}-resellers", f"{prefix}-any"]
        await floor(client, rules, args.country, 1)  # untimed: plans compiled, the page cache warm
        floor_seconds = await floor(client, rules, args.country, -(-args.leads // args.batch))
        batches = []
        for start in range(0, len(ids), args.batch):
            started = time.perf_counter()
            await desk.route(ids[start:start + args.batch], ("leads",))
            batches.append(time.perf_counter() - started)
        routed = (await client.session().read_transaction(lambda tx: tx.run(
            "MATCH (l:Lead) WHERE l.id STARTS WITH $p RETURN l.status AS status, count(*) AS n", p=prefix)))
    finally:
        await cleanup(client, prefix)
        await client.close()
        if os.environ.get("BENCH_KEEP_NEO4J") != "1":
            server.stop()
    total = sum(batches)
    statuses = ", ".join(f"{r['status']} {r['n']}" for r in sorted(routed, key=lambda r: r["status"]))
    print(f"\n**{args.partners} partners**, {row['n']} active in {args.country}; {args.leads} leads in batches of "
          f"{args.batch} (`python -m bench.leads --partners {args.partners}`): {statuses}\n")
    print("| routing | leads/s | batch p50 s | batch max s | floor leads/s | routing / floor (time) |")
    print("|---|---|---|---|---|---|")
    print(f"| routeLeads (graph layer) | {args.leads / total:,.1f} | {statistics.median(batches):.2f} | "
          f"{max(batches):.2f} | {args.leads / floor_seconds:,.1f} | {total / floor_seconds:.2f} |")


if __name__ == "__main__":
    asyncio.run(main())
