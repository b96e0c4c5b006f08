"""Partner application reads: for reviewers only (`reviewer`, decided by the resolvers from the persona and the
settings: auth.permissions.decides); anyone else reads no application at all, and no Cypher runs.
The public form of an APPROVED program is read by anyone."""

from __future__ import annotations

from graph.applications.records import ApplicationFormRecord, PartnerApplicationRecord
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param


class ApplicationRepository:
    def __init__(self, session: GraphSession, reviewer: bool):
        self.session = session
        self.reviewer = reviewer

    async def by_ids(self, ids: list[str]) -> dict[str, PartnerApplicationRecord]:
        if not self.reviewer:
            return {}
        rows = await self.session.read("applications/reads/by_ids", ids=ids, reviewer=self.reviewer)
        return {r["application"]["id"]: PartnerApplicationRecord.from_map(r["application"]) for r in rows}

    async def page(self, status: str | None, first: int, after: SortKey | None) -> Page[PartnerApplicationRecord]:
        """Newest first (submittedAt, then id, both descending)."""
        if not self.reviewer:
            return Page.empty()
        rows = await self.session.read("applications/reads/page", status=status, limit=first + 1,
                                       after=cursor_param(after), reviewer=self.reviewer)
        records = [PartnerApplicationRecord.from_map(r["application"]) for r in rows]
        return Page.from_rows(records, first, [SortKey(r.submitted_at.isoformat(), r.id) for r in records])

    async def forms(self, program_ids: list[str]) -> dict[str, ApplicationFormRecord]:
        rows = await self.session.read("applications/reads/forms", ids=program_ids)
        return {r["form"]["programId"]: ApplicationFormRecord.from_map(r["form"]) for r in rows}
