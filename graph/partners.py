"""Partner reads, every one scoped by the viewer's visibility inside the Cypher."""

from __future__ import annotations

from typing import Any

from graph.client import GraphSession
from graph.records import Page, PartnerNameRecord, PartnerRecord, SortKey


class PartnerRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str]) -> dict[str, PartnerRecord]:
        rows = await self.session.read("partners/by_ids", ids=ids, scope=self.scope)
        return {row["partner"]["id"]: PartnerRecord.from_map(row["partner"]) for row in rows}

    async def page(self, first: int, after: SortKey | None) -> Page[PartnerRecord]:
        rows = await self.session.read("partners/page", scope=self.scope, limit=first + 1,
                                       after=after.as_param() if after else None)
        return Page.from_rows([PartnerRecord.from_map(row["partner"]) for row in rows], first)

    async def children(self, parent_ids: list[str], first: int, after: SortKey | None) -> dict[str, Page[PartnerRecord]]:
        rows = await self.session.read("partners/children", parentIds=parent_ids, scope=self.scope,
                                       limit=first + 1, after=after.as_param() if after else None)
        return {row["parentId"]: Page.from_rows([PartnerRecord.from_map(p) for p in row["page"]], first) for row in rows}

    async def parents(self, child_ids: list[str]) -> dict[str, PartnerRecord | PartnerNameRecord]:
        rows = await self.session.read("partners/parent", childIds=child_ids, scope=self.scope)
        return {
            row["childId"]: (PartnerRecord if row["access"] == "FULL" else PartnerNameRecord).from_map(row["partner"])
            for row in rows
        }
