"""Program reads: programs, their segments and criteria, and the partners a segment holds.

Every query takes the viewer's `$scope`: its `enterprise` flag decides whether DRAFT programs are visible
(enterprise staff see them, partner staff do not), the rest which partners are.
"""

from __future__ import annotations

from typing import Any

from graph.partners.records import PartnerRecord
from graph.programs.records import (
    ApplicationQuestionRecord,
    CriterionRecord,
    PartnershipRecord,
    ProgramRecord,
    SegmentAssignmentRecord,
    SegmentRecord,
)
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param


class ProgramRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str]) -> dict[str, ProgramRecord]:
        rows = await self.session.read("programs/reads/by_ids", ids=ids, scope=self.scope)
        return {row["program"]["id"]: ProgramRecord.from_map(row["program"]) for row in rows}

    async def page(self, status: str | None, first: int, after: SortKey | None) -> Page[ProgramRecord]:
        rows = await self.session.read("programs/reads/page", scope=self.scope, status=status,
                                       limit=first + 1, after=cursor_param(after))
        return Page.from_rows([ProgramRecord.from_map(row["program"]) for row in rows], first)

    async def application_questions(self, program_ids: list[str]) -> dict[str, list[ApplicationQuestionRecord]]:
        rows = await self.session.read("programs/reads/application_questions", ids=program_ids, scope=self.scope)
        return {row["programId"]: [ApplicationQuestionRecord.from_map(q) for q in row["questions"]] for row in rows}

    async def segments_by_ids(self, ids: list[str]) -> dict[str, SegmentRecord]:
        rows = await self.session.read("programs/reads/segments_by_ids", ids=ids, scope=self.scope)
        return {row["segment"]["id"]: SegmentRecord.from_map(row["segment"]) for row in rows}

    async def criteria(self, segment_ids: list[str]) -> dict[str, list[CriterionRecord]]:
        rows = await self.session.read("programs/reads/criteria", segmentIds=segment_ids, scope=self.scope)
        return {row["segmentId"]: [CriterionRecord.from_map(c) for c in row["criteria"]] for row in rows}

    async def segment_partners(self, segment_ids: list[str], first: int,
                               after: SortKey | None) -> dict[str, Page[PartnerRecord]]:
        rows = await self.session.read("programs/reads/segment_partners", parentIds=segment_ids, scope=self.scope,
                                       limit=first + 1, after=cursor_param(after))
        return Page.of_parents(rows, PartnerRecord, first)


class PartnershipRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def by_ids(self, ids: list[str]) -> dict[str, PartnershipRecord]:
        rows = await self.session.read("programs/reads/partnerships_by_ids", ids=ids, scope=self.scope)
        return {row["partnership"]["id"]: PartnershipRecord.from_map(row["partnership"]) for row in rows}

    async def of_programs(self, program_ids: list[str], status: str | None, first: int,
                          after: SortKey | None) -> dict[str, Page[PartnershipRecord]]:
        rows = await self.session.read("programs/reads/partnerships_of_programs", parentIds=program_ids, status=status,
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        return Page.of_parents(rows, PartnershipRecord, first)

    async def of_partners(self, partner_ids: list[str], status: str | None, first: int,
                          after: SortKey | None) -> dict[str, Page[PartnershipRecord]]:
        rows = await self.session.read("programs/reads/partnerships_of_partners", parentIds=partner_ids, status=status,
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        return Page.of_parents(rows, PartnershipRecord, first)

    async def segment_history(self, ids: list[str]) -> dict[str, list[SegmentAssignmentRecord]]:
        rows = await self.session.read("programs/reads/segment_history", ids=ids, scope=self.scope)
        return {row["partnershipId"]: [SegmentAssignmentRecord.from_map(a) for a in row["history"]] for row in rows}
