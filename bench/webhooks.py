"""Webhook delivery: events per second from a write to a receiver, and the latency from commit to delivery.

    python -m bench.webhooks [--events 1000] [--batch 50] [--samples 100] [--poll 1.0]

Starts a throwaway local Neo4j (temporary state dir, free Bolt port, removed at the end) and the gateway as a
separate uvicorn process (its lifespan loads the demo channel and runs the webhook worker, as `serve` does), a
receiver on 127.0.0.1 (a threaded http.server answering 204), and registers one webhook for `Account` changes.

- throughput: `events` accounts created by mutations of `batch` each, sent one after the other; events per second
  from the first mutation sent to the last delivery received;
- latency: `samples` single-account mutations, one at a time, each waiting for its delivery and a random pause of
  up to one poll interval; per event, the time from its mutation's HTTP response (the commit) to the receiver
  getting the POST (p50, p99);
- floor: the same number of signed POSTs of the same bodies made directly by httpx, one at a time.

The worker polls every `--poll` seconds (PARTNERGRAPH_WEBHOOK_POLL_SECONDS), which bounds the latency from below.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from auth.signatures import signature
from bench.run import Gateway
from gateway import database
from gateway.identity import mint_demo_token
from gateway.local_neo4j import free_port
from gateway.settings import Settings

REGISTER = """mutation($i: RegisterWebhookInput!) { registerWebhook(input: $i) { secret errors { message } } }"""
CREATE = """mutation($a: [CreateAccountInput!]!) { createAccounts(accounts: $a) { errors { message } } }"""
CONTOSO = "UGFydG5lcjpwLWNvbnRvc28="  # global ID of Partner p-contoso


class Receiver:
    """Records when each entity key's delivery arrived (monotonic clock of this process)."""

    def __init__(self) -> None:
        self.arrived: dict[str, float] = {}
        self.bodies: list[bytes] = []
        self.changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                at = time.monotonic()
                self.send_response(204)
                self.end_headers()
                key = json.loads(body)["change"]["entityKey"]
                with receiver.changed:
                    receiver.arrived.setdefault(key, at)
                    receiver.bodies.append(body)
                    receiver.changed.notify_all()

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, keys: list[str], timeout: float = 600) -> None:
        with self.changed:
            if not self.changed.wait_for(lambda: all(k in self.arrived for k in keys), timeout):
                raise RuntimeError(f"{sum(k in self.arrived for k in keys)} of {len(keys)} deliveries arrived")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


async def create(http: httpx.AsyncClient, url: str, token: str, keys: list[str]) -> float:
    """Create accounts for Contoso in one mutation; the moment its response returned."""
    response = await http.post(url, headers={"authorization": f"Bearer {token}"}, json={"query": CREATE, "variables": {
        "a": [{"key": k, "partner": CONTOSO, "name": f"Bench Customer {k}"} for k in keys]}})
    payload = response.json()
    if response.status_code != 200 or payload["data"]["createAccounts"]["errors"]:
        raise RuntimeError(f"createAccounts failed: {payload}")
    return time.monotonic()


