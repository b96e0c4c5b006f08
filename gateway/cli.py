"""`partnergraph`: run the gateway, manage the local Neo4j, mint local tokens, load demo data."""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from neo4j.exceptions import DriverError, Neo4jError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from auth.personas import DEMO_PERSONAS
from gateway import database, logs, serving
from gateway.exports import files as export_files
from gateway.exports.exporter import BATCH_SIZE, ExportRefused, ExportRequest
from gateway.exports.formats import ExportFormat
from gateway.identity import MintingDisabled, mint_demo_token, mint_person_token
from gateway.local_neo4j import LocalNeo4jError
from gateway.schema_contract import sdl
from gateway.settings import Settings
from gateway.webhooks.keys import secret_box
from gateway.webhooks.worker import WebhookWorker
from graph.changes import writes as change_writes
from graph.leads.writes import ExpiryReport, expire_leads
from graph.selling.writes import expire_registrations
from graph.shared import demo, migrations
from seed.runner import NotEmpty
from seed.runner import seed as run_seed
from seed.shape import ChannelShape

app = typer.Typer(help="PartnerGraph: a GraphQL gateway over a Neo4j partner graph.", no_args_is_help=True)
db = typer.Typer(help="The local Neo4j server (ignored when NEO4J_URI is set).", no_args_is_help=True)
demo_cli = typer.Typer(help="The demo channel.", no_args_is_help=True)
app.add_typer(db, name="db")
app.add_typer(demo_cli, name="demo")
deals_cli = typer.Typer(help="Deal registrations (selling).", no_args_is_help=True)
app.add_typer(deals_cli, name="deals")
leads_cli = typer.Typer(help="Leads (docs/LEADS.md).", no_args_is_help=True)
app.add_typer(leads_cli, name="leads")
export_cli = typer.Typer(help="Bulk exports, streamed in batches. The CLI holds the database credentials, so it "
                              "exports as the enterprise (every partner, enterprise-only fields) unless --as names a "
                              "person whose view to take.", no_args_is_help=True)
app.add_typer(export_cli, name="export")
changes_cli = typer.Typer(help="The change log (docs/CHANGES.md).", no_args_is_help=True)
app.add_typer(changes_cli, name="changes")
webhooks_cli = typer.Typer(help="Webhooks (docs/WEBHOOKS.md).", no_args_is_help=True)
app.add_typer(webhooks_cli, name="webhooks")
schema_cli = typer.Typer(help="The GraphQL schema contract (schema.graphql).", no_args_is_help=True)
app.add_typer(schema_cli, name="schema")


def _fail(message: str) -> typer.Exit:
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(1)


