"""The CLI side of an export: written to a file with a progress bar (rows, rows/s) and a sidecar
`<file>.meta.json` holding the change seq, or to stdout without either."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import orjson
from rich.console import Console
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from gateway import database
from gateway.exports import exporter, viewers
from gateway.exports.exporter import ExportRequest
from gateway.settings import Settings
from graph.shared.client import GraphSession


@dataclass(frozen=True)
class ExportSummary:
    rows: int
    change_seq: int
    seconds: float

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


class _RowsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:,.0f} rows/s")


def sidecar(out: Path) -> Path:
    return out.with_name(out.name + ".meta.json")


async def run(settings: Settings, request: ExportRequest, as_person: str | None, out: Path | None) -> ExportSummary:
    """The `partnergraph export` commands: connect with the settings' credentials, take the enterprise's view
    (or `as_person`'s), write the export."""
    client = database.graph_client(settings)
    try:
        session = client.session()
        return await write(session, request, await viewers.scope_of(session, as_person), out)
    finally:
        await client.close()


async def write(session: GraphSession, request: ExportRequest, scope: dict[str, Any],
                out: Path | None) -> ExportSummary:
    """Export to `out` (None: stdout). The sidecar is written once the file is complete, so a file with a
    sidecar is a whole export."""
    started = time.perf_counter()
    export = await exporter.start(session, request, scope)
    if out is None:
        await _copy(export, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return ExportSummary(export.rows, export.change_seq, time.perf_counter() - started)
    columns = (SpinnerColumn(), TextColumn(f"{request.layout.name} ({request.format.value})"),
               TextColumn("{task.completed:>10,.0f} rows"), _RowsPerSecond(), TimeElapsedColumn())
    sidecar(out).unlink(missing_ok=True)  # an earlier export's sidecar must not vouch for this file
    with Progress(*columns, console=Console(stderr=True)) as progress, out.open("wb") as file:
        task = progress.add_task("export", total=None)
        export.on_batch = lambda n: progress.advance(task, n)
        await _copy(export, file)
    summary = ExportSummary(export.rows, export.change_seq, time.perf_counter() - started)
    sidecar(out).write_bytes(orjson.dumps({
        "export": request.layout.name, "format": request.format.value, "changeSeq": export.change_seq,
        "since": request.since, "currency": request.currency if request.layout.name == "lineages" else None,
        "rows": export.rows, "exportedAt": datetime.now(UTC).isoformat()}, option=orjson.OPT_INDENT_2))
    return summary


async def _copy(export: exporter.Export, file: BinaryIO) -> None:
    async for chunk in export.chunks():
        file.write(chunk)
