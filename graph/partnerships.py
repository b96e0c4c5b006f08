"""Partnership reads: a partnership is visible when its partner is (the viewer's `$scope`)."""

from __future__ import annotations

from typing import Any

from graph.client import GraphSession
from graph.records import Page, PartnershipRecord, SegmentAssignmentRecord, SortKey, cursor_param


class PartnershipRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any], enterprise: bool):
        self.session = session
        self.scope = scope
        self.enterprise = enterprise

    async def by_ids(self, ids: list[str]) -> dict[str, PartnershipRecord]:
        rows = await self.session.read("partnerships/by_ids", ids=ids, scope=self.scope)
        return {row["partnership"]["id"]: PartnershipRecord.from_map(row["partnership"]) for row in rows}

    async def of_programs(self, program_ids: list[str], status: str | None, first: int,
                          after: SortKey | None) -> dict[str, Page[PartnershipRecord]]:
        rows = await self.session.read("partnerships/of_programs", parentIds=program_ids, status=status,
                                       scope=self.scope, enterprise=self.enterprise, limit=first + 1,
                                       after=cursor_param(after))
        return _pages(rows, first)

    async def of_partners(self, partner_ids: list[str], status: str | None, first: int,
                          after: SortKey | None) -> dict[str, Page[PartnershipRecord]]:
        rows = await self.session.read("partnerships/of_partners", parentIds=partner_ids, status=status,
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        return _pages(rows, first)

    async def segment_history(self, ids: list[str]) -> dict[str, list[SegmentAssignmentRecord]]:
        rows = await self.session.read("partnerships/segment_history", ids=ids, scope=self.scope)
        return {row["partnershipId"]: [SegmentAssignmentRecord.from_map(a) for a in row["history"]] for row in rows}


def _pages(rows: list[dict[str, Any]], first: int) -> dict[str, Page[PartnershipRecord]]:
    return {row["parentId"]: Page.from_rows([PartnershipRecord.from_map(i) for i in row["page"]], first)
            for row in rows}
