"""Partner reads, every one scoped by the viewer's visibility inside the Cypher."""

from __future__ import annotations

from typing import Any

from graph.client import GraphSession
from graph.records import (
    Page,
    PartnerFilter,
    PartnerNameRecord,
    PartnerRecord,
    PersonRecord,
    SortKey,
    cursor_param,
)


class PartnerRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str]) -> dict[str, PartnerRecord]:
        rows = await self.session.read("partners/by_ids", ids=ids, scope=self.scope)
        return {row["partner"]["id"]: PartnerRecord.from_map(row["partner"]) for row in rows}

    async def page(self, first: int, after: SortKey | None, filter: PartnerFilter, order_by: str = "NAME",
                   descending: bool = False) -> Page[PartnerRecord]:
        rows = await self.session.read("partners/page", scope=self.scope, limit=first + 1, after=cursor_param(after),
                                       filter=filter.as_param(), orderBy=order_by, descending=descending)
        return Page.from_rows([PartnerRecord.from_map(row["partner"]) for row in rows], first,
                              keys=[SortKey(row["sortValue"], row["partner"]["id"]) for row in rows])

    async def children(self, parent_ids: list[str], first: int, after: SortKey | None,
                       filter: PartnerFilter) -> dict[str, Page[PartnerRecord]]:
        rows = await self.session.read("partners/children", parentIds=parent_ids, scope=self.scope,
                                       limit=first + 1, after=cursor_param(after), filter=filter.as_param())
        return _pages(rows, PartnerRecord, first)

    async def descendants(self, parent_ids: list[str], max_depth: int | None, first: int, after: SortKey | None,
                          filter: PartnerFilter) -> dict[str, Page[PartnerRecord]]:
        rows = await self.session.read("partners/descendants", parentIds=parent_ids, scope=self.scope,
                                       maxDepth=max_depth, limit=first + 1, after=cursor_param(after),
                                       filter=filter.as_param())
        return _pages(rows, PartnerRecord, first)

    async def ancestors(self, ids: list[str]) -> dict[str, list[PartnerRecord | PartnerNameRecord]]:
        rows = await self.session.read("partners/ancestors", ids=ids, scope=self.scope)
        return {row["partnerId"]: [_ref(a["access"], a["partner"]) for a in row["ancestors"]] for row in rows}

    async def depths(self, ids: list[str]) -> dict[str, int]:
        rows = await self.session.read("partners/depth", ids=ids)
        return {row["partnerId"]: row["depth"] for row in rows}

    async def staff(self, parent_ids: list[str], roles: tuple[str, ...] | None, first: int,
                    after: SortKey | None) -> dict[str, Page[PersonRecord]]:
        rows = await self.session.read("partners/staff", parentIds=parent_ids, roles=list(roles) if roles else None,
                                       limit=first + 1, after=cursor_param(after))
        return _pages(rows, PersonRecord, first)

    async def relationship_managers(self, ids: list[str]) -> dict[str, list[PersonRecord]]:
        rows = await self.session.read("partners/relationship_managers", ids=ids)
        return {row["partnerId"]: [PersonRecord.from_map(p) for p in row["people"]] for row in rows}

    async def parents(self, child_ids: list[str]) -> dict[str, PartnerRecord | PartnerNameRecord]:
        rows = await self.session.read("partners/parent", childIds=child_ids, scope=self.scope)
        return {row["childId"]: _ref(row["access"], row["partner"]) for row in rows}


def _ref(access: str, data: dict[str, Any]) -> PartnerRecord | PartnerNameRecord:
    return (PartnerRecord if access == "FULL" else PartnerNameRecord).from_map(data)


def _pages(rows: list[dict[str, Any]], record: type, first: int) -> dict[str, Page[Any]]:
    return {row["parentId"]: Page.from_rows([record.from_map(item) for item in row["page"]], first) for row in rows}
