"""Mutations of the applications domain: applying to a program (public), and reviewing an application."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.applications import writes as applications_writes
from schema.applications.enums import ApplicationDecision, ApprovedPartnerStatus
from schema.applications.inputs import PartnerApplicationInput
from schema.applications.types import ApplicationReceipt, PartnerApplication
from schema.shared.admission import public, requires
from schema.shared.payloads import NOTHING_CREATED, Result, payload

SubmitPartnerApplicationPayload = payload(
    "SubmitPartnerApplicationPayload", "Result of submitPartnerApplication.",
    Result("receipt", ApplicationReceipt, "The receipt of the application submitted"), errors=NOTHING_CREATED)

PartnerApplicationPayload = payload("PartnerApplicationPayload", "Result of a review of a partner application.",
                                    Result("application", PartnerApplication, "The application as it is now"))


@strawberry.type
class ApplicationMutations:
    @strawberry.mutation(description="Apply to join an APPROVED program as a new partner. Public: a request without "
                         "a token may send it. Limited per client address and per e-mail (RATE_LIMITED); whether "
                         "the company or e-mail is known already changes nothing in the answer.",
                         metadata=public(**requires(Action.APPLY_TO_PROGRAMS)))
    async def submit_partner_application(
        self, info: Info,
        application: Annotated[PartnerApplicationInput, strawberry.argument(description="The application.")],
    ) -> SubmitPartnerApplicationPayload:
        return SubmitPartnerApplicationPayload.from_outcome(
            await applications_writes.submit_application(info.context, application))

    @strawberry.mutation(description="Decide a SUBMITTED partner application, once (enterprise admin; relationship "
                         "managers when the gateway lets them). REJECT needs a reason. APPROVE creates, all at once, "
                         "the partner (PROSPECT unless told), its admin, and a PENDING partnership in the program at "
                         "the segment given or the program's default; refused (CONFLICT) when the e-mail belongs to a "
                         "person by now.", metadata=requires(Action.REVIEW_APPLICATIONS))
    async def review_partner_application(
        self, info: Info,
        application: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the application.")],
        decision: Annotated[ApplicationDecision, strawberry.argument(description="APPROVE or REJECT.")],
        reason: Annotated[str | None, strawberry.argument(
            description="Why; required to reject (at most 2,000 characters).")] = None,
        partner_status: Annotated[ApprovedPartnerStatus, strawberry.argument(
            description="The new partner's status (APPROVE).")] = ApprovedPartnerStatus.PROSPECT,
        segment: Annotated[strawberry.ID | None, strawberry.argument(
            description="Global ID of the partnership's segment (APPROVE); the program's default when left "
                        "out.")] = None,
    ) -> PartnerApplicationPayload:
        return PartnerApplicationPayload.from_outcome(await applications_writes.review_application(
            info.context, application, decision.value, reason, partner_status.value, segment))
