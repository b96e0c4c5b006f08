"""The gateway's Prometheus metrics, served at `GET /metrics` (one registry per app).

Under `serve --workers N` (N > 1) the supervisor sets PROMETHEUS_MULTIPROC_DIR for its workers: prometheus_client
then keeps every worker's values in files there, and whichever worker answers a scrape sums them all
(prometheus_client's multiprocess mode), so a scrape reads the whole gateway, not one worker."""

from __future__ import annotations

import os
import re

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from starlette.requests import Request
from starlette.responses import Response

from graph.shared.client import CypherStats, GraphClient

MAX_OPERATION_NAMES = 100  # distinct operation labels kept; later names count as "other"
_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,63}")  # a GraphQL name, at most 64 characters
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
ROUND_TRIP_BUCKETS = (0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 64)


class OperationNames:
    """Bounds the cardinality of client-chosen operation names: only well-formed names of operations that ran
    take a label, up to `limit` of them; others read as "anonymous" (none given) or "other"."""

    def __init__(self, limit: int = MAX_OPERATION_NAMES):
        self.limit = limit
        self.known: set[str] = set()

    def label(self, name: str | None, executed: bool) -> str:
        if not name:
            return "anonymous"
        if name in self.known:
            return name
        if executed and _NAME.fullmatch(name) and len(self.known) < self.limit:
            self.known.add(name)
            return name
        return "other"


def shared_by_workers() -> bool:
    return bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))


class GatewayMetrics:
    def __init__(self, graph: GraphClient | None = None):
        self.registry = CollectorRegistry()
        self.graph = graph
        self.shared = shared_by_workers()
        # What a scrape reads: this registry, or every worker's files.
        self.exposed = self.registry
        if self.shared:
            self.exposed = CollectorRegistry()
            MultiProcessCollector(self.exposed)
        self.operations = OperationNames()
        self.requests = Counter("partnergraph_requests", "GraphQL requests by operation name and outcome "
                                "(ok, errors, rejected, unauthorized, unavailable, internal).",
                                ["operation", "outcome"], registry=self.registry)
        self.latency = Histogram("partnergraph_request_seconds", "Time to answer a GraphQL request.",
                                 ["operation"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.round_trips = Histogram("partnergraph_cypher_round_trips", "Cypher round trips per GraphQL request.",
                                     buckets=ROUND_TRIP_BUCKETS, registry=self.registry)
        self.cypher_seconds = Histogram("partnergraph_cypher_seconds", "Cypher time per GraphQL request.",
                                        buckets=LATENCY_BUCKETS, registry=self.registry)
        self.neo4j_errors = Counter("partnergraph_neo4j_errors", "Neo4j and driver failures by the code clients got "
                                    "and the server's status code (or the driver's error).",
                                    ["code", "error"], registry=self.registry)
        self.limit_rejections = Counter("partnergraph_limit_rejections", "Requests refused by a limit, by its "
                                        "error code.", ["limit"], registry=self.registry)
        # Gauges add up over the live workers.
        self.sessions_in_use = Gauge("partnergraph_neo4j_sessions_in_use", "Neo4j sessions open now (each holds "
                                     "a pooled connection while it runs).", registry=self.registry,
                                     multiprocess_mode="livesum")
        self.subscription_sockets = Gauge("partnergraph_subscription_sockets", "Subscription sockets open now "
                                          "(past connection_init).", registry=self.registry,
                                          multiprocess_mode="livesum")
        if graph is not None and not self.shared:
            self.sessions_in_use.set_function(lambda: graph.sessions_in_use)

    def observe(self, operation: str | None, executed: bool, outcome: str, seconds: float,
                stats: CypherStats) -> None:
        label = self.operations.label(operation, executed)
        self.requests.labels(label, outcome).inc()
        self.latency.labels(label).observe(seconds)
        self.round_trips.observe(stats.round_trips)
        self.cypher_seconds.observe(stats.seconds)
        self._sample_sessions()

    def _sample_sessions(self) -> None:
        # Workers' values live in files: each one's open sessions as of its last request or scrape.
        if self.shared and self.graph is not None:
            self.sessions_in_use.set(self.graph.sessions_in_use)

    def retire(self) -> None:
        """At a worker's shutdown: its gauges leave the sums (its counters stay, as Prometheus expects)."""
        if self.shared:
            mark_process_dead(os.getpid())

    def neo4j_error(self, code: str, error: str) -> None:
        self.neo4j_errors.labels(code, error).inc()

    def rejected(self, limit: str) -> None:
        self.limit_rejections.labels(limit).inc()

    async def endpoint(self, request: Request) -> Response:
        self._sample_sessions()
        return Response(generate_latest(self.exposed), media_type=CONTENT_TYPE_LATEST)
