"""Root subscription fields of the selling domain: deal registrations as they change."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from graph.changes.records import ChangeRecord
from resolvers.changes import reads as change_reads
from resolvers.selling import reads as selling_reads
from schema.changes.types import AfterSeqArg, Change
from schema.selling.enums import DealRegistrationStatus
from schema.selling.types import DealRegistration, DealRegistrationEvent


@strawberry.type
class SellingSubscriptions:
    @strawberry.subscription(description="Deal registrations as they change, in commit order: each change the "
                             "viewer may see, with the registration read through the viewer's scope at delivery "
                             "(one that has left it since is not delivered). Resumable with `after` (an event's "
                             "`cursor`) without a gap.")
    async def deal_registration_changed(
        self, info: Info,
        partner_subtree: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only registrations of this partner and the partners below it.")] = None,
        statuses: Annotated[list[DealRegistrationStatus] | None, strawberry.argument(
            description="Only changes that move a registration into or out of one of these statuses, or change it "
                        "while in one (a portal's queue of SUBMITTED registrations sees them arrive and leave).")]
        = None,
        after: AfterSeqArg = None,
    ) -> AsyncGenerator[DealRegistrationEvent, None]:
        ctx = info.context
        subtree = await change_reads.subtree_root(ctx, partner_subtree)
        wanted = {s.value for s in statuses} if statuses is not None else None

        async def events(batch: list[ChangeRecord]) -> list[DealRegistrationEvent]:
            records = await selling_reads.registrations(ctx, [change.entity_id for change in batch])
            return [DealRegistrationEvent(change=Change.from_record(change),
                                          registration=DealRegistration.from_record(record) if record else None)
                    for change, record in zip(batch, records, strict=True)
                    # Out of the viewer's scope now (a deleted one comes with its tombstone), or not of interest.
                    if (record is not None or change.operation == "DELETED")
                    and change_reads.concerns(change, record.status if record else None, wanted)]

        async for batch in change_reads.follow(ctx, after, ["DealRegistration"], subtree, events):
            for event in batch:
                yield event
