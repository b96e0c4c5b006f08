"""Selling reads: deal registrations and their lineage (opportunity → quotes → order), the catalog and
exchange rates. Every selling record is visible exactly when its registration is
(`cypher/fragments/deal_visible.cypher`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.selling.records import (
    CommentRecord,
    ConflictRecord,
    DealRegistrationRecord,
    LineItemRecord,
    OpportunityRecord,
    OrderRecord,
    ProductRecord,
    QuoteRecord,
)
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param


class SellingRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def registrations(self, ids: list[str]) -> dict[str, DealRegistrationRecord]:
        rows = await self.session.read("selling/reads/registrations_by_ids", ids=ids, scope=self.scope)
        return {r["registration"]["id"]: DealRegistrationRecord.from_map(r["registration"]) for r in rows}

    async def lineages(self, changed_since: Any, subtree_id: str | None, program_id: str | None,
                       status: str | None, first: int, after: SortKey | None) -> LineagePage:
        rows = await self.session.read("selling/reads/lineages", changedSince=changed_since, subtreeId=subtree_id,
                                       programId=program_id, status=status, scope=self.scope, limit=first + 1,
                                       after=cursor_param(after))
        lineage = LineagePage(Page.from_rows([DealRegistrationRecord.from_map(r["registration"]) for r in rows], first,
                                             [SortKey(r["sortKey"]["name"], r["sortKey"]["id"]) for r in rows]))
        for r in rows:
            opportunity = r["opportunity"]
            lineage.opportunities[r["registration"]["id"]] = (OpportunityRecord.from_map(opportunity) if opportunity
                                                              else None)
            if opportunity:
                for quote in r["quotes"]:  # each quote's map also carries its order (or null) under `order`
                    order = quote.pop("order")
                    lineage.orders[quote["id"]] = OrderRecord.from_map(order) if order else None
                lineage.quotes[opportunity["id"]] = [QuoteRecord.from_map(q) for q in r["quotes"]]
        return lineage

    async def lineage_export_batch(self, after: str, since: int | None, currency: str,
                                   limit: int) -> list[dict[str, Any]]:
        """The bulk export's next batch of flat lineage rows by registration id after `after` (gateway/exports/
        columns.py): every visible lineage, or with `since` those with a change record numbered above it, a
        deleted registration as a tombstone row. Maps, not records: the export writes them as they come."""
        if since is None:
            rows = await self.session.read("selling/reads/lineage_export", after=after, currency=currency,
                                           limit=limit, scope=self.scope)
        else:
            rows = await self.session.read("selling/reads/lineage_export_changed", after=after, since=since,
                                           currency=currency, limit=limit, scope=self.scope)
        return rows[0]["rows"]

    async def lines(self, owner_ids: list[str]) -> dict[str, list[LineItemRecord]]:
        rows = await self.session.read("selling/reads/lines", ids=owner_ids, scope=self.scope)
        return {r["ownerId"]: [LineItemRecord.from_map(x) for x in r["lines"]] for r in rows}

    async def comments(self, ids: list[str]) -> dict[str, list[CommentRecord]]:
        rows = await self.session.read("selling/reads/comments", ids=ids, scope=self.scope)
        return {r["registrationId"]: [CommentRecord.from_map(x) for x in r["comments"]] for r in rows}

    async def conflicts(self, ids: list[str]) -> dict[str, list[ConflictRecord]]:
        rows = await self.session.read("selling/reads/conflicts", ids=ids, scope=self.scope)
        return {r["registrationId"]: [ConflictRecord.from_map(x) for x in r["conflicts"]] for r in rows}

    async def opportunities(self, ids: list[str]) -> dict[str, OpportunityRecord]:
        rows = await self.session.read("selling/reads/opportunities_by_ids", ids=ids, scope=self.scope)
        return {r["opportunity"]["id"]: OpportunityRecord.from_map(r["opportunity"]) for r in rows}

    async def opportunities_of_registrations(self, ids: list[str]) -> dict[str, OpportunityRecord]:
        rows = await self.session.read("selling/reads/opportunities_of_registrations", ids=ids, scope=self.scope)
        return {r["registrationId"]: OpportunityRecord.from_map(r["opportunity"]) for r in rows}

    async def quotes(self, ids: list[str]) -> dict[str, QuoteRecord]:
        rows = await self.session.read("selling/reads/quotes_by_ids", ids=ids, scope=self.scope)
        return {r["quote"]["id"]: QuoteRecord.from_map(r["quote"]) for r in rows}

    async def quotes_of_opportunities(self, ids: list[str]) -> dict[str, list[QuoteRecord]]:
        rows = await self.session.read("selling/reads/quotes_of_opportunities", ids=ids, scope=self.scope)
        return {r["opportunityId"]: [QuoteRecord.from_map(q) for q in r["quotes"]] for r in rows}

    async def quotes_of_partners(self, partner_ids: list[str], status: str | None, first: int,
                                 after: SortKey | None) -> dict[str, Page[QuoteRecord]]:
        rows = await self.session.read("selling/reads/quotes_of_partners", parentIds=partner_ids, status=status,
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        return Page.of_parents(rows, QuoteRecord, first)

    async def orders(self, ids: list[str]) -> dict[str, OrderRecord]:
        rows = await self.session.read("selling/reads/orders_by_ids", ids=ids, scope=self.scope)
        return {r["order"]["id"]: OrderRecord.from_map(r["order"]) for r in rows}

    async def orders_of_quotes(self, ids: list[str]) -> dict[str, OrderRecord]:
        rows = await self.session.read("selling/reads/orders_of_quotes", ids=ids, scope=self.scope)
        return {r["quoteId"]: OrderRecord.from_map(r["order"]) for r in rows}

    async def orders_of_partners(self, partner_ids: list[str], status: str | None, first: int,
                                 after: SortKey | None) -> dict[str, Page[OrderRecord]]:
        rows = await self.session.read("selling/reads/orders_of_partners", parentIds=partner_ids, status=status,
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        return Page.of_parents(rows, OrderRecord, first)

    async def products(self, ids: list[str]) -> dict[str, ProductRecord]:
        rows = await self.session.read("selling/reads/products_by_ids", ids=ids, scope=self.scope)
        return {r["product"]["id"]: ProductRecord.from_map(r["product"]) for r in rows}

    async def rates(self, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], float]:
        """The latest rate of each (base, quote) pair, direct or inverse; pairs without one are left out."""
        rows = await self.session.read("selling/reads/rates", pairs=[{"base": b, "quote": q} for b, q in pairs])
        return {(r["base"], r["quote"]): r["rate"] for r in rows if r["rate"] is not None}


@dataclass
class LineagePage:
    """A page of lineages: the registrations, and the rest of each lineage keyed as the loaders key it
    (registration id → opportunity or None, opportunity id → quotes, quote id → order or None)."""

    page: Page[DealRegistrationRecord]
    opportunities: dict[str, OpportunityRecord | None] = field(default_factory=dict)
    quotes: dict[str, list[QuoteRecord]] = field(default_factory=dict)
    orders: dict[str, OrderRecord | None] = field(default_factory=dict)
