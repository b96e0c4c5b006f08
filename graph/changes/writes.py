"""Retention of the change log: `prune` removes the oldest records, batch by batch, and folds each entity's
into its ChangeSummary (docs/CHANGES.md, "Retention"). A maintenance write: its sessions carry no actor, so
pruning is not itself logged; the ChangeRetention node keeps when it last ran and with which cutoff."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from graph.shared.client import GraphSession

PRUNE_BATCH_SIZE = 5000  # records per write transaction: a short commit for the writers queued on the sequence
# A batch takes about a second; a maintenance job on a busy server is not bound by the per-request timeout.
PRUNE_BATCH_TIMEOUT_SECONDS = 120.0


@dataclass(frozen=True)
class PruneReport:
    pruned: int  # records deleted (each counted in its entity's ChangeSummary)
    pruned_through: int  # the horizon after the prune: every seq at or below it is gone, none above it


async def prunable(session: GraphSession, before: datetime) -> int:
    """At most how many records a prune with this cutoff deletes (a progress bar's total)."""
    return (await session.read("changes/reads/prunable", before=before))[0]["records"]


async def prune(session: GraphSession, before: datetime, now: datetime, batch_size: int = PRUNE_BATCH_SIZE,
                on_batch: Callable[[int], None] | None = None) -> PruneReport:
    """Delete the records before `before`, oldest seq first, stopping at the first one made at or after it: a
    record made earlier but numbered later (a long request) is kept, so the horizon only ever cuts a prefix.
    Each batch is one transaction; an interrupted prune leaves a consistent, shorter log and is run again."""
    pruned = 0
    while True:
        (row,) = await session.write_transaction(
            lambda tx: tx.query("changes/writes/prune_batch", before=before, now=now, limit=batch_size),
            timeout=PRUNE_BATCH_TIMEOUT_SECONDS)
        pruned += row["pruned"]
        if on_batch:
            on_batch(row["pruned"])
        if row["pruned"] < batch_size:  # stopped at the cutoff, or at the end of the log
            return PruneReport(pruned, row["prunedThrough"])
