"""What tracing costs on the benchmark's Q1: the gateway in this process (httpx's ASGI transport, as bench.profile),
over the bench channel, with tracing off and on (spans exported in batches over OTLP/HTTP to a receiver in another
process, as to a collector), compiled and through the resolvers, the variants' requests interleaved so that none
finds Neo4j or the machine in a better state than another; p50, mean and p90 per variant.

    python -m bench.tracing [--partners 50000] [--requests 300] [--strawberry]

`--strawberry` compares the resolver path without tracing with strawberry's OpenTelemetryExtension instead (a span
per resolver, docs/OBSERVABILITY.md). Settings come from the environment as for `bench.run`; the channel must be
seeded (`make bench` seeds it).
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import statistics
import subprocess
import sys
import time
from typing import Any

import httpx
from starlette.routing import Route
from strawberry.extensions.tracing import OpenTelemetryExtension

from bench import queries
from bench.run import bench_settings
from gateway import database, tracing
from gateway.app import create_app
from gateway.identity import mint_person_token
from gateway.local_neo4j import free_port

WARMUP = 10
# An OTLP/HTTP receiver that answers every export with 200 (in its own process: a collector's work is not the
# gateway's).
RECEIVER = """
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers["content-length"]))
        self.send_response(200); self.send_header("content-length", "0"); self.end_headers()
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver).serve_forever()
"""


def with_resolver_spans(app: Any, provider: Any) -> None:
    """Add strawberry's span-per-resolver extension to the app's schema."""
    (route,) = [r for r in app.routes if isinstance(r, Route) and r.path == "/graphql"]
    schema = route.endpoint.__self__.schema
    schema.extensions = (*schema.extensions, lambda: OpenTelemetryExtension(tracer_provider=provider))


async def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.tracing")
    parser.add_argument("--partners", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--strawberry", action="store_true")
    args = parser.parse_args(argv)
    port = free_port()
    receiver = subprocess.Popen([sys.executable, "-c", RECEIVER, str(port)])
    atexit.register(receiver.terminate)  # after the providers' own exit handlers have sent what they hold
    base = bench_settings(args.partners)
    traced = {"tracing": True, "otlp_endpoint": f"http://127.0.0.1:{port}"}
    graph = database.graph_client(base)
    case = next(c for c in queries.cases(await queries.find_targets(graph.session())) if c.name == "Q1")
    headers = {"authorization": f"Bearer {mint_person_token(base, case.person)}", "accept": "application/json"}
    if args.strawberry:
        variants = {"resolvers, off": {"compiled_reads": False},
                    "resolvers, span per resolver": {"compiled_reads": False}}
    else:
        variants = {"compiled, off": {}, "compiled, on": traced,
                    "resolvers, off": {"compiled_reads": False}, "resolvers, on": {"compiled_reads": False, **traced}}
    clients = {}
    for name, update in variants.items():
        app = create_app(base.model_copy(update=update), graph)
        if name.endswith("per resolver"):
            with_resolver_spans(app, tracing.tracer_provider(base.model_copy(update=traced)))
        clients[name] = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway")
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for n in range(WARMUP + args.requests):
        for name, http in clients.items():
            started = time.perf_counter()
            response = await http.post("/graphql", json={"query": case.query, "variables": case.variables},
                                       headers=headers)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code != 200 or "errors" in response.json():
                raise RuntimeError(f"{name}: {response.text[:500]}")
            if n >= WARMUP:
                samples[name].append(elapsed)
    print(f"Q1, {args.partners} partners, {args.requests} requests per variant, interleaved")
    for name, values in samples.items():
        values.sort()
        print(f"  {name:30} p50 {statistics.median(values):7.2f} ms   mean {statistics.mean(values):7.2f} ms   "
              f"p90 {values[int(len(values) * 0.9)]:7.2f} ms")
    await graph.close()


if __name__ == "__main__":
    asyncio.run(main())
