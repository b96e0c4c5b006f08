"""Which Neo4j the gateway uses (local or NEO4J_URI) and getting it ready: migrations, demo data."""

from __future__ import annotations

import logging

from gateway.local_neo4j import LocalNeo4j
from gateway.secrets import ensure_secret
from gateway.settings import Settings
from graph.shared import demo, migrations
from graph.shared.client import GraphClient

log = logging.getLogger("partnergraph.database")


def local_server(settings: Settings) -> LocalNeo4j:
    return LocalNeo4j(
        home=settings.state_dir / "neo4j",
        cache_dir=settings.cache_dir,
        bolt_port=settings.neo4j_bolt_port,
        password=ensure_secret(settings.local_password_file),
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        start_timeout=settings.neo4j_start_timeout,
    )


def graph_client(settings: Settings) -> GraphClient:
    password = settings.neo4j_password if settings.neo4j_uri else ensure_secret(settings.local_password_file)
    return GraphClient(settings.bolt_uri, settings.neo4j_user, password, settings.neo4j_database,
                       settings.query_timeout_seconds, connect_timeout=settings.neo4j_connect_timeout,
                       retry_seconds=settings.neo4j_retry_seconds, change_poll_seconds=settings.change_poll_seconds,
                       live_reads=settings.max_live_reads)


async def prepare(client: GraphClient, settings: Settings) -> None:
    """Apply pending migrations; load the demo channel into an empty local database."""
    session = client.session()
    for applied in await migrations.migrate(session):
        log.info("applied migration %04d_%s", applied.version, applied.name)
    if settings.local_neo4j and settings.demo_data and await demo.is_empty(session):
        await demo.load(session)
        log.info("loaded the demo channel")
