"""Writes of the programs domain (setup steps 2 and 3): programs, their segments (one default each) and
segment criteria; onboarding partners, partnership status and segment changes.

Every method runs in one write transaction: it locks what it changes and reads its state, raises
`Rejected` with every problem found, or writes. A rejected batch writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graph.programs.lifecycle import PARTNERSHIP_STATUS, PROGRAM_STATUS
from graph.programs.records import ApplicationQuestionRecord, PartnershipRecord, ProgramRecord, SegmentRecord
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError, reject_if
from graph.shared.lifecycle import check_transition

Field = tuple[str, ...]


@dataclass(frozen=True)
class NewCriterion:
    id: str
    metric: str
    operator: str
    threshold: float

    def as_row(self) -> dict[str, Any]:
        return {"id": self.id, "metric": self.metric, "operator": self.operator, "threshold": self.threshold}


@dataclass(frozen=True)
class NewSegment:
    id: str
    name: str
    rank: int
    is_default: bool
    criteria: tuple[NewCriterion, ...]
    field: Field

    def as_row(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "rank": self.rank, "isDefault": self.is_default,
                "criteria": [c.as_row() for c in self.criteria]}


@dataclass(frozen=True)
class NewProgram:
    id: str
    name: str
    kind: str
    internal_org_id: str
    start_date: date
    end_date: date | None
    segments: tuple[NewSegment, ...]
    field: Field

    def as_row(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind, "internalOrgId": self.internal_org_id,
                "startDate": self.start_date, "endDate": self.end_date,
                "segments": [s.as_row() for s in self.segments]}


_RETIRED = "a retired program cannot change"


class ProgramSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def create(self, items: list[NewProgram]) -> list[ProgramRecord]:
        async def work(tx: CountingTransaction) -> list[ProgramRecord]:
            segments = [s for item in items for s in item.segments]
            (facts,) = await tx.query("programs/writes/create_programs_check", programKeys=[i.id for i in items],
                                      segmentKeys=[s.id for s in segments],
                                      orgIds=sorted({i.internal_org_id for i in items}))
            taken_programs, taken_segments = set(facts["takenPrograms"]), set(facts["takenSegments"])
            missing_orgs = set(facts["missingOrgs"])
            errors: list[UserError] = []
            program_keys: set[str] = set()
            segment_keys: set[str] = set()
            for item in items:
                if item.id in taken_programs or item.id in program_keys:
                    errors.append(UserError(ErrorCode.CONFLICT, f"a program with key {item.id!r} exists",
                                            item.field + ("key",)))
                if item.internal_org_id in missing_orgs:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "internal organization not found",
                                            item.field + ("internalOrg",)))
                program_keys.add(item.id)
                for segment in item.segments:
                    if segment.id in taken_segments or segment.id in segment_keys:
                        errors.append(UserError(ErrorCode.CONFLICT, f"a segment with key {segment.id!r} exists",
                                                segment.field + ("key",)))
                    segment_keys.add(segment.id)
            reject_if(errors)
            rows = await tx.query("programs/writes/create_programs", rows=[i.as_row() for i in items])
            return [ProgramRecord.from_map(row["program"]) for row in rows]

        return await self.session.write_transaction(work)

    async def add_segment(self, program_id: str, segment: NewSegment, field: Field) -> SegmentRecord:
        async def work(tx: CountingTransaction) -> SegmentRecord:
            facts = await self._lock(tx, program_id=program_id, new_segment_key=segment.id)
            if facts is None:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "program not found", field + ("program",))])
            if facts["program"]["status"] == "RETIRED":
                raise Rejected([UserError(ErrorCode.VALIDATION, _RETIRED, field + ("program",))])
            errors = []
            if facts["segmentKeyTaken"]:
                errors.append(UserError(ErrorCode.CONFLICT, f"a segment with key {segment.id!r} exists",
                                        segment.field + ("key",)))
            if any(s["rank"] == segment.rank for s in facts["segments"]):
                errors.append(UserError(ErrorCode.CONFLICT, f"another segment of the program has rank {segment.rank}",
                                        segment.field + ("rank",)))
            if segment.is_default and any(s["isDefault"] for s in facts["segments"]):
                errors.append(UserError(ErrorCode.CONFLICT, "the program has a default segment already; "
                                        "add this one as not default, then use setDefaultSegment",
                                        segment.field + ("isDefault",)))
            reject_if(errors)
            (row,) = await tx.query("programs/writes/add_segment", programId=program_id, segment=segment.as_row(),
                                    scope=self.scope)
            return SegmentRecord.from_map(row["segment"])

        return await self.session.write_transaction(work)

    async def set_default_segment(self, segment_id: str, field: Field) -> SegmentRecord:
        async def work(tx: CountingTransaction) -> SegmentRecord:
            await self._lock_open_segment(tx, segment_id, field)
            (row,) = await tx.query("programs/writes/set_default", segmentId=segment_id)
            return SegmentRecord.from_map(row["segment"])

        return await self.session.write_transaction(work)

    async def add_criteria(self, segment_id: str, criteria: list[NewCriterion], field: Field) -> SegmentRecord:
        async def work(tx: CountingTransaction) -> SegmentRecord:
            await self._lock_open_segment(tx, segment_id, field)
            (row,) = await tx.query("programs/writes/add_criteria", segmentId=segment_id,
                                    criteria=[c.as_row() for c in criteria])
            return SegmentRecord.from_map(row["segment"])

        return await self.session.write_transaction(work)

    async def _lock_open_segment(self, tx: CountingTransaction, segment_id: str, field: Field) -> None:
        """Lock a segment's program; refuse a missing segment or one of a retired program."""
        facts = await self._lock(tx, segment_id=segment_id)
        if facts is None:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "segment not found", field + ("segment",))])
        if facts["program"]["status"] == "RETIRED":
            raise Rejected([UserError(ErrorCode.VALIDATION, _RETIRED, field + ("segment",))])

    async def change_status(self, program_id: str, status: str, field: Field) -> ProgramRecord:
        async def work(tx: CountingTransaction) -> ProgramRecord:
            facts = await self._lock(tx, program_id=program_id)
            if facts is None:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "program not found", field + ("program",))])
            check_transition(PROGRAM_STATUS, "a program", facts["program"]["status"], status, field + ("status",))
            (row,) = await tx.query("programs/writes/set_program_status", programId=program_id, status=status)
            return ProgramRecord.from_map(row["program"])

        return await self.session.write_transaction(work)

    async def set_application_questions(self, program_id: str, questions: list[ApplicationQuestionRecord],
                                        field: Field) -> ProgramRecord:
        """Replace the questions a program asks of applicants, in the order given; a RETIRED program's stay."""

        async def work(tx: CountingTransaction) -> ProgramRecord:
            facts = await self._lock(tx, program_id=program_id)
            if facts is None:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "program not found", field + ("program",))])
            if facts["program"]["status"] == "RETIRED":
                raise Rejected([UserError(ErrorCode.VALIDATION, _RETIRED, field + ("program",))])
            (row,) = await tx.query("programs/writes/set_application_questions", programId=program_id,
                                    questions=[{"key": q.key, "text": q.text, "required": q.required}
                                               for q in questions])
            return ProgramRecord.from_map(row["program"])

        return await self.session.write_transaction(work)

    async def _lock(self, tx: CountingTransaction, *, program_id: str | None = None, segment_id: str | None = None,
                    new_segment_key: str | None = None) -> dict[str, Any] | None:
        """Lock the program (named, or owning the segment) and read its status and segments; None if not found."""
        rows = await tx.query("programs/writes/lock_program", programId=program_id, segmentId=segment_id,
                              newSegmentKey=new_segment_key, scope=self.scope)
        return rows[0] if rows else None


