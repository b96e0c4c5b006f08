"""The Starlette application factory (the composition root of a running gateway)."""

from __future__ import annotations

import asyncio
import gc
import logging
from contextlib import asynccontextmanager
from dataclasses import fields

from opentelemetry.trace import TracerProvider
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute

from gateway import database, logs, tracing
from gateway.documents import DocumentStore, read_manifest
from gateway.exports.http import ExportRoutes
from gateway.http import GraphQLEndpoint
from gateway.identity import token_verifier
from gateway.metrics import GatewayMetrics
from gateway.playground import playground_routes
from gateway.settings import Settings
from gateway.subscriptions import SubscriptionEndpoint
from gateway.webhooks.keys import secret_box
from gateway.webhooks.worker import WebhookWorker
from graph.changes import reads as change_reads
from graph.shared import migrations
from graph.shared.client import GraphClient
from resolvers.shared.clock import Clock, SystemClock
from resolvers.shared.context import WebhookRules
from resolvers.shared.languages import Languages
from schema import SchemaLimits, build_schema

log = logging.getLogger("partnergraph.app")


def schema_limits(settings: Settings) -> SchemaLimits:
    return SchemaLimits(**settings.model_dump(include={f.name for f in fields(SchemaLimits)}))


async def plan_change_log(graph: GraphClient) -> None:
    """Plan the change log's statements before serving (seconds each on a fresh Neo4j, milliseconds once planned):
    subscriptions read the feed, and a crowd of subscribers reconnecting after a restart would otherwise plan them
    all at once, past the query timeout; the first audit trails would wait as long."""
    try:
        await change_reads.plan_change_log(graph.session())
    except Exception as exc:  # noqa: BLE001 - Neo4j away: the first read plans them instead
        log.info("planning the change log's statements failed: %r", exc)


def create_app(settings: Settings, graph: GraphClient | None = None, clock: Clock | None = None, *,
               prepare: bool = True, tracer_provider: TracerProvider | None = None) -> Starlette:
    """The gateway. `prepare=False` when the database was made ready before (`serve` does it once for all its
    workers). With tracing on, `tracer_provider` (a test's, which keeps it) replaces the OTLP one the app builds and
    shuts down."""
    graph = graph or database.graph_client(settings)
    owned = tracing.tracer_provider(settings) if settings.tracing and tracer_provider is None else None
    provider = (owned or tracer_provider) if settings.tracing else None
    metrics = GatewayMetrics(graph)
    trusted = read_manifest(settings.trusted_documents) if settings.trusted_documents else None
    schema = build_schema(schema_limits(settings), settings.compiled_reads)
    box = secret_box(settings)
    # Webhook URLs may be http and local only in local demo mode (a local Neo4j and no JWKS), as demo tokens are.
    endpoint = GraphQLEndpoint(settings, schema, graph, token_verifier(settings),
                               clock or SystemClock(), metrics, DocumentStore(trusted, settings.persisted_query_bytes),
                               WebhookRules(settings.demo_login_enabled, box),
                               Languages.load(settings.locales, settings.default_locale),
                               provider.get_tracer("partnergraph") if provider else None)

    async def healthz(request: Request) -> JSONResponse:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> JSONResponse:
        async def check() -> list[migrations.Migration]:
            await graph.verify()
            return await migrations.pending(graph.session())

        try:
            # Bounded: a probe must learn "not ready" at once, not after the driver's connect and retry budget.
            pending = await asyncio.wait_for(check(), settings.readyz_timeout_seconds)
        except Exception as exc:  # noqa: BLE001 - any failure (TimeoutError included) means not ready
            return JSONResponse({"status": "unavailable", "reason": type(exc).__name__}, 503)
        if pending:
            return JSONResponse({"status": "migrating", "pending": [m.version for m in pending]}, 503)
        return JSONResponse({"status": "ready"})

    @asynccontextmanager
    async def lifespan(app: Starlette):
        if prepare:
            await database.prepare(graph, settings)
            await plan_change_log(graph)
        # Everything built so far (schema, modules, settings) lives as long as the process: move it out of
        # the collector's generations, so full collections during large responses walk only request objects.
        gc.freeze()
        # The webhook delivery worker runs beside the requests unless PARTNERGRAPH_WEBHOOK_WORKER=false (then
        # `partnergraph webhooks run` delivers); leases keep several gateways from sending a delivery twice.
        worker = WebhookWorker(graph, settings, box) if settings.webhook_worker else None
        delivering = asyncio.create_task(worker.run()) if worker else None
        yield
        if worker and delivering:
            worker.stop()
            await delivering
        await graph.close()
        metrics.retire()
        if owned:  # sends the spans still queued (blocking, up to the exporter's timeout: off the event loop)
            await asyncio.to_thread(owned.shutdown)

    routes = [
        Route("/graphql", endpoint.handle, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", SubscriptionEndpoint(endpoint)),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics.endpoint, methods=["GET"]),
        *ExportRoutes(endpoint).routes(),
        *playground_routes(settings),
    ]
    return Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(logs.RequestLogContext)])
