"""`make bench-stalls`: hostile requests that once held the event loop, each measured against the real gateway
under uvicorn.

    python -m bench.stalls [--timeout 60] [--only fanout-16,body-64MiB]

Starts a throwaway local Neo4j (temporary state dir, free Bolt port, removed at the end), the gateway as a separate
uvicorn process on a loopback port (its lifespan loads the demo channel), then for each case sends the hostile
request from one client while another client, in a process of its own, sends the plain query `{ viewer { persona }
}` again and again until the hostile one is answered. Prints, per case: the HTTP status, the answer's code and
message, the time to answer, and the delay the plain requests saw (the slowest one's latency minus the median
latency of the plain query alone). Every request has a client timeout (`timeout` in the table); a gateway still
busy after a case (its event loop blocked by the hostile request) is restarted before the next one.
Settings come from the environment as for the gateway (limits included), except the state dir and Bolt port.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path

import httpx
import jwt

from bench.run import Gateway
from gateway import database
from gateway.identity import local_secret, mint_demo_token
from gateway.local_neo4j import free_port
from gateway.settings import Settings

PLAIN = {"query": "{ viewer { persona } }"}
MIB = 1 << 20
BASELINE_RUNS = 20
GATEWAY_ENV = {"PARTNERGRAPH_DEMO_DATA": "true"}


@dataclass(frozen=True)
class Request:
    """A hostile request: headers and the raw body (bytes, so JSON no encoder would write can be sent)."""

    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Settings], Request]


def _json_request(token: str, payload: dict | bytes, **headers: str) -> Request:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return Request({"authorization": f"Bearer {token}", "content-type": "application/json",
                    "accept": "application/json", **headers}, body)


def fragment_fanout(n: int) -> Callable[[Settings], Request]:
    """Fragment Gi spreads G(i-1) twice: about 200 tokens that expand to 2^n selections."""
    def build(settings: Settings) -> Request:
        fragments = ["fragment G0 on Partner { id name }"]
        fragments += [f"fragment G{i} on Partner {{ ...G{i - 1} ...G{i - 1} }}" for i in range(1, n + 1)]
        query = f"{{ partners(first: 1) {{ edges {{ node {{ ...G{n} }} }} }} }}\n" + "\n".join(fragments)
        return _json_request(mint_demo_token(settings, "enterprise-admin"), {"query": query})
    return build


def create_partners(items: int, persona: str, name: str = "Stall {i}") -> Callable[[Settings], Request]:
    """A batch of `items` partners; a one-letter `name` keeps 50,000 of them under the default body cap."""
    def build(settings: Settings) -> Request:
        query = "mutation($p: [CreatePartnerInput!]!) { createPartners(partners: $p) { errors { code message } } }"
        partners = [{"name": name.format(i=i), "type": "RESELLER"} for i in range(items)]
        return _json_request(mint_demo_token(settings, persona), {"query": query, "variables": {"p": partners}})
    return build


def garbage_authorization(size: int) -> Callable[[Settings], Request]:
    def build(settings: Settings) -> Request:
        return Request({"authorization": "Bearer " + "Zm9v" * (size // 4), "content-type": "application/json",
                        "accept": "application/json"}, json.dumps(PLAIN).encode())
    return build


def padded_token(size: int) -> Callable[[Settings], Request]:
    """A token signed with the gateway's own secret, its claims padded with one large extra claim."""
    def build(settings: Settings) -> Request:
        claims = jwt.decode(mint_demo_token(settings, "enterprise-admin"), options={"verify_signature": False})
        token = jwt.encode({**claims, "pad": "x" * size}, local_secret(settings), algorithm="HS256")
        return _json_request(token, PLAIN)
    return build


def nested(member: str, depth: int) -> Callable[[Settings], Request]:
    """`member` (variables or extensions) nested `depth` lists deep, written as text: no encoder nests so."""
    def build(settings: Settings) -> Request:
        value = "[" * depth + "]" * depth
        inner = '{"v": ' + value + "}"
        query = "query($v: [String!]) { partners(filter: {countries: $v}) { edges { cursor } } }"
        body = f'{{"query": "{query}", "{member}": {inner}}}'.encode()
        return _json_request(mint_demo_token(settings, "enterprise-admin"), body)
    return build


def large_body(size: int) -> Callable[[Settings], Request]:
    def build(settings: Settings) -> Request:
        return _json_request(mint_demo_token(settings, "enterprise-admin"), {**PLAIN, "variables": {"pad": "x" * size}})
    return build


CASES = [
    *(Case(f"fanout-{n}", fragment_fanout(n)) for n in (16, 18, 20, 24)),
    Case("createPartners-100000-admin", create_partners(100_000, "enterprise-admin")),
    Case("createPartners-50000-associate", create_partners(50_000, "partner-associate")),
    # Under the body cap: the list-length limit and the persona check before coercion answer these.
    Case("createPartners-50000-short-admin", create_partners(50_000, "enterprise-admin", "s")),
    Case("createPartners-50000-short-associate", create_partners(50_000, "partner-associate", "s")),
    Case("createPartners-1000-associate", create_partners(1000, "partner-associate")),
    Case("authorization-64MiB-garbage", garbage_authorization(64 * MIB)),
    Case("token-4MiB-signed", padded_token(4 * MIB)),
    Case("variables-1000-deep", nested("variables", 1000)),
    Case("extensions-5000-deep", nested("extensions", 5000)),
    Case("body-64MiB", large_body(64 * MIB)),
]


