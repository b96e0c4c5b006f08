"""Setup step 3 mutations: onboard partners into programs; partnership status and segment."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers import partnership_setup
from schema.admission import requires
from schema.errors import UserError, user_errors
from schema.partnerships import Partnership, PartnershipStatus


@strawberry.input(description="A partner to onboard into a program.")
class OnboardPartnershipInput:
    partner: strawberry.ID = strawberry.field(description="Global ID of the partner.")
    program: strawberry.ID = strawberry.field(description="Global ID of the program; not a RETIRED one.")
    segment: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the starting segment, one of the program's; its default when left out.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.type(description="Result of onboardPartnerships.")
class OnboardPartnershipsPayload:
    partnerships: list[Partnership] = strawberry.field(
        description="The partnerships created (PENDING), in input order; empty on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing was created; empty on success.")


@strawberry.type(description="Result of a mutation on one partnership.")
class PartnershipPayload:
    partnership: Partnership | None = strawberry.field(description="The partnership as it is now; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


PartnershipArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the partnership.")]


def _payload(outcome) -> PartnershipPayload:
    return PartnershipPayload(partnership=Partnership.from_record(outcome.result) if outcome.result else None,
                              errors=user_errors(outcome.errors))


@strawberry.type
class PartnershipMutations:
    @strawberry.mutation(description="Onboard partners into programs (enterprise admin): each partnership starts "
                         "PENDING in the given or the default segment. All or nothing.",
                         metadata=requires(Action.ONBOARD_PARTNERSHIPS))
    async def onboard_partnerships(
        self, info: Info,
        partnerships: Annotated[list[OnboardPartnershipInput],
                                strawberry.argument(description="The partnerships to create.")],
    ) -> OnboardPartnershipsPayload:
        outcome = await partnership_setup.onboard_partnerships(info.context, partnerships)
        return OnboardPartnershipsPayload(partnerships=[Partnership.from_record(r) for r in outcome.result or []],
                                          errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Move a partnership along PENDING → ACTIVE ⇄ SUSPENDED → TERMINATED "
                         "(enterprise admin). The first ACTIVE sets onboardedAt; TERMINATED sets offboardedAt "
                         "and closes the current segment assignment.", metadata=requires(Action.ONBOARD_PARTNERSHIPS))
    async def change_partnership_status(
        self, info: Info, partnership: PartnershipArg,
        status: Annotated[PartnershipStatus, strawberry.argument(description="The new status.")],
    ) -> PartnershipPayload:
        return _payload(await partnership_setup.change_partnership_status(info.context, partnership, status.value))

    @strawberry.mutation(description="Move a partnership to another segment of its program (enterprise admin), "
                         "closing the current assignment and opening a new one in the segment history.",
                         metadata=requires(Action.ONBOARD_PARTNERSHIPS))
    async def change_partnership_segment(
        self, info: Info, partnership: PartnershipArg,
        segment: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the new segment.")],
        reason: Annotated[str, strawberry.argument(description="Why, kept in the segment history.")],
    ) -> PartnershipPayload:
        return _payload(await partnership_setup.change_partnership_segment(info.context, partnership, segment, reason))
