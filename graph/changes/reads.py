"""Scoped reads of the change log: the feed in seq order, and each entity's audit trail."""

from __future__ import annotations

from typing import Any

from graph.changes.records import ChangeRecord, ChangeSummary, Horizon, TrailFilter
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param


async def horizon(session: GraphSession) -> Horizon:
    """The last seq given and the pruned horizon, as committed now."""
    (row,) = await session.read("changes/reads/horizon")
    return Horizon(row["last"], row["prunedThrough"])


PLANNING_TIMEOUT_SECONDS = 120.0  # a maintenance step on a busy machine, not a request


async def plan_change_log(session: GraphSession) -> None:
    """Plan the feed and audit trail statements now (EXPLAIN: Neo4j keeps the plan, which takes seconds to make:
    every entity type's visibility rule is in them), so the first subscribers and readers after a Neo4j start
    neither wait for it nor time out planning it together."""
    scope = {"all": True, "roots": [], "orgs": [], "nameOf": []}
    for query in ("changes/reads/feed_all", "changes/reads/feed_scoped"):
        await session.explain(query, timeout=PLANNING_TIMEOUT_SECONDS, scope=scope, after=0, through=0,
                              filter={"types": None, "subtree": None}, limit=1)
    await session.explain("changes/reads/trails", timeout=PLANNING_TIMEOUT_SECONDS, scope=scope, after=None,
                          entities=[{"type": "Partner", "id": ""}], filter=TrailFilter().as_param(), limit=1)


class ChangeRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def feed(self, after: int, types: list[str] | None, first: int, subtree: str | None = None,
                   through: int | None = None) -> tuple[Page[ChangeRecord], Horizon, bool]:
        """The visible records after seq `after`, in seq order (only those of partner `subtree` and below, when
        given); the horizon read after them in the same statement (a prune that committed while the page was
        read shows there); and whether every record up to seq `through` was there when the page was read, so
        that a follower may move past the ones it did not see. A viewer who sees every partner reads the log by
        seq; a scoped one through the partners in scope, which keeps a small partner's feed small."""
        query = "changes/reads/feed_all" if self.scope["all"] else "changes/reads/feed_scoped"
        through = after if through is None else through
        (row,) = await self.session.read(query, scope=self.scope, after=after, through=through,
                                         filter={"types": types, "subtree": subtree}, limit=first + 1)
        horizon_now = Horizon(row["last"], row["prunedThrough"])
        # From the start (or the horizon), what a concurrent prune removed is not part of the page either.
        records = [ChangeRecord.from_map(change) for change in row["page"][:first]]
        items = [record for record in records if record.seq > horizon_now.pruned_through]
        page = Page(items, len(row["page"]) > first, [SortKey(c.seq, str(c.seq)) for c in items])
        return page, horizon_now, row["present"] == through - after

    async def trails(self, parent_ids: list[str], filter: TrailFilter, first: int,
                     after: SortKey | None) -> dict[str, Page[ChangeRecord]]:
        """One page of each entity's trail, newest first; `parent_ids` are "Type/key"."""
        rows = await self.session.read("changes/reads/trails", entities=_entities(parent_ids),
                                       filter=filter.as_param(), scope=self.scope, limit=first + 1,
                                       after=cursor_param(after))
        result = {}
        for row in rows:
            items = [ChangeRecord.from_map(c) for c in row["page"]]
            result[row["parentId"]] = Page.from_rows(items, first, [SortKey(c.seq, str(c.seq)) for c in items])
        return result

    async def summaries(self, parent_ids: list[str]) -> dict[str, ChangeSummary]:
        """What pruning kept of each entity's records ("Type/key"), where the viewer may see it."""
        rows = await self.session.read("changes/reads/summaries", entities=_entities(parent_ids), scope=self.scope)
        return {row["parentId"]: ChangeSummary.from_map(row["summary"]) for row in rows}


def _entities(parent_ids: list[str]) -> list[dict[str, str]]:
    return [dict(zip(("type", "id"), parent.split("/", 1), strict=True)) for parent in parent_ids]