def answer_of(response: httpx.Response) -> str:
    """The answer's code and message, short: the first GraphQL error, else the first payload error."""
    try:
        body = response.json()
    except ValueError:
        return f"{response.headers.get('content-type', '?')}: {response.text[:50]!r}"
    if not isinstance(body, dict):
        return str(body)[:60]
    errors = body.get("errors") or next(
        (v["errors"] for v in (body.get("data") or {}).values() if isinstance(v, dict) and v.get("errors")), None)
    if not errors:
        return "no error"
    first = errors[0]
    code = first.get("code") or (first.get("extensions") or {}).get("code") or "-"
    return f"{code}: {first.get('message', '')[:70]}"


async def plain_ms(http: httpx.AsyncClient, url: str, token: str) -> float:
    started = time.perf_counter()
    await http.post(url + "/graphql", json=PLAIN, headers={"authorization": f"Bearer {token}"})
    return (time.perf_counter() - started) * 1000


def plain_poller(url: str, token: str, timeout: float, start: Event, stop: Event, latencies: Connection) -> None:
    """In a process of its own, so that the hostile client's work (encoding a 64 MiB header, writing a large
    body) cannot hold up the plain client: the plain query again and again from `start` until `stop`."""
    measured = []
    with httpx.Client(timeout=timeout) as http:
        start.wait()
        while not stop.is_set():  # bounded: the lead process sets `stop` once the hostile request ends
            started = time.perf_counter()
            try:
                http.post(url + "/graphql", json=PLAIN, headers={"authorization": f"Bearer {token}"})
            except httpx.TimeoutException:
                measured.append(float("inf"))
                break
            measured.append((time.perf_counter() - started) * 1000)
    latencies.send(measured)


async def measure(case: Case, settings: Settings, url: str, timeout: float, baseline_ms: float) -> dict:
    request = case.build(settings)
    spawn = multiprocessing.get_context("spawn")
    start, stop = spawn.Event(), spawn.Event()
    received, sent_back = spawn.Pipe(duplex=False)
    poller = spawn.Process(target=plain_poller, daemon=True, args=(
        url, mint_demo_token(settings, "partner-admin"), timeout, start, stop, sent_back))
    poller.start()
    await asyncio.sleep(1.0)  # let the poller import httpx and open its client before the clock starts
    with httpx.Client(timeout=timeout) as hostile:
        start.set()
        sent = time.perf_counter()
        try:
            response = await asyncio.to_thread(hostile.post, url + "/graphql", content=request.body,
                                               headers=request.headers)
            status, answer = str(response.status_code), answer_of(response)
        except httpx.TimeoutException:
            status, answer = "timeout", f"no answer within {timeout:g} s"
        except httpx.HTTPError as exc:
            status, answer = "error", f"{type(exc).__name__}: {str(exc)[:60]}"
        answered_ms = (time.perf_counter() - sent) * 1000
    stop.set()
    latencies = await asyncio.to_thread(received.recv)
    poller.join(timeout)
    worst = max(latencies, default=0.0)
    delay = "timeout" if worst == float("inf") else f"{max(0.0, worst - baseline_ms):.0f}"
    return {"case": case.name, "status": status, "answer": answer,
            "ms": "timeout" if status == "timeout" else f"{answered_ms:.0f}", "delay_ms": delay}


async def baseline(settings: Settings, url: str, timeout: float) -> float:
    token = mint_demo_token(settings, "partner-admin")
    async with httpx.AsyncClient(timeout=timeout) as http:
        for _ in range(5):  # warm-up: plans, caches
            await plain_ms(http, url, token)
        return statistics.median([await plain_ms(http, url, token) for _ in range(BASELINE_RUNS)])


async def responsive(url: str, within: float = 2.0) -> bool:
    async with httpx.AsyncClient(timeout=within) as http:
        try:
            return (await http.get(url + "/healthz")).status_code == 200
        except httpx.HTTPError:
            return False


def table(rows: list[dict], baseline_ms: float) -> str:
    lines = [f"plain query alone: median {baseline_ms:.1f} ms of {BASELINE_RUNS}", "",
             "| case | HTTP status | answer | time to answer ms | delay of a concurrent plain request ms |",
             "|---|---|---|---|---|"]
    lines += [f"| {r['case']} | {r['status']} | {r['answer'].replace('|', '/')} | {r['ms']} | {r['delay_ms']} |"
              for r in rows]
    return "\n".join(lines)


async def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(prog="bench.stalls")
    parser.add_argument("--timeout", type=float, default=60.0, help="client timeout of every request, seconds")
    parser.add_argument("--only", help="run only these cases (comma-separated names)")
    args = parser.parse_args(argv)
    cases = [c for c in CASES if not args.only or c.name in args.only.split(",")]

    state = Path(tempfile.mkdtemp(prefix="partnergraph-stalls-"))
    settings = Settings(state_dir=state, neo4j_bolt_port=free_port(), neo4j_heap="768m", neo4j_pagecache="256m")
    server = database.local_server(settings)
    gateway = None
    try:
        server.start()
        gateway = Gateway(settings, GATEWAY_ENV)
        await gateway.wait_ready()
        baseline_ms = await baseline(settings, gateway.url, args.timeout)
        rows = []
        for case in cases:
            print(f"  {case.name} ...", flush=True)
            rows.append(await measure(case, settings, gateway.url, args.timeout, baseline_ms))
            if not await responsive(gateway.url):  # still blocked by the request the client gave up on
                print("    the gateway is still busy: restarting it", flush=True)
                gateway.process.kill()
                gateway.process.wait()
                gateway = Gateway(settings, GATEWAY_ENV)
                await gateway.wait_ready()
        print(table(rows, baseline_ms))
        return rows
    finally:
        if gateway:
            gateway.stop()
        server.stop()
        shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    asyncio.run(main())
