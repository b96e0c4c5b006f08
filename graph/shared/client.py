"""The one place that talks to Neo4j: driver lifecycle, managed transactions, round-trip counting, and a span per
round trip when the session has a tracer (docs/OBSERVABILITY.md)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from opentelemetry.trace import SpanKind, Tracer

import neo4j
from graph.shared import cypher_files, tracing
from graph.shared.change_signal import ChangeSignal
from graph.shared.changes import Actor, ChangeCapture
from neo4j import AsyncGraphDatabase, AsyncManagedTransaction, Bookmarks

T = TypeVar("T")

Rows = list[dict[str, Any]]

POOL_SIZE = 50  # connections to Neo4j; live reads (subscriptions) take at most `live_reads` of them at once
LIVENESS_CHECK_AFTER_IDLE = 1.0  # seconds; busy connections are never idle that long, so this costs nothing under load
# The name a statement given by its text is traced under (fixtures, migrations, demo data), where no query name is.
AD_HOC = "ad hoc"


@dataclass
class CypherStats:
    """Round trips and Cypher time of one request, reported in `extensions.cypher`."""

    round_trips: int = 0
    seconds: float = 0.0


class GraphClient:
    """Owns the async driver. Cheap per-request views come from `session(stats)`."""

    def __init__(self, uri: str, user: str, password: str | None, database: str, timeout: float, *,
                 connect_timeout: float, retry_seconds: float, change_poll_seconds: float = 0.5,
                 live_reads: int = 16):
        self.driver = AsyncGraphDatabase.driver(
            uri, auth=(user, password or ""), max_connection_pool_size=POOL_SIZE,
            notifications_min_severity="OFF",  # "label does not exist yet" on a fresh database is noise
            # While Neo4j is unreachable a request fails within about a second (503 with Retry-After) instead
            # of the driver's defaults: 30 s of retries, 60 s waiting for a pooled connection.
            connection_timeout=connect_timeout,
            connection_acquisition_timeout=connect_timeout,
            max_transaction_retry_time=retry_seconds,
            # A connection idle this long is checked (one RESET) before it is handed out, so the stale ones
            # left from a Neo4j that died are dropped rather than failing the first requests after it is back.
            liveness_check_timeout=LIVENESS_CHECK_AFTER_IDLE,
        )
        self.database = database
        self.timeout = timeout
        # Sessions open right now (the "connection pool in use" gauge of /metrics).
        self.sessions_in_use = 0
        # Set to a list to record every statement run with its parameters (bench.profile --plans).
        self.recorded: list[tuple[str, dict[str, Any]]] | None = None
        # The last committed change seq, for subscriptions: this process's logged writes report theirs on commit.
        self.change_signal = ChangeSignal(self._last_change, change_poll_seconds, live_reads)

    async def _last_change(self) -> int:
        (row,) = await self.session().read("changes/reads/horizon")
        return row["last"]

    async def close(self) -> None:
        await self.change_signal.close()
        await self.driver.close()

    async def verify(self) -> None:
        await self.driver.verify_connectivity()

    def session(self, stats: CypherStats | None = None, actor: Actor | None = None,
                bookmarks: Bookmarks | None = None, tracer: Tracer | None = None) -> GraphSession:
        """A session for one request or job. Writes of a session with an `actor` are logged (docs/CHANGES.md);
        one without is a maintenance session (migrations, demo data, seeding, pruning), whose writes are not.
        Its transactions wait until the database has applied `bookmarks` (docs/DEPLOYMENT.md). With a `tracer`
        (tracing on) each round trip is a span."""
        return GraphSession(self, stats or CypherStats(), actor, bookmarks, tracer)


class CountingTransaction:
    """A managed transaction whose every `run` counts as one round trip. In a logged write it also collects,
    into `capture`, whether a statement changed the graph and the entities statements report in their
    `changes` column (which callers never see)."""

    def __init__(self, tx: AsyncManagedTransaction, stats: CypherStats,
                 recorded: list[tuple[str, dict[str, Any]]] | None = None, capture: ChangeCapture | None = None,
                 tracer: Tracer | None = None):
        self._tx = tx
        self._stats = stats
        self._recorded = recorded
        self.capture = capture
        self._tracer = tracer

    async def run(self, text: str, /, **params: Any) -> Rows:
        """Run a statement given by its text (traced as "ad hoc")."""
        return await self._round_trip(AD_HOC, text, params)

    async def query(self, name: str, /, **params: Any) -> Rows:
        """Run the named query of `cypher/queries/` in this transaction."""
        return await self._round_trip(name, cypher_files.query(name), params)

    async def statement(self, label: str, text: str, /, **params: Any) -> Rows:
        """Run a generated statement (a compiled read, a declared reach), traced under `label`, a stable name for
        what it reads."""
        return await self._round_trip(label, text, params)

    async def _round_trip(self, label: str, text: str, params: dict[str, Any]) -> Rows:
        if self._tracer is None:
            return await self._rows(text, params)
        # The query's name and the rows it gave; never its parameters' values.
        with tracing.span(self._tracer, label, SpanKind.CLIENT, attributes={"db.system.name": "neo4j",
                                                                           "db.query.summary": label}) as span:
            rows = await self._rows(text, params)
            span.set_attribute("db.response.returned_rows", len(rows))
            return rows

    async def _rows(self, text: str, params: dict[str, Any]) -> Rows:
        if self._recorded is not None:
            self._recorded.append((text, params))
        started = time.perf_counter()
        try:
            result = await self._tx.run(text, params)
            records = await result.fetch(1 << 30)
            # A record is a tuple of values; queries return maps and scalars, never nodes, so the values
            # need none of `Record.data()`'s recursive conversion (a tenth of a large read's time).
            keys = result.keys()
            if self.capture is None:
                return [dict(zip(keys, record, strict=True)) for record in records]
            # The summary came with the last records: reading it costs no round trip.
            self.capture.wrote |= (await result.consume()).counters.contains_updates
            if "changes" not in keys:
                return [dict(zip(keys, record, strict=True)) for record in records]
            at = keys.index("changes")
            kept = keys[:at] + keys[at + 1:]
            rows = []
            for record in records:
                values = tuple(record)
                self.capture.reported.extend(values[at] or ())
                rows.append(dict(zip(kept, values[:at] + values[at + 1:], strict=True)))
            return rows
        finally:
            self._stats.round_trips += 1
            self._stats.seconds += time.perf_counter() - started


class _Unchanged(Exception):
    """A logged write that changed nothing worth a record: rolled back (undoing its lock bumps), its result kept."""

    def __init__(self, result: Any):
        self.result = result


class GraphSession:
    """Runs named queries for one request: reads through `execute_read`, writes through `execute_write`."""

    def __init__(self, client: GraphClient, stats: CypherStats, actor: Actor | None = None,
                 bookmarks: Bookmarks | None = None, tracer: Tracer | None = None):
        self.client = client
        self.stats = stats
        self.actor = actor
        # Causal consistency: on a cluster a read may go to a follower that has not applied a write yet. Every
        # transaction of the session waits for these bookmarks (the client's last write, possibly through another
        # gateway), and each committed write replaces them with its own, so later reads see it too.
        self.bookmarks = bookmarks or Bookmarks()
        self.tracer = tracer  # None: tracing is off (or this session is not traced)

    async def read(self, name: str, /, **params: Any) -> Rows:
        return await self.read_transaction(lambda tx: tx.query(name, **params))

    async def explain(self, name: str, /, timeout: float | None = None, **params: Any) -> None:
        """Plan a named query without running it: Neo4j caches the plan for the parameters' types."""
        await self.read_transaction(lambda tx: tx.run("EXPLAIN " + cypher_files.query(name), **params), timeout)

    async def write(self, name: str, /, **params: Any) -> Rows:
        return await self.write_transaction(lambda tx: tx.query(name, **params))

    async def read_transaction(self, work: Callable[[CountingTransaction], Awaitable[T]],
                               timeout: float | None = None) -> T:
        return await self._managed(neo4j.READ_ACCESS, work, timeout)

    async def write_transaction(self, work: Callable[[CountingTransaction], Awaitable[T]],
                                timeout: float | None = None) -> T:
        """`timeout` overrides the per-query transaction timeout, for bulk loads (demo data, seeding) and
        maintenance."""
        return await self._managed(neo4j.WRITE_ACCESS, work, timeout)

    async def _managed(self, mode: str, work: Callable[[CountingTransaction], Awaitable[T]],
                       timeout: float | None = None) -> T:
        logged = mode == neo4j.WRITE_ACCESS and self.actor is not None
        appended: int | None = None  # the highest seq the committed attempt appended

        @neo4j.unit_of_work(timeout=timeout or self.client.timeout)
        async def unit(tx: AsyncManagedTransaction) -> T:
            nonlocal appended
            # A fresh capture per attempt: a retried transaction reports again from the start.
            capture = ChangeCapture(self.actor) if logged else None
            counting = CountingTransaction(tx, self.stats, self.client.recorded, capture, self.tracer)
            result = await work(counting)
            if capture is not None:
                appended = await self._append(counting, capture, result)
            return result

        self.client.sessions_in_use += 1
        try:
            async with self.client.driver.session(database=self.client.database, default_access_mode=mode,
                                                  bookmarks=self.bookmarks) as session:
                if mode == neo4j.READ_ACCESS:
                    return await session.execute_read(unit)
                result = await session.execute_write(unit)
                self.bookmarks = await session.last_bookmarks()
                if appended:  # committed: followers of the log may read its records now
                    self.client.change_signal.committed(appended)
                return result
        except _Unchanged as unchanged:
            return unchanged.result
        finally:
            self.client.sessions_in_use -= 1

    @staticmethod
    async def _append(tx: CountingTransaction, capture: ChangeCapture, result: Any) -> int | None:
        """The last statement of a logged write: its change records, or a refusal to commit without them
        (`ChangeNotRecorded`, so a change without a record cannot happen); the highest seq it appended."""
        records = capture.records()
        if records:
            (row,) = await tx.query("shared/append_changes", records=records)
            return row["last"]
        if capture.wrote:
            raise _Unchanged(result)
        return None
