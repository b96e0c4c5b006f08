"""Spans for the layers below the gateway, through the OpenTelemetry API only (gateway/tracing.py sets up the SDK).

A layer gets a `Tracer` only when tracing is on (the request's `GraphSession.tracer`), so when it is off no span is
even started. A failure is recorded by its type alone: a message (a Neo4j error's, a resolver's) may quote a
parameter's value, which must not leave the process.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from opentelemetry.trace import Span, SpanKind, StatusCode, Tracer

ERROR_TYPE = "error.type"


def failed(span: Span, exc: BaseException) -> None:
    """Mark `span` failed by `exc`'s type (no message, no traceback)."""
    span.set_attribute(ERROR_TYPE, type(exc).__qualname__)
    span.set_status(StatusCode.ERROR, type(exc).__qualname__)


@contextmanager
def span(tracer: Tracer, name: str, kind: SpanKind = SpanKind.INTERNAL, context: Any = None,
         attributes: dict[str, Any] | None = None,
         not_failures: tuple[type[Exception], ...] = ()) -> Iterator[Span]:
    """The current span while the block runs; a failure marks it by type only (the SDK's default would record
    the exception's message and traceback as an event and its message as the status). `not_failures`: exceptions
    that only steer (a compiled read handing the request to the resolvers)."""
    with tracer.start_as_current_span(name, context=context, kind=kind, attributes=attributes,
                                      record_exception=False, set_status_on_exception=False) as current:
        try:
            yield current
        except not_failures:
            raise
        except Exception as exc:
            failed(current, exc)
            raise
