"""The gateway's Prometheus metrics, served at `GET /metrics` (one registry per app)."""

from __future__ import annotations

import re

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest
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


class GatewayMetrics:
    def __init__(self, graph: GraphClient | None = None):
        self.registry = CollectorRegistry()
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
        self.sessions_in_use = Gauge("partnergraph_neo4j_sessions_in_use", "Neo4j sessions open now (each holds "
                                     "a pooled connection while it runs).", registry=self.registry)
        self.subscription_sockets = Gauge("partnergraph_subscription_sockets", "Subscription sockets open now "
                                          "(past connection_init).", registry=self.registry)
        if graph is not None:
            self.sessions_in_use.set_function(lambda: graph.sessions_in_use)

    def observe(self, operation: str | None, executed: bool, outcome: str, seconds: float,
                stats: CypherStats) -> None:
        label = self.operations.label(operation, executed)
        self.requests.labels(label, outcome).inc()
        self.latency.labels(label).observe(seconds)
        self.round_trips.observe(stats.round_trips)
        self.cypher_seconds.observe(stats.seconds)

    def neo4j_error(self, code: str, error: str) -> None:
        self.neo4j_errors.labels(code, error).inc()

    def rejected(self, limit: str) -> None:
        self.limit_rejections.labels(limit).inc()

    async def endpoint(self, request: Request) -> Response:
        return Response(generate_latest(self.registry), media_type=CONTENT_TYPE_LATEST)
