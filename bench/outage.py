"""`make bench-outage`: what clients see while Neo4j is killed and started again, measured through the gateway.

    python -m bench.outage [--readers 10]

Starts a throwaway local Neo4j (temporary state dir, free Bolt port, removed at the end) with the demo channel,
the gateway app over it in this process (httpx's ASGI transport: no network between the client and the app),
then: `--readers` clients read partners in a loop while the server is SIGKILLed; a single request, `/readyz` and
20 concurrent requests while it is down; then the server is started again through the code `db start` uses, and
the same gateway (same driver, same pool) is polled until it serves again. Prints each figure in seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import shutil
import signal
import tempfile
import time
from pathlib import Path

import httpx

from gateway import database
from gateway.app import create_app
from gateway.identity import mint_demo_token
from gateway.local_neo4j import free_port
from gateway.settings import Settings

READ = {"query": "{ partners(first: 5) { edges { node { name } } } }"}
POLLS = 200  # bounded: the gateway serves again within seconds of Neo4j answering


async def timed(http: httpx.AsyncClient, token: str) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    response = await http.post("/graphql", json=READ, headers={"authorization": f"Bearer {token}"})
    return time.perf_counter() - started, response


def served(response: httpx.Response) -> bool:
    return response.status_code == 200 and "errors" not in response.json()


async def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.outage")
    parser.add_argument("--readers", type=int, default=10, help="clients reading while Neo4j is killed")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.CRITICAL)  # the gateway logs each refused request: the figures are the output

    state = Path(tempfile.mkdtemp(prefix="partnergraph-outage-"))
    settings = Settings(state_dir=state, neo4j_bolt_port=free_port(), neo4j_heap="768m", neo4j_pagecache="256m")
    server = database.local_server(settings)
    graph = database.graph_client(settings)
    try:
        server.start()
        await database.prepare(graph, settings)
        token = mint_demo_token(settings, "enterprise-admin")
        transport = httpx.ASGITransport(app=create_app(settings, graph), raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway", timeout=120) as http:
            for _ in range(5):  # warm-up: plans, pooled connections
                await timed(http, token)
            stop = asyncio.Event()

            async def reader() -> list[tuple[float, httpx.Response]]:
                answers = []
                while not stop.is_set():
                    answers.append(await timed(http, token))
                return answers

            readers = [asyncio.create_task(reader()) for _ in range(args.readers)]
            await asyncio.sleep(1.0)
            os.kill(server.pid(), signal.SIGKILL)
            await asyncio.sleep(3.0)
            stop.set()
            answers = [a for task in readers for a in await task]
            statuses = sorted({response.status_code for _, response in answers})
            print(f"{args.readers} readers while Neo4j was killed: {len(answers)} answers, HTTP {statuses}, "
                  f"slowest {max(s for s, _ in answers):.2f} s")

            seconds, response = await timed(http, token)
            print(f"one request while down: {seconds:.2f} s, HTTP {response.status_code}, "
                  f"Retry-After {response.headers.get('retry-after')}, "
                  f"code {response.json()['errors'][0].get('extensions', {}).get('code')}")
            started = time.perf_counter()
            ready = await http.get("/readyz")
            print(f"/readyz while down: {time.perf_counter() - started:.2f} s, HTTP {ready.status_code}")
            concurrent = await asyncio.gather(*(timed(http, token) for _ in range(20)))
            print(f"20 concurrent requests while down: slowest {max(s for s, _ in concurrent):.2f} s, "
                  f"HTTP {sorted({r.status_code for _, r in concurrent})}")

            started = time.perf_counter()
            server.start()
            print(f"Neo4j started again (db start's code): {time.perf_counter() - started:.1f} s")
            started, failed = time.perf_counter(), 0
            for _ in range(POLLS):
                _, response = await timed(http, token)
                if served(response):
                    break
                failed += 1
                await asyncio.sleep(0.1)
            print(f"serving again {time.perf_counter() - started:.2f} s after Neo4j answered "
                  f"({failed} failed requests before)")
            seconds, response = await timed(http, token)
            print(f"the next request: {seconds:.2f} s, HTTP {response.status_code}")
    finally:
        await graph.close()
        server.stop()
        shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
