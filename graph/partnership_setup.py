"""Setup step 3 in the graph: onboard partners into programs, move partnerships through their
lifecycle and between segments, keeping the segment history.

Every method runs in one write transaction: it locks what it changes and reads its state, raises
`Rejected` with every problem found, or writes. A rejected batch writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.client import CountingTransaction, GraphSession
from graph.errors import ErrorCode, Rejected, UserError, reject_if
from graph.lifecycles import PARTNERSHIP_STATUS, check_transition
from graph.records import PartnershipRecord

Field = tuple[str, ...]


@dataclass(frozen=True)
class NewPartnership:
    id: str
    partner_id: str
    program_id: str
    segment_id: str | None  # the program's default segment when None
    field: Field


class PartnershipSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any], enterprise: bool, viewer_id: str):
        self.session = session
        self.scope = scope
        self.enterprise = enterprise
        self.viewer_id = viewer_id

    async def onboard(self, items: list[NewPartnership]) -> list[PartnershipRecord]:
        async def work(tx: CountingTransaction) -> list[PartnershipRecord]:
            await tx.query("partnership_setup/lock_programs", programIds=sorted({i.program_id for i in items}))
            facts = await tx.query("partnership_setup/onboard_check", scope=self.scope, enterprise=self.enterprise,
                                   items=[{"index": n, "id": i.id, "partnerId": i.partner_id,
                                           "programId": i.program_id, "segmentId": i.segment_id}
                                          for n, i in enumerate(items)])
            errors: list[UserError] = []
            keys: set[str] = set()
            pairs: set[tuple[str, str]] = set()
            rows = []
            for item, fact in zip(items, facts):
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
            created = await tx.query("partnership_setup/onboard", rows=rows, assignedBy=self.viewer_id)
            return [PartnershipRecord.from_map(row["partnership"]) for row in created]

        return await self.session.write_transaction(work)

    async def change_status(self, partnership_id: str, status: str, field: Field) -> PartnershipRecord:
        async def work(tx: CountingTransaction) -> PartnershipRecord:
            facts = await self._lock(tx, partnership_id, None, field)
            check_transition(PARTNERSHIP_STATUS, "a partnership", facts["status"], status, field + ("status",))
            (row,) = await tx.query("partnership_setup/set_status", id=partnership_id, status=status)
            return PartnershipRecord.from_map(row["partnership"])

        return await self.session.write_transaction(work)

    async def change_segment(self, partnership_id: str, segment_id: str, reason: str, field: Field) -> PartnershipRecord:
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
            (row,) = await tx.query("partnership_setup/set_segment", id=partnership_id, segmentId=segment_id,
                                    reason=reason, assignedBy=self.viewer_id)
            return PartnershipRecord.from_map(row["partnership"])

        return await self.session.write_transaction(work)

    async def _lock(self, tx: CountingTransaction, partnership_id: str, segment_id: str | None,
                    field: Field) -> dict[str, Any]:
        rows = await tx.query("partnership_setup/lock", id=partnership_id, segmentId=segment_id, scope=self.scope)
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "partnership not found", field + ("partnership",))])
        return rows[0]
