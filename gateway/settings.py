"""Every setting of the gateway, read from the environment (see README "Settings")."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from resolvers.shared.checks import MAX_BATCH


def _xdg(var: str, fallback: str) -> Path:
    return Path(os.environ.get(var) or Path.home() / fallback)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PARTNERGRAPH_", extra="ignore")

    # HTTP
    host: str = "127.0.0.1"
    port: int = 8000
    # `serve` processes, each with its own driver, pool and caches (about one per core); on SIGTERM each stops
    # accepting and lets requests in flight finish for at most `drain_seconds`.
    workers: int = Field(default=1, ge=1, le=64)
    drain_seconds: int = Field(default=10, ge=0)
    # Request sizes, refused before any work: a JSON body (a 1,000-item batch is about 200 KB) or a GET query
    # string; the bearer token; the whole request head (request line and headers, checked as it arrives).
    max_body_bytes: int = Field(default=2 * 1024 * 1024, gt=0)
    max_token_bytes: int = Field(default=8 * 1024, gt=0)
    max_head_bytes: int = Field(default=64 * 1024, gt=0)

    # External Neo4j: when NEO4J_URI is set nothing local is started.
    neo4j_uri: str | None = Field(default=None, validation_alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", validation_alias="NEO4J_USER")
    neo4j_password: str | None = Field(default=None, validation_alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", validation_alias="NEO4J_DATABASE")

    # Local Neo4j (used only when NEO4J_URI is unset).
    state_dir: Path = Field(default_factory=lambda: _xdg("XDG_STATE_HOME", ".local/state") / "partnergraph")
    cache_dir: Path = Field(default_factory=lambda: _xdg("XDG_CACHE_HOME", ".cache") / "partnergraph")
    neo4j_bolt_port: int = 7687
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "512m"
    neo4j_start_timeout: float = 90.0

    # Failing fast while Neo4j is unreachable (any Neo4j, local or NEO4J_URI): seconds to open a Bolt
    # connection or wait for a free pooled one, seconds a transaction keeps retrying after its first failure
    # (the driver waits about 1 s before its first retry, so the default allows one), and the deadline of
    # /readyz's check.
    neo4j_connect_timeout: float = Field(default=1.0, gt=0)
    neo4j_retry_seconds: float = Field(default=0.5, ge=0)
    readyz_timeout_seconds: float = Field(default=0.5, gt=0)

    # Identity. HS256 with a shared secret for local use; a JWKS URL for production providers.
    jwt_secret: str | None = None
    jwks_url: str | None = None
    jwt_issuer: str | None = None
    jwt_audience: str = "partnergraph"
    jwt_algorithms: list[str] = ["RS256", "ES256"]
    token_ttl_seconds: int = 8 * 3600

    # Demo data is loaded into an empty local database by `serve`.
    demo_data: bool = True

    # Query limits, each enforced before any Cypher runs.
    max_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 2000
    max_fields: int = 2000  # fields of an operation after expanding its fragment spreads
    max_page_size: int = 100
    default_page_size: int = 20
    max_cost: int = 50_000
    max_list_length: int = MAX_BATCH  # longest list in a request's variables, refused before coercion
    introspection: bool = True
    query_timeout_seconds: float = 10.0
    # Queries whose every field declares its graph mapping run as one Cypher statement (schema/shared/
    # compiled_reads.py): true; false: every query through the resolvers; verify: both, and a difference is an error.
    compiled_reads: bool | Literal["verify"] = True

    # Documents by hash (gateway/documents.py): Apollo's persisted queries, registered in a store of at most this
    # many bytes of document text (0: none registers), or, with a manifest file, only the documents it lists.
    persisted_query_bytes: int = Field(default=16 * 1024 * 1024, ge=0)
    trusted_documents: Path | None = None

    # Subscriptions over WebSocket (gateway/subscriptions.py): open sockets per person (in one gateway process),
    # subscriptions per socket, seconds a new socket has to send `connection_init`, and how often the change log's
    # last seq is polled while anything follows it (this process's own commits are heard at once).
    max_connections_per_person: int = Field(default=10, gt=0)
    max_subscriptions_per_connection: int = Field(default=20, gt=0)
    connection_init_timeout_seconds: float = Field(default=10.0, gt=0)
    change_poll_seconds: float = Field(default=0.5, gt=0)
    # Subscriptions reading the log at once when it moves (each holds one of the 50 pooled Neo4j connections while
    # it reads a page); the others wait their turn, requests keep the rest of the pool.
    max_live_reads: int = Field(default=16, gt=0, le=40)

    # Selling: how long an approved deal registration protects its partner, and how long a submitted one
    # may wait for a decision before it expires (days).
    deal_protection_days: int = 90
    deal_review_days: int = 14

    # Cases: a RESOLVED case may be reopened for this many days after its resolution.
    case_reopen_days: int = Field(default=7, ge=0)

    # Partner applications (docs/APPLICATIONS.md): submissions (which need no token) admitted per client address and
    # per e-mail address in any window of this many seconds, counted in this process's memory; whether relationship
    # managers review applications too (enterprise admins always do).
    applications_per_address: int = Field(default=5, gt=0)
    applications_per_email: int = Field(default=3, gt=0)
    applications_window_seconds: int = Field(default=3600, gt=0)
    relationship_managers_review_applications: bool = False
    # Market development funds (docs/MDF.md): whether relationship managers approve their partners' fund requests
    # and claims (enterprise admins always do).
    relationship_managers_approve_funds: bool = True

    # Webhooks (docs/WEBHOOKS.md): the delivery worker inside `serve`, the key their secrets are encrypted with
    # (generated into the state folder when unset), how often it looks for new changes, each POST's timeout,
    # the retry schedule (from 1 s doubling up to the cap, for the window, then FAILED), how long a worker's
    # lease on a webhook lasts (longer than a POST may take), and how many changes it reads at once.
    webhook_worker: bool = True
    webhook_key: str | None = None
    webhook_poll_seconds: float = Field(default=1.0, gt=0)
    webhook_timeout_seconds: float = Field(default=10.0, gt=0)
    webhook_backoff_cap_seconds: float = Field(default=300.0, gt=0)
    webhook_retry_window_seconds: float = Field(default=3600.0, gt=0)
    webhook_lease_seconds: float = Field(default=60.0, gt=0)
    webhook_batch_size: int = Field(default=100, gt=0, le=1000)

    # Languages (docs/LANGUAGES.md): the locales the API answers in (names, descriptions and error messages), and
    # the default, the language of the graph's own names and descriptions and of the code's messages.
    locales: list[str] = ["en", "de", "fr"]
    default_locale: str = "en"
    # Tracing with OpenTelemetry (gateway/tracing.py, docs/OBSERVABILITY.md), off by default: spans of every GraphQL
    # request, compiled statement and Cypher round trip, sent in batches over OTLP/HTTP to `otlp_endpoint`, a
    # collector's base URL (the traces go to <url>/v1/traces); unset, to the exporter's standard variables'
    # (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_ENDPOINT), else http://localhost:4318.
    tracing: bool = False
    otlp_endpoint: str | None = None
    service_name: str = "partnergraph"

    # Round-trip figures in every response's `extensions`, not only on X-PartnerGraph-Debug: 1.
    debug: bool = False
    log_level: str = "info"
    log_format: Literal["json", "text"] = "json"

    @property
    def local_neo4j(self) -> bool:
        return not self.neo4j_uri

    @property
    def demo_login_enabled(self) -> bool:
        """Demo tokens are minted only locally, never next to a production identity provider."""
        return self.local_neo4j and not self.jwks_url

    @cached_property
    def bolt_uri(self) -> str:
        return self.neo4j_uri or f"bolt://127.0.0.1:{self.neo4j_bolt_port}"

    @property
    def local_password_file(self) -> Path:
        return self.state_dir / "neo4j-password"

    @property
    def local_secret_file(self) -> Path:
        return self.state_dir / "jwt-secret"

    @property
    def local_webhook_key_file(self) -> Path:
        return self.state_dir / "webhook-key"
