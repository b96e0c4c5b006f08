"""Case reads, scoped in Cypher by `{{case_visible(c)}}`; SLA figures are computed there as of `now`,
so "breached" filters run in the database and pages stay exact."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph.cases.records import (
    CaseCategoryRecord,
    CaseCommentRecord,
    CaseFilter,
    CaseRecord,
    SlaPolicyRecord,
    case_from_row,
)
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param


class CaseRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str], now: datetime) -> dict[str, CaseRecord]:
        rows = await self.session.read("cases/reads/by_ids", ids=ids, scope=self.scope, now=now)
        return {row["kase"]["id"]: case_from_row(row) for row in rows}

    async def of_partners(self, partner_ids: list[str], filter: CaseFilter, subtree: bool, first: int,
                          after: SortKey | None, now: datetime) -> dict[str, Page[CaseRecord]]:
        rows = await self.session.read("cases/reads/of_partners", parentIds=partner_ids, filter=filter.as_param(),
                                       subtree=subtree, scope=self.scope, now=now, limit=first + 1,
                                       after=cursor_param(after))
        return {row["parentId"]: _page([CaseRecord.from_map(c) for c in row["page"]], first) for row in rows}

    async def page(self, filter: CaseFilter, first: int, after: SortKey | None, now: datetime) -> Page[CaseRecord]:
        rows = await self.session.read("cases/reads/page", filter=filter.as_param(), scope=self.scope, now=now,
                                       limit=first + 1, after=cursor_param(after))
        return _page([case_from_row(row) for row in rows], first)

    async def comments(self, case_ids: list[str], visibility: str | None, first: int,
                       after: SortKey | None) -> dict[str, Page[CaseCommentRecord]]:
        rows = await self.session.read("cases/reads/comments", parentIds=case_ids, visibility=visibility,
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        result = {}
        for row in rows:
            items = [CaseCommentRecord.from_map(c) for c in row["page"]]
            result[row["parentId"]] = Page.from_rows(items, first, [SortKey(c.seq, c.id) for c in items])
        return result


class CaseCategoryRepository:
    """Case categories (not scoped: every viewer may read them), named in the request's language."""

    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str]) -> dict[str, CaseCategoryRecord]:
        rows = await self.session.read("cases/reads/categories", ids=ids, scope=self.scope)
        return {row["category"]["id"]: CaseCategoryRecord.from_map(row["category"]) for row in rows}

    async def every(self) -> list[CaseCategoryRecord]:
        rows = await self.session.read("cases/reads/categories", ids=None, scope=self.scope)
        return [CaseCategoryRecord.from_map(row["category"]) for row in rows]


class QueueRepository:
    def __init__(self, session: GraphSession):
        self.session = session

    async def by_ids(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        rows = await self.session.read("cases/reads/queues_by_ids", ids=ids)
        return {row["queue"]["id"]: row["queue"] for row in rows}


class SlaPolicyRepository:
    """The SLA policies of segments (a segment is readable when its program is: enterprise staff read
    DRAFT programs too); the key DEFAULT_POLICIES ("") stands for the default policies."""

    DEFAULT_POLICIES = ""

    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def of_segments(self, segment_ids: list[str]) -> dict[str, list[SlaPolicyRecord]]:
        rows = await self.session.read("cases/reads/sla_policies", segmentIds=[s or None for s in segment_ids],
                                       scope=self.scope)
        return {row["segmentId"] or self.DEFAULT_POLICIES: [SlaPolicyRecord.from_map(p) for p in row["policies"]]
                for row in rows}


def _page(cases: list[CaseRecord], first: int) -> Page[CaseRecord]:
    """Case listings run newest number first; the cursor is the number."""
    return Page.from_rows(cases, first, [SortKey(c.number, c.id) for c in cases])
