"""How the gateway runs under uvicorn: one configuration for `partnergraph serve`, the benchmarks and the
live tests, so each of them measures and tests the server users run (the request-head cap included)."""

from __future__ import annotations

from typing import Any

import uvicorn

from gateway.app import create_app
from gateway.server_protocol import bounded_httptools
from gateway.settings import Settings


def uvicorn_config(settings: Settings, *, host: str | None = None, port: int | None = None,
                   **overrides: Any) -> uvicorn.Config:
    options: dict[str, Any] = {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_level": settings.log_level,
        "log_config": None,  # uvicorn's own lines go through the root handler (gateway/logs.py), same format
        "lifespan": "on",
        "http": bounded_httptools(settings.max_head_bytes),
        # Subscriptions: websockets' Sans-I/O implementation, and no message larger than a request body.
        "ws": "websockets-sansio",
        "ws_max_size": settings.max_body_bytes,
        **overrides,
    }
    return uvicorn.Config(create_app(settings), **options)


def run(settings: Settings, **options: Any) -> None:
    uvicorn.Server(uvicorn_config(settings, **options)).run()
