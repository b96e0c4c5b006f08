"""Scoped reads of the change log: the feed in seq order, and each entity's audit trail."""

from __future__ import annotations

from typing import Any

from graph.changes.records import ChangeRecord, Horizon, TrailFilter
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param


class ChangeRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def horizon(self) -> Horizon:
        (row,) = await self.session.read("changes/reads/horizon")
        return Horizon(row["last"], row["prunedThrough"])

    async def feed(self, after: int, types: list[str] | None, first: int) -> Page[ChangeRecord]:
        """The visible records after seq `after`, in seq order. A viewer who sees every partner reads the log
        by seq; a scoped one through the partners in scope, which keeps a small partner's feed small."""
        query = "changes/reads/feed_all" if self.scope["all"] else "changes/reads/feed_scoped"
        rows = await self.session.read(query, scope=self.scope, after=after, types=types, limit=first + 1)
        items = [ChangeRecord.from_map(row["change"]) for row in rows]
        return Page.from_rows(items, first, [SortKey(c.seq, str(c.seq)) for c in items])

    async def trails(self, parent_ids: list[str], filter: TrailFilter, first: int,
                     after: SortKey | None) -> dict[str, Page[ChangeRecord]]:
        """One page of each entity's trail, newest first; `parent_ids` are "Type/key"."""
        entities = [dict(zip(("type", "id"), parent.split("/", 1), strict=True)) for parent in parent_ids]
        rows = await self.session.read("changes/reads/trails", entities=entities, filter=filter.as_param(),
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        result = {}
        for row in rows:
            items = [ChangeRecord.from_map(c) for c in row["page"]]
            result[row["parentId"]] = Page.from_rows(items, first, [SortKey(c.seq, str(c.seq)) for c in items])
        return result
