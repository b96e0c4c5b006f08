"""Tracing with OpenTelemetry, off by default (`PARTNERGRAPH_TRACING`): the app's tracer provider, the one place the
SDK and the OTLP exporter are used (the layers below use the API, through the tracer the gateway hands them).

Each app builds its own provider (so each worker process has one), exporting in batches over OTLP/HTTP from a
thread of the SDK's, off the event loop; the app's lifespan shuts it down, which sends what is left. The provider
is not made the process's global one: tests build many apps, each with its own. What the spans are:
docs/OBSERVABILITY.md.
"""

from __future__ import annotations

from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

from gateway.settings import Settings

TRACES_PATH = "/v1/traces"  # appended to a collector's base URL, as the exporter does to OTEL_EXPORTER_OTLP_ENDPOINT


def tracer_provider(settings: Settings) -> TracerProvider:
    """A provider exporting to the configured collector. The standard OTEL_* variables the SDK and the exporter read
    apply too (sampler, headers, timeout, resource attributes; the endpoint when `otlp_endpoint` is unset)."""
    provider = TracerProvider(resource=Resource.create({SERVICE_NAME: settings.service_name}))
    endpoint = settings.otlp_endpoint.rstrip("/") + TRACES_PATH if settings.otlp_endpoint else None
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    return provider