async def measure(gateway_url: str, settings: Settings, receiver: Receiver, events: int, batch: int,
                  samples: int) -> dict:
    token = mint_demo_token(settings, "enterprise-admin")
    url = gateway_url + "/graphql"
    async with httpx.AsyncClient(timeout=60) as http:
        answer = (await http.post(url, headers={"authorization": f"Bearer {token}"}, json={
            "query": REGISTER, "variables": {"i": {"url": receiver.url, "eventTypes": ["Account"]}}})).json()
        secret = answer["data"]["registerWebhook"]["secret"]

        # Throughput: mutations of `batch` accounts, one after the other.
        keys = [f"bench-t-{n:06d}" for n in range(events)]
        started = time.monotonic()
        for at in range(0, events, batch):
            await create(http, url, token, keys[at:at + batch])
        await asyncio.to_thread(receiver.wait_for, keys)
        throughput = events / (max(receiver.arrived[k] for k in keys) - started)

        # Latency: one account per mutation, each delivered before the next, which comes after a random pause of
        # up to one poll interval: writes land anywhere in the worker's cycle, as they would in production.
        latencies = []
        jitter = random.Random(15)
        for n in range(samples):
            await asyncio.sleep(jitter.uniform(0, settings.webhook_poll_seconds))
            key = f"bench-l-{n:06d}"
            committed = await create(http, url, token, [key])
            await asyncio.to_thread(receiver.wait_for, [key])
            latencies.append(receiver.arrived[key] - committed)

        # Floor: the same bodies POSTed directly, signed, one at a time.
        bodies = receiver.bodies[:events]
        floor_latencies = []
        floor_started = time.monotonic()
        for body in bodies:
            sent = time.monotonic()
            signed = signature(secret, body, int(time.time()))
            await http.post(receiver.url, content=body,
                            headers={"content-type": "application/json", "PartnerGraph-Signature": signed})
            floor_latencies.append(time.monotonic() - sent)
        floor_throughput = len(bodies) / (time.monotonic() - floor_started)
    return {"events": events, "batch": batch, "samples": samples, "poll_seconds": settings.webhook_poll_seconds,
            "events_per_second": throughput, "p50_ms": 1000 * percentile(latencies, 50),
            "p99_ms": 1000 * percentile(latencies, 99), "floor_events_per_second": floor_throughput,
            "floor_p50_ms": 1000 * percentile(floor_latencies, 50),
            "floor_p99_ms": 1000 * percentile(floor_latencies, 99),
            "mean_ms": 1000 * statistics.fmean(latencies)}


def table(result: dict) -> str:
    return "\n".join([
        f"webhooks: {result['events']} events in mutations of {result['batch']} (throughput), "
        f"{result['samples']} single-change mutations (latency), worker polling every {result['poll_seconds']:g} s",
        "| | events/s | commit → delivery p50 | p99 |",
        "|---|---|---|---|",
        f"| webhook worker | {result['events_per_second']:.0f} | {result['p50_ms']:.1f} ms | "
        f"{result['p99_ms']:.1f} ms |",
        f"| floor: direct httpx POSTs | {result['floor_events_per_second']:.0f} | {result['floor_p50_ms']:.1f} ms | "
        f"{result['floor_p99_ms']:.1f} ms |",
    ])


async def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="bench.webhooks")
    parser.add_argument("--events", type=int, default=1000, help="changes delivered in the throughput phase")
    parser.add_argument("--batch", type=int, default=50, help="accounts per mutation in the throughput phase")
    parser.add_argument("--samples", type=int, default=100, help="single-change mutations of the latency phase")
    parser.add_argument("--poll", type=float, default=Settings().webhook_poll_seconds,
                        help="the worker's PARTNERGRAPH_WEBHOOK_POLL_SECONDS")
    args = parser.parse_args(argv)

    state = Path(tempfile.mkdtemp(prefix="partnergraph-webhooks-"))
    settings = Settings(state_dir=state, neo4j_bolt_port=free_port(), neo4j_heap="768m", neo4j_pagecache="256m",
                        webhook_poll_seconds=args.poll)
    server = database.local_server(settings)
    receiver = Receiver()
    gateway = None
    try:
        server.start()
        gateway = Gateway(settings, {"PARTNERGRAPH_DEMO_DATA": "true", "PARTNERGRAPH_WEBHOOK_WORKER": "true",
                                     "PARTNERGRAPH_WEBHOOK_POLL_SECONDS": str(args.poll)})
        await gateway.wait_ready()
        result = await measure(gateway.url, settings, receiver, args.events, args.batch, args.samples)
        print(table(result))
        return result
    finally:
        if gateway:
            gateway.stop()
        server.stop()
        receiver.server.shutdown()
        shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