def _moment(text: str, option: str) -> datetime:
    """An ISO 8601 date or moment given on the command line; UTC when it has no offset."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise _fail(f"{option} is not an ISO 8601 date or moment: {text}") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _start_local(settings: Settings) -> None:
    server = database.local_server(settings)
    try:
        started = server.start()
    except LocalNeo4jError as exc:
        raise _fail(str(exc)) from exc
    typer.echo(f"neo4j: {'started' if started else 'already running'} at {server.uri} (data in {server.home})",
               err=True)


@app.command()
def serve(
    host: Annotated[Optional[str], typer.Option(help="Listen address (PARTNERGRAPH_HOST).")] = None,
    port: Annotated[Optional[int], typer.Option(help="Listen port (PARTNERGRAPH_PORT).")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Worker processes (PARTNERGRAPH_WORKERS).", min=1)] = None,
) -> None:
    """Run the gateway until SIGTERM or Ctrl-C (requests in flight finish first); with NEO4J_URI unset, start (or
    reuse) the local Neo4j, once for all workers, and load the demo data."""
    given = {"host": host, "port": port, "workers": workers}
    settings = Settings(**{name: value for name, value in given.items() if value is not None})
    logs.configure(settings.log_level, settings.log_format)
    if settings.local_neo4j:
        _start_local(settings)
    try:
        serving.run(settings)
    except (DriverError, Neo4jError) as exc:  # readying the database, before any worker starts
        raise _fail(f"Neo4j at {settings.bolt_uri} could not be readied: {exc}") from exc


@db.command("start")
def db_start() -> None:
    """Start the local Neo4j (bound to 127.0.0.1) and wait until Bolt answers."""
    settings = Settings()
    if not settings.local_neo4j:
        raise _fail("NEO4J_URI is set: the gateway uses that server and starts nothing local")
    _start_local(settings)


@db.command("stop")
def db_stop() -> None:
    """Stop the local Neo4j; its data stays in the state folder."""
    stopped = database.local_server(Settings()).stop()
    typer.echo("neo4j: stopped" if stopped else "neo4j: was not running")


@db.command("status")
def db_status() -> None:
    """Say whether the local Neo4j runs, and where."""
    typer.echo(f"neo4j: {database.local_server(Settings()).status()}")


@db.command("migrate")
def db_migrate() -> None:
    """Apply pending migrations from cypher/migrations (idempotent)."""

    async def run() -> list[migrations.Migration]:
        client = database.graph_client(Settings())
        try:
            return await migrations.migrate(client.session())
        finally:
            await client.close()

    applied = asyncio.run(run())
    for migration in applied:
        typer.echo(f"applied {migration.version:04d}_{migration.name}")
    typer.echo(f"{len(applied)} migration(s) applied; schema is current")


@app.command()
def token(
    person: Annotated[Optional[str], typer.Option(help="Mint a token for this person id.")] = None,
    demo_persona: Annotated[Optional[str], typer.Option("--demo", help="Mint a token for a demo persona: "
                                                                       f"{', '.join(DEMO_PERSONAS)}.")] = None,
) -> None:
    """Print a local HS256 bearer token (refused when PARTNERGRAPH_JWKS_URL is set)."""
    settings = Settings()
    if (person is None) == (demo_persona is None):
        raise _fail("give exactly one of --person ID or --demo PERSONA")
    try:
        typer.echo(mint_person_token(settings, person) if person else mint_demo_token(settings, demo_persona))
    except (MintingDisabled, ValueError) as exc:
        raise _fail(str(exc)) from exc


@demo_cli.command("load")
def demo_load() -> None:
    """Load the demo channel into the configured database if it holds no partners."""

    async def run() -> bool:
        client = database.graph_client(Settings())
        try:
            session = client.session()
            await migrations.migrate(session)
            if not await demo.is_empty(session):
                return False
            await demo.load(session)
            return True
        finally:
            await client.close()

    typer.echo("demo channel loaded" if asyncio.run(run()) else "the database already holds partners; nothing loaded")


@schema_cli.command("export")
def schema_export() -> None:
    """Print the schema the gateway serves, as SDL (what schema.graphql holds; no database needed):
    `partnergraph schema export > schema.graphql` after a deliberate schema change."""
    typer.echo(sdl(), nl=False)


@app.command("seed")
def seed_command(
    partners: Annotated[int, typer.Option(min=10, help="How many partners the generated channel has.")] = 5000,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same channel.")] = 1,
    batch_size: Annotated[int, typer.Option(min=100, max=50_000, help="Rows per write transaction.")] = 2000,
    wipe: Annotated[bool, typer.Option("--wipe", help="Delete everything in the database first.")] = False,
) -> None:
    """Generate a deterministic, realistic channel into the configured (empty) database."""
    settings = Settings()
    if settings.local_neo4j:
        _start_local(settings)

    async def run():
        client = database.graph_client(settings)
        try:
            await migrations.migrate(client.session())
            return await run_seed(client, ChannelShape(partners, seed), batch_size=batch_size, wipe_first=wipe)
        finally:
            await client.close()

    try:
        report = asyncio.run(run())
    except NotEmpty as exc:
        raise _fail(str(exc)) from exc
    for phase, rows in report.rows.items():
        typer.echo(f"{phase:<24} {rows:>9} rows  {report.phase_seconds[phase]:>7.2f} s")
    typer.echo(f"seeded {partners} partners in {report.seconds:.1f} s; peak memory {report.peak_rss_mb:.0f} MB")


@deals_cli.command("expire")
def deals_expire(
    now: Annotated[Optional[str], typer.Option(help="Take this ISO 8601 moment as now (UTC when no offset); "
                                               "the current time when left out.")] = None,
) -> None:
    """Close with EXPIRED the deal registrations past their review deadline or protection period."""
    moment = _moment(now, "--now") if now else datetime.now(UTC)

    async def run() -> list[str]:
        client = database.graph_client(Settings())
        try:
            return await expire_registrations(client.session(), moment)
        finally:
            await client.close()

    expired = asyncio.run(run())
    for registration_id in expired:
        typer.echo(f"expired {registration_id}")
    typer.echo(f"{len(expired)} deal registration(s) expired as of {moment.isoformat()}")


@leads_cli.command("expire")
def leads_expire(
    now: Annotated[Optional[str], typer.Option(help="Take this ISO 8601 moment as now (UTC when no offset); "
                                               "the current time when left out.")] = None,
) -> None:
    """Route on every ROUTED lead not accepted by its deadline (to the next matching partner, never one offered it
    before); a lead with no partner left EXPIRES."""
    moment = _moment(now, "--now") if now else datetime.now(UTC)

    async def run() -> ExpiryReport:
        client = database.graph_client(Settings())
        try:
            return await expire_leads(client.session(), moment)
        finally:
            await client.close()

    report = asyncio.run(run())
    for lead_id in report.rerouted:
        typer.echo(f"routed on {lead_id}")
    for lead_id in report.expired:
        typer.echo(f"expired {lead_id}")
    typer.echo(f"{len(report.rerouted)} lead(s) routed on, {len(report.expired)} expired as of {moment.isoformat()}")


@changes_cli.command("prune")
def changes_prune(
    before: Annotated[str, typer.Option(help="Prune the records made before this ISO 8601 date or moment (UTC when "
                                        "no offset; a date means its midnight). Not in the future.")],
    batch_size: Annotated[int, typer.Option(min=100, max=50_000, help="Records per write transaction.")] =
    change_writes.PRUNE_BATCH_SIZE,
) -> None:
    """Delete the oldest change records, keeping a summary per entity (docs/CHANGES.md, "Retention")."""
    cutoff = _moment(before, "--before")
    now = datetime.now(UTC)
    if cutoff > now:
        raise _fail(f"--before {cutoff.isoformat()} is in the future: it would prune changes not made yet")

    async def run() -> change_writes.PruneReport:
        client = database.graph_client(Settings())
        try:
            session = client.session()
            columns = (TextColumn("pruning"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            with Progress(*columns, console=Console(stderr=True)) as progress:
                task = progress.add_task("prune", total=await change_writes.prunable(session, cutoff))
                return await change_writes.prune(session, cutoff, now, batch_size,
                                                 lambda n: progress.advance(task, n))
        finally:
            await client.close()

    report = asyncio.run(run())
    typer.echo(f"pruned {report.pruned} change record(s) made before {cutoff.isoformat()}; the log now starts after "
               f"seq {report.pruned_through}")


@webhooks_cli.command("run")
def webhooks_run() -> None:
    """Deliver webhooks until Ctrl-C or SIGTERM (beside gateways started with PARTNERGRAPH_WEBHOOK_WORKER=false, or
    as more workers: leases keep them from sending a delivery twice)."""
    settings = Settings()
    logs.configure(settings.log_level, settings.log_format)

    async def run() -> None:
        client = database.graph_client(settings)
        worker = WebhookWorker(client, settings, secret_box(settings))
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, worker.stop)
        typer.echo(f"webhooks: worker {worker.name} delivering (Ctrl-C stops)", err=True)
        try:
            await migrations.migrate(client.session())
            await worker.run()
        finally:
            await client.close()
        typer.echo("webhooks: stopped", err=True)

    asyncio.run(run())


ExportFormatOption = Annotated[ExportFormat, typer.Option("--format", help="ndjson, csv or parquet.")]
OutOption = Annotated[Optional[str], typer.Option(help="The file to write (a FILE.meta.json sidecar gets the change "
                                                       "seq); '-' or none: stdout, without progress bar.")]
AsOption = Annotated[Optional[str], typer.Option("--as", help="Export what this person id may see instead of "
                                                              "everything.")]
BatchOption = Annotated[int, typer.Option(min=1, max=50_000, help="Rows per read transaction.")]


@export_cli.command("lineages")
def export_lineages(
    export_format: ExportFormatOption = ExportFormat.NDJSON,
    since: Annotated[Optional[int], typer.Option(min=0, help="Only lineages with a change numbered above SEQ, and a "
                                                             "tombstone row for each deleted registration.")] = None,
    out: OutOption = None,
    currency: Annotated[str, typer.Option(help="Reporting currency of the converted amounts (ISO 4217).")] = "USD",
    as_person: AsOption = None,
    batch_size: BatchOption = BATCH_SIZE,
) -> None:
    """Export deal lineages, one flat row each (docs/CHANGES.md, "Bulk export")."""
    _export("lineages", export_format, since, out, currency, as_person, batch_size)


@export_cli.command("changes")
def export_changes(
    export_format: ExportFormatOption = ExportFormat.NDJSON,
    since: Annotated[Optional[int], typer.Option(min=0, help="Only changes numbered above SEQ.")] = None,
    out: OutOption = None,
    as_person: AsOption = None,
    batch_size: BatchOption = BATCH_SIZE,
) -> None:
    """Export change records, one row each (docs/CHANGES.md, "Bulk export")."""
    _export("changes", export_format, since, out, None, as_person, batch_size)


def _export(name: str, export_format: ExportFormat, since: int | None, out: str | None, currency: str | None,
            as_person: str | None, batch_size: int) -> None:
    path = None if out in (None, "-") else Path(out)
    try:
        request = ExportRequest.parse(name, export_format.value, since, currency, batch_size)
        summary = asyncio.run(export_files.run(Settings(), request, as_person, path))
    except ExportRefused as exc:
        raise _fail(str(exc)) from exc
    typer.echo(f"exported {summary.rows} {name} in {summary.seconds:.1f} s ({summary.rows_per_second:,.0f} rows/s), "
               f"consistent with change seq {summary.change_seq}", err=True)
