"""The enterprise's internal business organizations."""

from __future__ import annotations

from graph.client import GraphSession
from graph.records import InternalOrgRecord


class InternalOrgRepository:
    def __init__(self, session: GraphSession):
        self.session = session

    async def by_ids(self, ids: list[str]) -> dict[str, InternalOrgRecord]:
        rows = await self.session.read("organizations/internal_by_ids", ids=ids)
        return {row["org"]["id"]: InternalOrgRecord.from_map(row["org"]) for row in rows}
