"""How the gateway runs under uvicorn: one set of options for `partnergraph serve`, the benchmarks and the live
tests, so each of them measures and tests the server users run (the request-head cap and the drain included).

`serve` runs `settings.workers` processes under uvicorn's supervisor (which restarts a worker that dies). Each
worker builds its own app from the environment (`worker_app`): its own driver, pool, caches and metrics. The
database is made ready once, by the supervisor, before any worker starts."""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
from typing import Any

import uvicorn
from starlette.applications import Starlette

from gateway import database, logs
from gateway.app import create_app, plan_change_log
from gateway.server_protocol import BoundedHttpToolsProtocol
from gateway.settings import Settings

log = logging.getLogger("partnergraph.serving")


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    return {
        "host": settings.host,
        "port": settings.port,
        "log_level": settings.log_level,
        "log_config": None,  # uvicorn's own lines go through the root handler (gateway/logs.py), same format
        "lifespan": "on",
        "http": BoundedHttpToolsProtocol,
        "h11_max_incomplete_event_size": settings.max_head_bytes,  # the head cap BoundedHttpToolsProtocol reads
        # On SIGTERM: stop accepting, let requests in flight finish for at most this long, then close.
        "timeout_graceful_shutdown": settings.drain_seconds,
        # Subscriptions: websockets' Sans-I/O implementation, and no message larger than a request body.
        "ws": "websockets-sansio",
        "ws_max_size": settings.max_body_bytes,
    }


def uvicorn_config(settings: Settings, *, host: str | None = None, port: int | None = None,
                   **overrides: Any) -> uvicorn.Config:
    """One in-process server for the app of `settings` (benchmarks and live tests)."""
    options = {**uvicorn_options(settings), "host": host or settings.host, "port": port or settings.port}
    return uvicorn.Config(create_app(settings), **{**options, **overrides})


def worker_app() -> Starlette:
    """The app of one `serve` worker, built in the worker process from the same environment as the supervisor's
    settings. Its database was made ready by the supervisor (`ready_database`)."""
    settings = Settings()
    logs.configure(settings.log_level, settings.log_format)  # a spawned worker starts with no logging configured
    log.info("worker %d serving", os.getpid())
    return create_app(settings, prepare=False)


async def ready_database(settings: Settings) -> None:
    """Migrations and demo data, and the change log's plans, once for all workers."""
    graph = database.graph_client(settings)
    try:
        await database.prepare(graph, settings)
        await plan_change_log(graph)
    finally:
        await graph.close()


def run(settings: Settings) -> None:
    """`partnergraph serve`: ready the database, then serve with `settings.workers` processes until SIGTERM or
    Ctrl-C. Host, port and workers come from `settings`; the workers rebuild the rest from the environment."""
    asyncio.run(ready_database(settings))
    if settings.workers == 1:
        uvicorn.run("gateway.serving:worker_app", factory=True, **uvicorn_options(settings))
        return
    # Workers count into files here and each scrape sums them (gateway/metrics.py); spawned workers inherit it.
    with tempfile.TemporaryDirectory(prefix="partnergraph-metrics-") as shared_metrics:
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = shared_metrics
        uvicorn.run("gateway.serving:worker_app", factory=True, workers=settings.workers, **uvicorn_options(settings))
