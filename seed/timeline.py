"""Rows put in time order, however many: spilled to compressed weekly buckets in a temporary folder, then read
back a week at a time and sorted. The sort is stable, so rows of one moment keep the order they came in (an
entity created and activated at once stays created first). Memory holds one week of rows."""

from __future__ import annotations

import gzip
import io
import marshal
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime
from operator import itemgetter
from pathlib import Path

WEEK_SECONDS = 7 * 86_400
BUFFER_BYTES = 1 << 16


def in_time_order(rows: Iterable[dict], key: str = "at") -> Iterator[dict]:
    """`rows` (dicts with the same keys, `key` an ISO 8601 moment) in order of `key`."""
    with tempfile.TemporaryDirectory(prefix="partnergraph-seed-") as folder:
        keys, weeks = _spill(rows, key, Path(folder))
        for week in sorted(weeks):
            with _open(Path(folder), week, "rb") as bucket:
                spilled = list(_load(bucket))
            spilled.sort(key=itemgetter(0))
            for values in spilled:
                yield dict(zip(keys, values[1:], strict=True))


def _spill(rows: Iterable[dict], key: str, folder: Path) -> tuple[tuple[str, ...], set[int]]:
    keys: tuple[str, ...] = ()
    buckets: dict[int, io.BufferedWriter] = {}
    try:
        for row in rows:
            keys = keys or tuple(row)
            moment = datetime.fromisoformat(row[key]).timestamp()
            week = int(moment // WEEK_SECONDS)
            if week not in buckets:
                buckets[week] = _open(folder, week, "wb")
            marshal.dump((moment, *(row[k] for k in keys)), buckets[week])
    finally:
        for bucket in buckets.values():
            bucket.close()
    return keys, set(buckets)


def _open(folder: Path, week: int, mode: str):
    # Level 1: the rows are repetitive text, a tenth of their size at little cost.
    compressed = gzip.open(folder / f"{week}.gz", mode, compresslevel=1)
    return io.BufferedWriter(compressed, BUFFER_BYTES) if mode == "wb" else io.BufferedReader(compressed, BUFFER_BYTES)


def _load(bucket) -> Iterator[tuple]:
    while True:
        try:
            yield marshal.load(bucket)
        except EOFError:
            return
