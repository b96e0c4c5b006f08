"""Leads reads: leads, their routing history and the routing rules, scoped in Cypher (cypher/fragments/
lead_visible.cypher; offers also by partner_visible on the partner offered; rules to enterprise staff only)."""

from __future__ import annotations

from typing import Any

from graph.leads.records import LeadOfferRecord, LeadRecord, LeadRoutingRuleRecord
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param


class LeadsRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def leads(self, ids: list[str]) -> dict[str, LeadRecord]:
        rows = await self.session.read("leads/reads/leads_by_ids", ids=ids, scope=self.scope)
        return {r["lead"]["id"]: LeadRecord.from_map(r["lead"]) for r in rows}

    async def page(self, statuses: list[str] | None, subtree_id: str | None, country: str | None, first: int,
                   after: SortKey | None) -> Page[LeadRecord]:
        rows = await self.session.read("leads/reads/leads", statuses=statuses, subtreeId=subtree_id, country=country,
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        return Page.from_rows([LeadRecord.from_map(r["item"]) for r in rows], first)

    async def offers(self, lead_ids: list[str]) -> dict[str, list[LeadOfferRecord]]:
        rows = await self.session.read("leads/reads/offers_of_leads", ids=lead_ids, scope=self.scope)
        return {r["leadId"]: [LeadOfferRecord.from_map(o) for o in r["offers"]] for r in rows}

    async def rules(self) -> list[LeadRoutingRuleRecord]:
        rows = await self.session.read("leads/reads/rules", scope=self.scope)
        return [LeadRoutingRuleRecord.from_map(r["rule"]) for r in rows]

    async def rules_by_ids(self, ids: list[str]) -> dict[str, LeadRoutingRuleRecord]:
        rows = await self.session.read("leads/reads/rules_by_ids", ids=ids, scope=self.scope)
        return {r["rule"]["id"]: LeadRoutingRuleRecord.from_map(r["rule"]) for r in rows}

    async def specializations(self, partner_ids: list[str]) -> dict[str, list[str]]:
        rows = await self.session.read("leads/reads/specializations", ids=partner_ids, scope=self.scope)
        return {r["partnerId"]: r["productIds"] for r in rows}
