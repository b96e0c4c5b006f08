"""One bulk export, the same for the HTTP routes and the CLI: what was asked (checked before any Cypher runs),
the change seq it is consistent with (read before the first batch), and its bytes, chunk by chunk."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

from gateway.exports import batches
from gateway.exports.columns import LAYOUTS, LINEAGES, Layout
from gateway.exports.formats import ExportFormat, encoder
from graph.changes.reads import horizon
from graph.shared.client import GraphSession
from resolvers.shared.checks import is_currency

BATCH_SIZE = 2000  # rows per read transaction: ~0.1 s of Neo4j; 5,000 read 20 % faster but peaked at 240 MB


class ExportRefused(ValueError):
    """What was asked is not an export: the message says why (HTTP 400, a CLI error)."""


class ExportExpired(ExportRefused):
    """`since` is below the pruned horizon (or a prune moved the horizon past it while the export ran): what
    changed in between can no longer be found. HTTP 410 CURSOR_EXPIRED; run a full export instead."""

    def __init__(self, since: int, pruned_through: int):
        super().__init__(f"changes up to seq {pruned_through} were pruned, so what changed since seq {since} cannot "
                         "be exported: run a full export (no since) and resume from its seq")


@dataclass(frozen=True)
class ExportRequest:
    layout: Layout
    format: ExportFormat
    since: int | None = None  # lineages: changed after this seq (None: all); changes: seq above it (None: 0)
    currency: str = "USD"  # the reporting currency of the lineages' converted amounts
    batch_size: int = BATCH_SIZE

    @classmethod
    def parse(cls, export: str, export_format: str | None, since: str | int | None,
              currency: str | None, batch_size: int | None = None) -> ExportRequest:
        if export not in LAYOUTS:
            raise ExportRefused(f"no export named {export!r}; exports are {', '.join(LAYOUTS)}")
        try:
            chosen = ExportFormat((export_format or "ndjson").lower())
        except ValueError:
            raise ExportRefused(f"format must be one of {', '.join(f.value for f in ExportFormat)}, "
                                f"not {export_format!r}") from None
        layout = LAYOUTS[export]
        if currency is not None and layout is not LINEAGES:
            raise ExportRefused("currency applies to the lineages export only")
        currency = (currency or "USD").strip().upper()
        if not is_currency(currency):
            raise ExportRefused(f"currency must be an ISO 4217 code such as USD, not {currency!r}")
        return cls(layout, chosen, _sequence_number(since), currency, batch_size or BATCH_SIZE)


def _sequence_number(since: str | int | None) -> int | None:
    if since is None or isinstance(since, int):
        value = since
    elif since.isascii() and since.isdigit() and len(since) <= 18:
        value = int(since)
    else:
        raise ExportRefused(f"since must be a change sequence number (an integer, 0 or more), not {since!r}")
    if value is not None and value < 0:
        raise ExportRefused("since must be 0 or more")
    return value


@dataclass
class Export:
    """A started export: the change seq it is consistent with, and its bytes (`chunks()`, once). `rows` counts
    the rows encoded so far; `on_batch` is told each batch's size (a progress bar)."""

    request: ExportRequest
    change_seq: int
    pruned_through: int
    session: GraphSession
    scope: dict[str, Any]
    on_batch: Callable[[int], None] | None = None
    rows: int = field(default=0)

    async def chunks(self) -> AsyncIterator[bytes]:
        request = self.request
        encode = encoder(request.format, request.layout, self.change_seq)
        yield encode.start()
        async for batch in self._batches():
            # On a worker thread: encoding 5,000 rows takes tens of milliseconds, which would hold a serving
            # gateway's event loop (and every other request) that long; Neo4j meanwhile reads the next batch.
            chunk = await asyncio.to_thread(encode.batch, batch)
            self.rows += len(batch)
            if self.on_batch:
                self.on_batch(len(batch))
            yield chunk
        if self._resumes_the_log():
            # A prune that ran meanwhile may have removed records this export had still to read: not a whole
            # export, so no end (a cut HTTP body, a CLI error without a sidecar).
            after = await horizon(self.session)
            if after.pruned_through > self.log_position:
                raise ExportExpired(self.log_position, after.pruned_through)
        yield encode.end()

    @property
    def log_position(self) -> int:
        """The seq the export reads the log after: `since`, or the horizon it started at."""
        return self.request.since if self.request.since is not None else self.pruned_through

    def _resumes_the_log(self) -> bool:
        """An export read from the change log: a since export, or the changes (a full lineage export is not)."""
        return self.request.since is not None or self.request.layout is not LINEAGES

    def _batches(self) -> AsyncIterator[list[dict[str, Any]]]:
        request = self.request
        if request.layout is LINEAGES:
            return batches.lineage_batches(self.session, self.scope, request.since, request.currency,
                                           request.batch_size)
        return batches.change_batches(self.session, self.scope, self.log_position, self.change_seq,
                                      request.batch_size)


async def start(session: GraphSession, request: ExportRequest, scope: dict[str, Any]) -> Export:
    """Read the change seq the export will be consistent with; the batches follow as its chunks are taken. A
    `since` below the pruned horizon is refused (ExportExpired) before any row is read."""
    ends = await horizon(session)
    if request.since is not None and request.since < ends.pruned_through:
        raise ExportExpired(request.since, ends.pruned_through)
    return Export(request, ends.last, ends.pruned_through, session, scope)
