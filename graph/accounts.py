"""End-customer accounts, visible through the partners that serve them."""

from __future__ import annotations

from typing import Any

from graph.client import GraphSession
from graph.records import AccountRecord, Page, PartnerRecord, SortKey, cursor_param


class AccountRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str]) -> dict[str, AccountRecord]:
        rows = await self.session.read("accounts/by_ids", ids=ids, scope=self.scope)
        return {row["account"]["id"]: AccountRecord.from_map(row["account"]) for row in rows}

    async def of_partners(self, parent_ids: list[str], name_contains: str | None, first: int,
                          after: SortKey | None) -> dict[str, Page[AccountRecord]]:
        rows = await self.session.read("accounts/of_partners", parentIds=parent_ids, nameContains=name_contains,
                                       limit=first + 1, after=cursor_param(after))
        return {row["parentId"]: Page.from_rows([AccountRecord.from_map(a) for a in row["page"]], first)
                for row in rows}

    async def serving_partners(self, ids: list[str]) -> dict[str, list[PartnerRecord]]:
        rows = await self.session.read("accounts/serving_partners", ids=ids, scope=self.scope)
        return {row["accountId"]: [PartnerRecord.from_map(p) for p in row["partners"]] for row in rows}
