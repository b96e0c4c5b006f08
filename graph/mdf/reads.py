"""Market development funds reads: budgets (enterprise staff), allocations, fund requests and their claims, scoped
in Cypher (cypher/fragments/budget_visible, fund_allocation_visible, fund_request_visible)."""

from __future__ import annotations

from typing import Any

from graph.mdf.records import (
    FundAllocationRecord,
    FundClaimRecord,
    FundRequestRecord,
    FundReturnsRecord,
    MdfBudgetRecord,
)
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param


class MdfRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def budgets(self, ids: list[str]) -> dict[str, MdfBudgetRecord]:
        rows = await self.session.read("mdf/reads/budgets_by_ids", ids=ids, scope=self.scope)
        return {r["budget"]["id"]: MdfBudgetRecord.from_map(r["budget"]) for r in rows}

    async def budget_page(self, program_id: str | None, first: int, after: SortKey | None) -> Page[MdfBudgetRecord]:
        rows = await self.session.read("mdf/reads/budgets", programId=program_id, scope=self.scope, limit=first + 1,
                                       after=cursor_param(after))
        return Page.from_rows([MdfBudgetRecord.from_map(r["item"]) for r in rows], first)

    async def allocations(self, ids: list[str]) -> dict[str, FundAllocationRecord]:
        rows = await self.session.read("mdf/reads/allocations_by_ids", ids=ids, scope=self.scope)
        return {r["allocation"]["id"]: FundAllocationRecord.from_map(r["allocation"]) for r in rows}

    async def requests(self, ids: list[str]) -> dict[str, FundRequestRecord]:
        rows = await self.session.read("mdf/reads/requests_by_ids", ids=ids, scope=self.scope)
        return {r["request"]["id"]: FundRequestRecord.from_map(r["request"]) for r in rows}

    async def request_page(self, statuses: list[str] | None, subtree_id: str | None, first: int,
                           after: SortKey | None) -> Page[FundRequestRecord]:
        rows = await self.session.read("mdf/reads/requests", statuses=statuses, subtreeId=subtree_id,
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        return Page.from_rows([FundRequestRecord.from_map(r["item"]) for r in rows], first)

    async def claims(self, ids: list[str]) -> dict[str, FundClaimRecord]:
        rows = await self.session.read("mdf/reads/claims_by_ids", ids=ids, scope=self.scope)
        return {r["claim"]["id"]: FundClaimRecord.from_map(r["claim"]) for r in rows}

    async def returns(self, request_ids: list[str], currency: str) -> dict[str, FundReturnsRecord]:
        """The return on funds of each visible fund request of `request_ids` in `currency`: one round trip."""
        rows = await self.session.read("mdf/reads/returns", ids=request_ids, currency=currency, scope=self.scope)
        return {r["requestId"]: FundReturnsRecord.from_map(r["returns"]) for r in rows}
