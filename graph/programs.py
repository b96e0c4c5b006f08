"""Program reads: programs, their segments and criteria, and the partners a segment holds.

Every query takes `$enterprise` (enterprise staff see DRAFT programs, partner staff do not) and, where
partners appear, the viewer's `$scope`.
"""

from __future__ import annotations

from typing import Any

from graph.client import GraphSession
from graph.records import CriterionRecord, Page, PartnerRecord, ProgramRecord, SegmentRecord, SortKey, cursor_param


class ProgramRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any], enterprise: bool):
        self.session = session
        self.scope = scope
        self.enterprise = enterprise

    async def by_ids(self, ids: list[str]) -> dict[str, ProgramRecord]:
        rows = await self.session.read("programs/by_ids", ids=ids, enterprise=self.enterprise)
        return {row["program"]["id"]: ProgramRecord.from_map(row["program"]) for row in rows}

    async def page(self, status: str | None, first: int, after: SortKey | None) -> Page[ProgramRecord]:
        rows = await self.session.read("programs/page", enterprise=self.enterprise, status=status,
                                       limit=first + 1, after=cursor_param(after))
        return Page.from_rows([ProgramRecord.from_map(row["program"]) for row in rows], first)

    async def segments(self, program_ids: list[str]) -> dict[str, list[SegmentRecord]]:
        rows = await self.session.read("programs/segments", programIds=program_ids, enterprise=self.enterprise)
        return {row["programId"]: [SegmentRecord.from_map(s) for s in row["segments"]] for row in rows}

    async def segments_by_ids(self, ids: list[str]) -> dict[str, SegmentRecord]:
        rows = await self.session.read("programs/segments_by_ids", ids=ids, enterprise=self.enterprise)
        return {row["segment"]["id"]: SegmentRecord.from_map(row["segment"]) for row in rows}

    async def criteria(self, segment_ids: list[str]) -> dict[str, list[CriterionRecord]]:
        rows = await self.session.read("programs/criteria", segmentIds=segment_ids, enterprise=self.enterprise)
        return {row["segmentId"]: [CriterionRecord.from_map(c) for c in row["criteria"]] for row in rows}

    async def segment_partners(self, segment_ids: list[str], first: int,
                               after: SortKey | None) -> dict[str, Page[PartnerRecord]]:
        rows = await self.session.read("programs/segment_partners", parentIds=segment_ids, scope=self.scope,
                                       enterprise=self.enterprise, limit=first + 1, after=cursor_param(after))
        return {row["parentId"]: Page.from_rows([PartnerRecord.from_map(p) for p in row["page"]], first)
                for row in rows}

