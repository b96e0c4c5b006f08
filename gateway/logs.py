"""Log lines: one JSON object per line (or plain text), each carrying the request id, persona and
operation name of the request it was logged in (a context variable, read by a filter on the handler)."""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar, Token
from typing import IO, Any

from pythonjsonlogger.json import JsonFormatter

REQUEST_FIELDS = ("request_id", "persona", "operation")
_fields: ContextVar[dict[str, Any]] = ContextVar("partnergraph_log_fields", default={})


def bind(**fields: Any) -> Token:
    """Add fields to every line logged from here on in this request; `unbind` the first token at its end."""
    return _fields.set({**_fields.get(), **{k: v for k, v in fields.items() if v is not None}})


def unbind(token: Token) -> None:
    _fields.reset(token)


class RequestFields(logging.Filter):
    """Copies the request's fields onto each record (absent outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        for name, value in _fields.get().items():
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
    # Strawberry logs every GraphQL error with a traceback, client errors included; gateway.http logs each
    # error itself, classified (one line for client errors, a traceback only for internal ones).
    logging.getLogger("strawberry.execution").disabled = True
    return handler
