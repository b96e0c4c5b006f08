"""Setup step 3: onboard partners into programs; partnership lifecycle and segment changes."""

from __future__ import annotations

from typing import Any

from auth.permissions import Action
from graph.partnership_setup import NewPartnership, PartnershipSetup
from graph.records import PartnershipRecord
from resolvers.checks import Checks
from resolvers.context import RequestContext
from resolvers.mutations import Outcome, run


def _setup(ctx: RequestContext) -> PartnershipSetup:
    viewer = ctx.viewer
    return PartnershipSetup(ctx.graph, viewer.scope, viewer.is_enterprise, viewer.person_id)


async def onboard_partnerships(ctx: RequestContext, items: list[Any]) -> Outcome[list[PartnershipRecord]]:
    async def work() -> list[PartnershipRecord]:
        checks = Checks()
        checks.batch(items, ("partnerships",))
        partnerships = []
        for index, item in enumerate(items):
            at = ("partnerships", str(index))
            partnerships.append(NewPartnership(
                id=checks.key(item.key, "ps", at + ("key",)),
                partner_id=checks.node_id(item.partner, "Partner", at + ("partner",)),
                program_id=checks.node_id(item.program, "Program", at + ("program",)),
                segment_id=checks.node_id(item.segment, "Segment", at + ("segment",)),
                field=at,
            ))
        checks.done()
        return await _setup(ctx).onboard(partnerships)

    return await run(ctx, Action.ONBOARD_PARTNERSHIPS, work)


async def change_partnership_status(ctx: RequestContext, partnership: str, status: str) -> Outcome[PartnershipRecord]:
    async def work() -> PartnershipRecord:
        checks = Checks()
        partnership_id = checks.node_id(partnership, "Partnership", ("partnership",))
        checks.done()
        return await _setup(ctx).change_status(partnership_id, status, field=())

    return await run(ctx, Action.ONBOARD_PARTNERSHIPS, work)


async def change_partnership_segment(ctx: RequestContext, partnership: str, segment: str,
                                     reason: str) -> Outcome[PartnershipRecord]:
    async def work() -> PartnershipRecord:
        checks = Checks()
        partnership_id = checks.node_id(partnership, "Partnership", ("partnership",))
        segment_id = checks.node_id(segment, "Segment", ("segment",))
        why = checks.text(reason, ("reason",), max_length=500, long=True)
        checks.done()
        return await _setup(ctx).change_segment(partnership_id, segment_id, why, field=())

    return await run(ctx, Action.ONBOARD_PARTNERSHIPS, work)
