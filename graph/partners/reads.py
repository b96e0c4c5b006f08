"""Reads of the partners domain: partners and the hierarchy, people (the viewer's identity, read on every
request, and scoped lookups), internal organizations, end-customer accounts; each scoped by the viewer's
visibility inside the Cypher."""

from __future__ import annotations

from typing import Any

from graph.partners.records import (
    AccountRecord,
    IdentityRecord,
    InternalOrgRecord,
    PartnerFilter,
    PartnerNameRecord,
    PartnerRecord,
    PersonRecord,
)
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param


class PartnerRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str]) -> dict[str, PartnerRecord]:
        rows = await self.session.read("partners/reads/by_ids", ids=ids, scope=self.scope)
        return {row["partner"]["id"]: PartnerRecord.from_map(row["partner"]) for row in rows}

    async def page(self, first: int, after: SortKey | None, filter: PartnerFilter, order_by: str = "NAME",
                   descending: bool = False) -> Page[PartnerRecord]:
        rows = await self.session.read("partners/reads/page", scope=self.scope, limit=first + 1,
                                       after=cursor_param(after),
                                       filter=filter.as_param(), orderBy=order_by, descending=descending)
        return Page.from_rows([PartnerRecord.from_map(row["partner"]) for row in rows], first,
                              keys=[SortKey(row["sortValue"], row["partner"]["id"]) for row in rows])

    async def ancestors(self, ids: list[str]) -> dict[str, list[PartnerRecord | PartnerNameRecord]]:
        rows = await self.session.read("partners/reads/ancestors", ids=ids, scope=self.scope)
        return {row["partnerId"]: [_ref(a["access"], a["partner"]) for a in row["ancestors"]] for row in rows}

    async def depths(self, ids: list[str]) -> dict[str, int]:
        rows = await self.session.read("partners/reads/depth", ids=ids)
        return {row["partnerId"]: row["depth"] for row in rows}

    async def staff(self, parent_ids: list[str], roles: tuple[str, ...] | None, first: int,
                    after: SortKey | None) -> dict[str, Page[PersonRecord]]:
        rows = await self.session.read("partners/reads/staff", parentIds=parent_ids,
                                       roles=list(roles) if roles else None,
                                       limit=first + 1, after=cursor_param(after))
        return Page.of_parents(rows, PersonRecord, first)

    async def relationship_managers(self, ids: list[str]) -> dict[str, list[PersonRecord]]:
        rows = await self.session.read("partners/reads/relationship_managers", ids=ids)
        return {row["partnerId"]: [PersonRecord.from_map(p) for p in row["people"]] for row in rows}

    async def parents(self, child_ids: list[str]) -> dict[str, PartnerRecord | PartnerNameRecord]:
        rows = await self.session.read("partners/reads/parent", childIds=child_ids, scope=self.scope)
        return {row["childId"]: _ref(row["access"], row["partner"]) for row in rows}


def _ref(access: str, data: dict[str, Any]) -> PartnerRecord | PartnerNameRecord:
    return (PartnerRecord if access == "FULL" else PartnerNameRecord).from_map(data)


async def identity(session: GraphSession, person_id: str) -> IdentityRecord | None:
    rows = await session.read("partners/reads/identity", personId=person_id)
    if not rows:
        return None
    return IdentityRecord.from_map(rows[0])


class PersonRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str]) -> dict[str, PersonRecord]:
        rows = await self.session.read("partners/reads/people_by_ids", ids=ids, scope=self.scope)
        return {row["person"]["id"]: PersonRecord.from_map(row["person"]) for row in rows}


class InternalOrgRepository:
    def __init__(self, session: GraphSession):
        self.session = session

    async def by_ids(self, ids: list[str]) -> dict[str, InternalOrgRecord]:
        rows = await self.session.read("partners/reads/internal_orgs_by_ids", ids=ids)
        return {row["org"]["id"]: InternalOrgRecord.from_map(row["org"]) for row in rows}


class AccountRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str]) -> dict[str, AccountRecord]:
        rows = await self.session.read("partners/reads/accounts_by_ids", ids=ids, scope=self.scope)
        return {row["account"]["id"]: AccountRecord.from_map(row["account"]) for row in rows}

    async def serving_partners(self, ids: list[str]) -> dict[str, list[PartnerRecord]]:
        rows = await self.session.read("partners/reads/serving_partners", ids=ids, scope=self.scope)
        return {row["accountId"]: [PartnerRecord.from_map(p) for p in row["partners"]] for row in rows}
