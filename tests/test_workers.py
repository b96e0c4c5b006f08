"""`partnergraph serve --workers N`: worker processes over one local Neo4j, started once, and a graceful SIGTERM:
requests in flight finish, for at most PARTNERGRAPH_DRAIN_SECONDS (docs/DEPLOYMENT.md)."""

from __future__ import annotations

import json
import re
import signal
import socket
from collections.abc import Iterator

import httpx
import psutil
import pytest
from prometheus_client.parser import text_string_to_metric_families

from gateway.local_neo4j import free_port
from tests.serve_process import STARTUP_SECONDS, ServeProcess

QUERY = b'{"query": "{ viewer { persona } }"}'
# One worker is uvicorn's server itself, which re-raises the SIGTERM it handled once it has shut down (so the exit
# status tells how it ended); the supervisor of several exits 0.
STOPPED = (0, -signal.SIGTERM)
REQUESTS = 6


@pytest.fixture
def serve(settings, neo4j_server) -> Iterator:
    started: list[ServeProcess] = []

    def start(workers: int = 1, **env: str) -> ServeProcess:
        started.append(ServeProcess(settings, workers, **env))
        return started[-1]

    yield start
    for process in started:
        process.close()


def _headers(gql) -> dict[str, str]:
    return {"authorization": f"Bearer {gql.token('enterprise-admin')}", "content-type": "application/json"}


def _request_head(gql, port: int) -> bytes:
    head = (f"POST /graphql HTTP/1.1\r\nhost: 127.0.0.1:{port}\r\ncontent-type: application/json\r\n"
            f"authorization: Bearer {gql.token('enterprise-admin')}\r\ncontent-length: {len(QUERY)}\r\n\r\n")
    return head.encode()


def _requests_counted(metrics: str) -> float:
    return sum(sample.value for family in text_string_to_metric_families(metrics)
               if family.name == "partnergraph_requests" for sample in family.samples
               if sample.name == "partnergraph_requests_total")


def test_workers_share_one_local_neo4j(serve, gql):
    gateway = serve(workers=2)
    gateway.wait_for("Application startup complete.", count=2)
    log = gateway.log()
    # The supervisor found the session's Neo4j running and readied the database once; no worker starts one.
    assert log.count("neo4j: already running") == 1
    workers = {int(pid) for pid in re.findall(r"worker (\d+) serving", log)}
    children = {child.pid for child in psutil.Process(gateway.process.pid).children()}
    assert len(workers) == 2 and workers <= children
    for _ in range(REQUESTS):  # a connection each: the workers share them as the kernel hands them out
        answer = httpx.post(gateway.url + "/graphql", content=QUERY, headers=_headers(gql))
        assert answer.json() == {"data": {"viewer": {"persona": "ENTERPRISE_ADMIN"}}}
    # Whichever worker answers a scrape reports the whole gateway's requests.
    for _ in range(4):
        assert _requests_counted(httpx.get(gateway.url + "/metrics").text) == REQUESTS
    assert gateway.terminate() == 0
    assert gateway.log().count("Finished server process") == 2
    assert not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
                   for pid in workers)


def test_sigterm_lets_a_request_in_flight_finish(serve, gql):
    gateway = serve(workers=1)
    gateway.wait_ready()
    with socket.create_connection(("127.0.0.1", gateway.port)) as client:
        client.sendall(_request_head(gql, gateway.port) + QUERY[:10])
        # Answered by the same event loop after it read the head above: the request is in flight now.
        assert httpx.get(gateway.url + "/healthz").status_code == 200
        gateway.process.send_signal(signal.SIGTERM)
        client.sendall(QUERY[10:])
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200 ")
    assert json.loads(body) == {"data": {"viewer": {"persona": "ENTERPRISE_ADMIN"}}}
    assert gateway.process.wait(timeout=180) in STOPPED


def test_the_drain_is_bounded(serve, gql):
    """A request that never completes does not keep the gateway from stopping: after the drain time it is cut."""
    gateway = serve(workers=1, PARTNERGRAPH_DRAIN_SECONDS="1")
    gateway.wait_ready()
    with socket.create_connection(("127.0.0.1", gateway.port)) as client:
        client.sendall(_request_head(gql, gateway.port) + QUERY[:10])
        assert httpx.get(gateway.url + "/healthz").status_code == 200
        assert gateway.terminate() in STOPPED
        assert "timeout graceful shutdown exceeded" in gateway.log()


def test_serve_says_when_neo4j_cannot_be_readied(serve):
    """The supervisor readies the database before any worker starts: a Neo4j that is not there is one line and
    exit status 1, not a traceback."""
    gateway = serve(NEO4J_URI=f"bolt://127.0.0.1:{free_port()}", NEO4J_PASSWORD="not-used")
    assert gateway.process.wait(timeout=STARTUP_SECONDS) == 1
    assert "could not be readied" in gateway.log() and "Traceback" not in gateway.log()
