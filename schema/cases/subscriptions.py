"""Root subscription fields of the cases domain: cases as they change."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from graph.changes.records import ChangeRecord
from resolvers.cases import reads as case_reads
from resolvers.changes import reads as change_reads
from schema.cases.enums import CaseStatus
from schema.cases.types import Case, CaseEvent
from schema.changes.types import AfterSeqArg, Change


@strawberry.type
class CaseSubscriptions:
    @strawberry.subscription(description="Cases as they change, in commit order: each change the viewer may see "
                             "(status moves, assignment, new comments the viewer may read), with the case read "
                             "through the viewer's scope at delivery (one that has left it since is not delivered). "
                             "Resumable with `after` (an event's `cursor`) without a gap.")
    async def case_changed(
        self, info: Info,
        partner_subtree: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only cases of this partner and the partners below it.")] = None,
        statuses: Annotated[list[CaseStatus] | None, strawberry.argument(
            description="Only changes that move a case into or out of one of these statuses, or change it while in "
                        "one (a partner's list of cases awaiting their answer).")] = None,
        after: AfterSeqArg = None,
    ) -> AsyncGenerator[CaseEvent, None]:
        ctx = info.context
        subtree = await change_reads.subtree_root(ctx, partner_subtree)
        wanted = {s.value for s in statuses} if statuses is not None else None

        async def events(batch: list[ChangeRecord]) -> list[CaseEvent]:
            # A comment's record names its case as the entity whose visibility it follows.
            records = await case_reads.cases(ctx, [change.entity_id if change.entity_type == "Case" else change.scope_id
                                                   for change in batch])
            return [CaseEvent(change=Change.from_record(change), case=Case.from_record(record))
                    for change, record in zip(batch, records, strict=True)
                    if record is not None and change_reads.concerns(change, record.status, wanted)]

        async for batch in change_reads.follow(ctx, after, ["Case", "CaseComment"], subtree, events):
            for event in batch:
                yield event
