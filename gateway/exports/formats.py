"""The export formats: each encodes a layout's batches of rows into bytes, chunk by chunk (a start, one chunk per
batch, an end), so an export is written or streamed as it is read, whatever its size. NDJSON (orjson), CSV (the
stdlib's writer, a header row) and Parquet (pyarrow, one row group per batch, the change seq in the file's
key-value metadata)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, Protocol

import orjson
import pyarrow as pa
import pyarrow.parquet as pq

from gateway.exports.columns import Kind, Layout

Row = dict[str, Any]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
CHANGE_SEQ_KEY = "partnergraph.change_seq"  # Parquet key-value metadata


class ExportFormat(str, Enum):
    NDJSON = "ndjson"
    CSV = "csv"
    PARQUET = "parquet"

    @property
    def media_type(self) -> str:
        return {"ndjson": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
                "parquet": "application/vnd.apache.parquet"}[self.value]


class Encoder(Protocol):
    def start(self) -> bytes: ...

    def batch(self, rows: list[Row]) -> bytes: ...

    def end(self) -> bytes: ...


def iso_utc(micros: int) -> str:
    """Epoch microseconds as ISO 8601 UTC text (`2026-05-01T09:30:00.250000Z`; no fraction when whole)."""
    return (_EPOCH + timedelta(microseconds=micros)).isoformat().replace("+00:00", "Z")


class NdjsonEncoder:
    """One JSON object a line, its keys in the layout's order."""

    def __init__(self, layout: Layout):
        self.names = layout.names
        self.timestamps = layout.of_kind(Kind.TIMESTAMP)

    def start(self) -> bytes:
        return b""

    def batch(self, rows: list[Row]) -> bytes:
        names, timestamps, dumps = self.names, self.timestamps, orjson.dumps
        # orjson writes a datetime as iso_utc does, in C: half the cost of a row against formatting it in Python.
        option = orjson.OPT_APPEND_NEWLINE | orjson.OPT_UTC_Z
        out = bytearray()
        for row in rows:
            ordered = dict(zip(names, map(row.get, names), strict=True))
            for name in timestamps:
                if (value := ordered[name]) is not None:
                    ordered[name] = _EPOCH + timedelta(microseconds=value)
            out += dumps(ordered, option=option)
        return bytes(out)

    def end(self) -> bytes:
        return b""


class CsvEncoder:
    """A header row of the column names, then a row a lineage or change: null is an empty cell, timestamps ISO
    text, lists joined with '/', booleans `true`/`false`."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.text = io.StringIO()
        self.writer = csv.writer(self.text, lineterminator="\n")
        self.converters = [(c.name, _CSV_CELL.get(c.kind)) for c in layout.columns]

    def start(self) -> bytes:
        self.writer.writerow(self.layout.names)
        return self._take()

    def batch(self, rows: list[Row]) -> bytes:
        converters = self.converters
        self.writer.writerows(
            [None if (value := row.get(name)) is None else convert(value) if convert else value
             for name, convert in converters] for row in rows)
        return self._take()

    def end(self) -> bytes:
        return b""

    def _take(self) -> bytes:
        chunk = self.text.getvalue().encode()
        self.text.seek(0)
        self.text.truncate()
        return chunk


_CSV_CELL = {Kind.TIMESTAMP: iso_utc, Kind.STRINGS: "/".join, Kind.BOOL: lambda b: "true" if b else "false"}


class _Drain:
    """The file ParquetWriter writes into: kept until taken, so each row group leaves as soon as it is written."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.position = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self.buffer += data
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        chunk = bytes(self.buffer)
        self.buffer.clear()
        return chunk


_ARROW = {Kind.STRING: pa.string(), Kind.JSON: pa.string(), Kind.INT: pa.int64(), Kind.BOOL: pa.bool_(),
          Kind.TIMESTAMP: pa.timestamp("us", tz="UTC"), Kind.DATE: pa.date32(), Kind.STRINGS: pa.list_(pa.string())}


def arrow_schema(layout: Layout, change_seq: int) -> pa.Schema:
    return pa.schema([pa.field(c.name, _ARROW[c.kind]) for c in layout.columns],
                     metadata={CHANGE_SEQ_KEY: str(change_seq), "partnergraph.export": layout.name})


class ParquetEncoder:
    """A Parquet file, one row group per batch, built column by column (no per-value Python conversion:
    timestamps arrive as epoch microseconds, the date column's ISO text is cast by Arrow)."""

    def __init__(self, layout: Layout, change_seq: int):
        self.layout = layout
        self.schema = arrow_schema(layout, change_seq)
        self.sink = _Drain()
        self.writer: pq.ParquetWriter | None = None

    def start(self) -> bytes:
        self.writer = pq.ParquetWriter(self.sink, self.schema, compression="zstd")
        return self.sink.take()

    def batch(self, rows: list[Row]) -> bytes:
        arrays = [_arrow_array([row.get(c.name) for row in rows], c.kind) for c in self.layout.columns]
        self.writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=self.schema))
        return self.sink.take()

    def end(self) -> bytes:
        self.writer.close()
        return self.sink.take()


def _arrow_array(values: list[Any], kind: Kind) -> pa.Array:
    if kind is Kind.DATE:
        return pa.array(values, pa.string()).cast(pa.date32())
    return pa.array(values, _ARROW[kind])


def encoder(export_format: ExportFormat, layout: Layout, change_seq: int) -> Encoder:
    if export_format is ExportFormat.PARQUET:
        return ParquetEncoder(layout, change_seq)
    return CsvEncoder(layout) if export_format is ExportFormat.CSV else NdjsonEncoder(layout)
