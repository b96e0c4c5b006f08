"""Mutations of the selling domain: deal registrations, their decisions and conversion, quotes, orders."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.selling import writes as selling_writes
from schema.selling.enums import (
    ClosureCode,
    CommentVisibility,
    DealMove,
    OpportunityStage,
    OrderStatus,
    QuoteStatus,
)
from schema.selling.inputs import CreateDealRegistrationInput, CreateQuoteInput
from schema.selling.types import DealComment, DealRegistration, Opportunity, Order, Quote
from schema.shared.admission import requires
from schema.shared.payloads import NOTHING_CREATED, Result, payload

RegistrationArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the deal registration.")]

CreateDealRegistrationsPayload = payload(
    "CreateDealRegistrationsPayload", "Result of createDealRegistrations.",
    Result("registrations", DealRegistration, "The registrations created, in input order", many=True),
    errors=NOTHING_CREATED)


DealRegistrationPayload = payload("DealRegistrationPayload", "Result of a mutation on one deal registration.",
                                  Result("registration", DealRegistration, "The registration as it is now"))


DeleteDealRegistrationPayload = payload("DeleteDealRegistrationPayload", "Result of deleteDealRegistration.",
                                        Result("deleted_id", strawberry.ID, "Global ID of the deleted registration"))


DealCommentPayload = payload("DealCommentPayload", "Result of addDealComment.",
                             Result("comment", DealComment, "The comment added"))


OpportunityPayload = payload("OpportunityPayload", "Result of a mutation on one opportunity.",
                             Result("opportunity", Opportunity, "The opportunity as it is now"))


QuotePayload = payload("QuotePayload", "Result of a mutation on one quote.",
                       Result("quote", Quote, "The quote as it is now"))


OrderPayload = payload("OrderPayload", "Result of a mutation on one order.",
                       Result("order", Order, "The order as it is now"))


@strawberry.type
class SellingMutations:
    @strawberry.mutation(description="Register deals as DRAFTs (partner admin, manager, associate; for partners in "
                         "their scope, an associate for their own organization). All or nothing.",
                         metadata=requires(Action.REGISTER_DEALS))
    async def create_deal_registrations(
        self, info: Info,
        registrations: Annotated[list[CreateDealRegistrationInput], strawberry.argument(description="The deals.")],
    ) -> CreateDealRegistrationsPayload:
        return CreateDealRegistrationsPayload.from_outcome(
            await selling_writes.create_registrations(info.context, registrations))

    @strawberry.mutation(description="Move a deal registration: SUBMIT (partner; detects conflicts and sets the review "
                         "deadline), START_REVIEW, APPROVE (grants a protection period), REJECT (a reason is required) "
                         "and CLOSE (with a closure code) by a relationship manager of the partner or an enterprise "
                         "admin, CANCEL. A decision someone else made first is a CONFLICT.",
                         metadata=requires(Action.REGISTER_DEALS, Action.DECIDE_DEALS, Action.SELL))
    async def move_deal_registration(
        self, info: Info, registration: RegistrationArg,
        move: Annotated[DealMove, strawberry.argument(description="The move.")],
        reason: Annotated[str | None, strawberry.argument(description="Why; required to REJECT.")] = None,
        closure_code: Annotated[ClosureCode | None, strawberry.argument(
            description="For CLOSE: REJECTED, DUPLICATE, INCOMPLETE or EXPIRED.")] = None,
    ) -> DealRegistrationPayload:
        return DealRegistrationPayload.from_outcome(await selling_writes.move_registration(
            info.context, registration, move.value, reason, closure_code.value if closure_code else None))

    @strawberry.mutation(description="Name the owner of a deal registration, replacing any previous one (partner "
                         "admin or manager for registrations in their scope, enterprise admin). The owner must be "
                         "staff of the registering partner; a partner associate sees the registrations they "
                         "submitted or own.", metadata=requires(Action.ASSIGN_DEALS))
    async def assign_deal_owner(
        self, info: Info, registration: RegistrationArg,
        owner: Annotated[strawberry.ID, strawberry.argument(
            description="Global ID of the new owner, a staff member of the registering partner.")],
    ) -> DealRegistrationPayload:
        return DealRegistrationPayload.from_outcome(
            await selling_writes.assign_owner(info.context, registration, owner))

    @strawberry.mutation(description="Delete a DRAFT deal registration with its lines and comments (partner staff).",
                         metadata=requires(Action.REGISTER_DEALS))
    async def delete_deal_registration(
        self, info: Info, registration: RegistrationArg,
    ) -> DeleteDealRegistrationPayload:
        return DeleteDealRegistrationPayload.from_outcome(
            await selling_writes.delete_registration(info.context, registration))

    @strawberry.mutation(description="Comment on a deal registration; INTERNAL work notes are for enterprise staff "
                         "only.",
                         metadata=requires(Action.SELL))
    async def add_deal_comment(
        self, info: Info, registration: RegistrationArg,
        body: Annotated[str, strawberry.argument(description="The text.")],
        visibility: Annotated[CommentVisibility, strawberry.argument(
            description="PARTNER or INTERNAL.")] = CommentVisibility.PARTNER,
    ) -> DealCommentPayload:
        return DealCommentPayload.from_outcome(
            await selling_writes.add_comment(info.context, registration, body, visibility.value))

    @strawberry.mutation(description="Convert an APPROVED registration into a PROSPECTING opportunity; the "
                         "registration closes as CONVERTED.", metadata=requires(Action.SELL))
    async def convert_deal_registration(
        self, info: Info, registration: RegistrationArg,
        key: Annotated[str | None, strawberry.argument(
            description="Stable key of the opportunity; generated when left out.")] = None,
    ) -> OpportunityPayload:
        return OpportunityPayload.from_outcome(
            await selling_writes.convert_registration(info.context, registration, key))

    @strawberry.mutation(description="Move an opportunity forward through its stages, or close it won or lost.",
                         metadata=requires(Action.SELL))
    async def change_opportunity_stage(
        self, info: Info,
        opportunity: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the opportunity.")],
        stage: Annotated[OpportunityStage, strawberry.argument(description="The new stage.")],
    ) -> OpportunityPayload:
        return OpportunityPayload.from_outcome(
            await selling_writes.change_stage(info.context, opportunity, stage.value))

    @strawberry.mutation(description="Quote an open opportunity: a new DRAFT version revising the latest.",
                         metadata=requires(Action.SELL))
    async def create_quote(
        self, info: Info, quote: Annotated[CreateQuoteInput, strawberry.argument(description="The quote.")],
    ) -> QuotePayload:
        return QuotePayload.from_outcome(await selling_writes.create_quote(info.context, quote))

    @strawberry.mutation(description="Move a quote: SUBMITTED and ACCEPTED (partner; accepting places the order), "
                         "APPROVED or REJECTED (relationship manager or enterprise admin).",
                         metadata=requires(Action.SELL, Action.DECIDE_DEALS))
    async def change_quote_status(
        self, info: Info,
        quote: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the quote.")],
        status: Annotated[QuoteStatus, strawberry.argument(description="The new status.")],
    ) -> QuotePayload:
        return QuotePayload.from_outcome(await selling_writes.change_quote_status(info.context, quote, status.value))

    @strawberry.mutation(description="Fulfil or cancel a PLACED order (enterprise admin).",
                         metadata=requires(Action.FULFIL_ORDERS))
    async def change_order_status(
        self, info: Info,
        order: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the order.")],
        status: Annotated[OrderStatus, strawberry.argument(description="The new status.")],
    ) -> OrderPayload:
        return OrderPayload.from_outcome(await selling_writes.change_order_status(info.context, order, status.value))
