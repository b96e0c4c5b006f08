"""Log lines: one JSON object per line (or plain text), each carrying the request id, persona and
operation name of the request it was logged in (a context variable, read by a filter on the handler)."""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from typing import IO, Any

from pythonjsonlogger.json import JsonFormatter

REQUEST_FIELDS = ("request_id", "persona", "operation")
# The fields of the request being served: a dict of its own per request (RequestLogContext), None outside one.
_fields: ContextVar[dict[str, Any] | None] = ContextVar("partnergraph_log_fields", default=None)


class RequestLogContext:
    """ASGI middleware: each HTTP request gets its own log fields, kept until its response is sent, so the
    server's access line for it carries them too (uvicorn writes it while the response starts)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        token = _fields.set({})
        try:
            await self.app(scope, receive, send)
        finally:
            _fields.reset(token)


def bind(**fields: Any) -> None:
    """Add fields to every line logged from here on in this request (RequestLogContext ends them)."""
    current = _fields.get()
    if current is not None:
        current.update({k: v for k, v in fields.items() if v is not None})


class RequestFields(logging.Filter):
    """Copies the request's fields onto each record (absent outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, value in (_fields.get() or {}).items():
            setattr(record, name, value)
        return True


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        # Escaped: an operation name is the client's text, and must not start a forged line.
        context = " ".join(f"{name}={str(getattr(record, name)).encode('unicode_escape').decode()}"
                           for name in REQUEST_FIELDS if hasattr(record, name))
        if not context:
            return line
        head, newline, rest = line.partition("\n")  # after the message, before a traceback
        return f"{head} [{context}]{newline}{rest}"


def formatter(log_format: str) -> logging.Formatter:
    if log_format == "json":
        return JsonFormatter("%(asctime)s %(levelname)s %(name)s %(message)s",
                             rename_fields={"asctime": "time", "levelname": "level", "name": "logger"})
    return TextFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")


def configure(level: str, log_format: str, stream: IO[str] | None = None) -> logging.Handler:
    """The process's logging, once at `serve` start: one handler on the root logger (uvicorn's too)."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(formatter(log_format))
    handler.addFilter(RequestFields())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())
    # uvicorn's loggers keep handlers of their own (and stop propagating) once its default log config ran:
    # hand their lines to the root handler, so they carry the same format and the request's fields.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        uvicorn_log = logging.getLogger(name)
        for old in list(uvicorn_log.handlers):
            uvicorn_log.removeHandler(old)
        uvicorn_log.propagate = True
    # Strawberry logs every GraphQL error with a traceback, client errors included; gateway.http logs each
    # error itself, classified (one line for client errors, a traceback only for internal ones).
    logging.getLogger("strawberry.execution").disabled = True
    return handler
