"""Where an export's rows come from: keyset batches from Neo4j, each its own short read transaction, the next one
read while the current one is written (at most two batches in memory, whatever the export's size)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from gateway.exports.columns import CHANGES, LINEAGES
from graph.selling.reads import SellingRepository
from graph.shared.client import GraphSession

Row = dict[str, Any]


def lineage_batches(session: GraphSession, scope: dict[str, Any], since: int | None, currency: str,
                    size: int) -> AsyncIterator[list[Row]]:
    selling = SellingRepository(session, scope)
    return _keyset(lambda after: selling.lineage_export_batch(after, since, currency, size), LINEAGES.key, "", size)


def change_batches(session: GraphSession, scope: dict[str, Any], since: int, through: int,
                   size: int) -> AsyncIterator[list[Row]]:
    """The change records numbered in (since, through] that the viewer may read, by seq."""

    async def read(after: int) -> list[Row]:
        rows = await session.read("changes/reads/export", after=after, through=through, limit=size, scope=scope)
        return rows[0]["rows"]

    return _keyset(read, CHANGES.key, since, size)


async def _keyset(read: Callable[[Any], Awaitable[list[Row]]], key: str, first: Any,
                  size: int) -> AsyncIterator[list[Row]]:
    """Batches of `read(after)` until a short one; the next batch's read starts before the current batch is
    handed on, so Neo4j computes it while the caller encodes this one."""
    pending = asyncio.ensure_future(read(first))
    try:
        while True:
            rows = await pending
            if len(rows) < size:
                if rows:
                    yield rows
                return
            pending = asyncio.ensure_future(read(rows[-1][key]))
            yield rows
    finally:
        if not pending.done():
            pending.cancel()