Field = tuple[str, ...]


@dataclass(frozen=True)
class NewPartnership:
    id: str
    partner_id: str
    program_id: str
    segment_id: str | None  # the program's default segment when None
    field: Field


class PartnershipSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any], viewer_id: str):
        self.session = session
        self.scope = scope
        self.viewer_id = viewer_id

    async def onboard(self, items: list[NewPartnership]) -> list[PartnershipRecord]:
        async def work(tx: CountingTransaction) -> list[PartnershipRecord]:
            await tx.query("programs/writes/lock_programs", programIds=sorted({i.program_id for i in items}))
            facts = await tx.query("programs/writes/onboard_check", scope=self.scope,
                                   items=[{"index": n, "id": i.id, "partnerId": i.partner_id,
                                           "programId": i.program_id, "segmentId": i.segment_id}
                                          for n, i in enumerate(items)])
            errors: list[UserError] = []
            keys: set[str] = set()
            pairs: set[tuple[str, str]] = set()
            rows = []
            for item, fact in zip(items, facts, strict=True):
                at = item.field
                if fact["keyTaken"] or item.id in keys:
                    errors.append(UserError(ErrorCode.CONFLICT, f"a partnership with key {item.id!r} exists",
                                            at + ("key",)))
                keys.add(item.id)
                if not fact["partnerFound"]:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "partner not found", at + ("partner",)))
                status = fact["programStatus"]
                if status is None:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "program not found", at + ("program",)))
                    continue
                if status == "RETIRED":
                    errors.append(UserError(ErrorCode.VALIDATION, "a retired program takes no partnerships",
                                            at + ("program",)))
                segment_id = item.segment_id or fact["defaultSegmentId"]
                if item.segment_id is not None and not fact["segmentFound"]:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "segment not found", at + ("segment",)))
                elif item.segment_id is not None and fact["segmentProgramId"] != item.program_id:
                    errors.append(UserError(ErrorCode.VALIDATION, "the segment is not one of the program's",
                                            at + ("segment",)))
                elif segment_id is None:
                    errors.append(UserError(ErrorCode.VALIDATION, "the program has no default segment; name one",
                                            at + ("segment",)))
                pair = (item.partner_id, item.program_id)
                if fact["partnerFound"] and fact["alreadyMember"]:
                    errors.append(UserError(ErrorCode.CONFLICT, "the partner already has a partnership in this "
                                            "program that is not terminated", at + ("program",)))
                elif pair in pairs:
                    errors.append(UserError(ErrorCode.CONFLICT, "the same partner and program appear twice in "
                                            "this batch", at + ("program",)))
                pairs.add(pair)
                rows.append({"id": item.id, "partnerId": item.partner_id, "programId": item.program_id,
                             "segmentId": segment_id})
            reject_if(errors)
            created = await tx.query("programs/writes/onboard", rows=rows, assignedBy=self.viewer_id)
            return [PartnershipRecord.from_map(row["partnership"]) for row in created]

        return await self.session.write_transaction(work)

    async def change_status(self, partnership_id: str, status: str, field: Field) -> PartnershipRecord:
        async def work(tx: CountingTransaction) -> PartnershipRecord:
            facts = await self._lock(tx, partnership_id, None, field)
            check_transition(PARTNERSHIP_STATUS, "a partnership", facts["status"], status, field + ("status",))
            (row,) = await tx.query("programs/writes/set_partnership_status", id=partnership_id, status=status)
            return PartnershipRecord.from_map(row["partnership"])

        return await self.session.write_transaction(work)

    async def change_segment(self, partnership_id: str, segment_id: str, reason: str,
                             field: Field) -> PartnershipRecord:
        async def work(tx: CountingTransaction) -> PartnershipRecord:
            facts = await self._lock(tx, partnership_id, segment_id, field)
            if facts["status"] == "TERMINATED":
                raise Rejected([UserError(ErrorCode.INVALID_TRANSITION,
                                          "a terminated partnership keeps its last segment", field + ("partnership",))])
            if facts["targetProgramId"] is None:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "segment not found", field + ("segment",))])
            if facts["targetProgramId"] != facts["programId"]:
                raise Rejected([UserError(ErrorCode.VALIDATION, "the segment is not one of the partnership's "
                                          "program", field + ("segment",))])
            if facts["segmentId"] == segment_id:
                raise Rejected([UserError(ErrorCode.CONFLICT, "the partnership is already in that segment",
                                          field + ("segment",))])
            (row,) = await tx.query("programs/writes/set_segment", id=partnership_id, segmentId=segment_id,
                                    reason=reason, assignedBy=self.viewer_id)
            return PartnershipRecord.from_map(row["partnership"])

        return await self.session.write_transaction(work)

    async def _lock(self, tx: CountingTransaction, partnership_id: str, segment_id: str | None,
                    field: Field) -> dict[str, Any]:
        rows = await tx.query("programs/writes/lock_partnership", id=partnership_id, segmentId=segment_id,
                              scope=self.scope)
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "partnership not found", field + ("partnership",))])
        return rows[0]
