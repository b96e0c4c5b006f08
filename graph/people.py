"""People: the viewer's identity (read on every request) and scoped person lookups."""

from __future__ import annotations

from typing import Any

from graph.client import GraphSession
from graph.records import IdentityRecord, InternalOrgRecord, PartnerRecord, PersonRecord


async def identity(session: GraphSession, person_id: str) -> IdentityRecord | None:
    rows = await session.read("people/identity", personId=person_id)
    if not rows:
        return None
    row = rows[0]
    return IdentityRecord(
        person_id=row["personId"],
        name=row["name"],
        partner_id=row["partnerId"],
        partner_role=row["partnerRole"],
        internal_org_id=row["internalOrgId"],
        enterprise_role=row["enterpriseRole"],
        managed_partner_ids=tuple(row["managedPartnerIds"]),
        person=PersonRecord.from_map(row["person"]),
        partner=PartnerRecord.from_map(row["partner"]) if row["partner"] else None,
        internal_org=InternalOrgRecord.from_map(row["unit"]) if row["unit"] else None,
    )


class PersonRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any], viewer_id: str):
        self.session = session
        self.scope = scope
        self.viewer_id = viewer_id

    async def by_ids(self, ids: list[str]) -> dict[str, PersonRecord]:
        rows = await self.session.read("people/by_ids", ids=ids, scope=self.scope, viewerId=self.viewer_id)
        return {row["person"]["id"]: PersonRecord.from_map(row["person"]) for row in rows}
