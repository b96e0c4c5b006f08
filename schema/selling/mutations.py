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
from schema.shared.errors import UserError, user_errors

RegistrationArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the deal registration.")]


@strawberry.type(description="Result of createDealRegistrations.")
class CreateDealRegistrationsPayload:
    registrations: list[DealRegistration] = strawberry.field(description="The registrations created, in input order; "
                                                             "empty on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing was created; empty on success.")


@strawberry.type(description="Result of a mutation on one deal registration.")
class DealRegistrationPayload:
    registration: DealRegistration | None = strawberry.field(description="The registration as it is now; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


@strawberry.type(description="Result of deleteDealRegistration.")
class DeleteDealRegistrationPayload:
    deleted_id: strawberry.ID | None = strawberry.field(description="Global ID of the deleted registration; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


@strawberry.type(description="Result of addDealComment.")
class DealCommentPayload:
    comment: DealComment | None = strawberry.field(description="The comment added; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


@strawberry.type(description="Result of a mutation on one opportunity.")
class OpportunityPayload:
    opportunity: Opportunity | None = strawberry.field(description="The opportunity as it is now; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


@strawberry.type(description="Result of a mutation on one quote.")
class QuotePayload:
    quote: Quote | None = strawberry.field(description="The quote as it is now; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


@strawberry.type(description="Result of a mutation on one order.")
class OrderPayload:
    order: Order | None = strawberry.field(description="The order as it is now; null on errors.")
    errors: list[UserError] = strawberry.field(description="Why nothing changed; empty on success.")


def _wrap(node_type, record):
    return node_type.from_record(record) if record else None


@strawberry.type
class SellingMutations:
    @strawberry.mutation(description="Register deals as DRAFTs (partner admin, manager, associate; for partners in "
                         "their scope, an associate for their own organization). All or nothing.",
                         metadata=requires(Action.REGISTER_DEALS))
    async def create_deal_registrations(
        self, info: Info,
        registrations: Annotated[list[CreateDealRegistrationInput], strawberry.argument(description="The deals.")],
    ) -> CreateDealRegistrationsPayload:
        outcome = await selling_writes.create_registrations(info.context, registrations)
        return CreateDealRegistrationsPayload(registrations=[_wrap(DealRegistration, r) for r in outcome.result or []],
                                              errors=user_errors(outcome.errors))

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
        outcome = await selling_writes.move_registration(info.context, registration, move.value, reason,
                                                            closure_code.value if closure_code else None)
        return DealRegistrationPayload(registration=_wrap(DealRegistration, outcome.result),
                                       errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Name the owner of a deal registration, replacing any previous one (partner "
                         "admin or manager for registrations in their scope, enterprise admin). The owner must be "
                         "staff of the registering partner; a partner associate sees the registrations they "
                         "submitted or own.", metadata=requires(Action.ASSIGN_DEALS))
    async def assign_deal_owner(
        self, info: Info, registration: RegistrationArg,
        owner: Annotated[strawberry.ID, strawberry.argument(
            description="Global ID of the new owner, a staff member of the registering partner.")],
    ) -> DealRegistrationPayload:
        outcome = await selling_writes.assign_owner(info.context, registration, owner)
        return DealRegistrationPayload(registration=_wrap(DealRegistration, outcome.result),
                                       errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Delete a DRAFT deal registration with its lines and comments (partner staff).",
                         metadata=requires(Action.REGISTER_DEALS))
    async def delete_deal_registration(self, info: Info, registration: RegistrationArg) -> DeleteDealRegistrationPayload:
        outcome = await selling_writes.delete_registration(info.context, registration)
        return DeleteDealRegistrationPayload(deleted_id=outcome.result, errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Comment on a deal registration; INTERNAL work notes are for enterprise staff only.",
                         metadata=requires(Action.SELL))
    async def add_deal_comment(
        self, info: Info, registration: RegistrationArg,
        body: Annotated[str, strawberry.argument(description="The text.")],
        visibility: Annotated[CommentVisibility, strawberry.argument(description="PARTNER or INTERNAL.")] = CommentVisibility.PARTNER,
    ) -> DealCommentPayload:
        outcome = await selling_writes.add_comment(info.context, registration, body, visibility.value)
        return DealCommentPayload(comment=_wrap(DealComment, outcome.result), errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Convert an APPROVED registration into a PROSPECTING opportunity; the "
                         "registration closes as CONVERTED.", metadata=requires(Action.SELL))
    async def convert_deal_registration(
        self, info: Info, registration: RegistrationArg,
        key: Annotated[str | None, strawberry.argument(description="Stable key of the opportunity; generated when left out.")] = None,
    ) -> OpportunityPayload:
        outcome = await selling_writes.convert_registration(info.context, registration, key)
        return OpportunityPayload(opportunity=_wrap(Opportunity, outcome.result), errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Move an opportunity forward through its stages, or close it won or lost.",
                         metadata=requires(Action.SELL))
    async def change_opportunity_stage(
        self, info: Info,
        opportunity: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the opportunity.")],
        stage: Annotated[OpportunityStage, strawberry.argument(description="The new stage.")],
    ) -> OpportunityPayload:
        outcome = await selling_writes.change_stage(info.context, opportunity, stage.value)
        return OpportunityPayload(opportunity=_wrap(Opportunity, outcome.result), errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Quote an open opportunity: a new DRAFT version revising the latest.",
                         metadata=requires(Action.SELL))
    async def create_quote(
        self, info: Info, quote: Annotated[CreateQuoteInput, strawberry.argument(description="The quote.")],
    ) -> QuotePayload:
        outcome = await selling_writes.create_quote(info.context, quote)
        return QuotePayload(quote=_wrap(Quote, outcome.result), errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Move a quote: SUBMITTED and ACCEPTED (partner; accepting places the order), "
                         "APPROVED or REJECTED (relationship manager or enterprise admin).",
                         metadata=requires(Action.SELL, Action.DECIDE_DEALS))
    async def change_quote_status(
        self, info: Info,
        quote: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the quote.")],
        status: Annotated[QuoteStatus, strawberry.argument(description="The new status.")],
    ) -> QuotePayload:
        outcome = await selling_writes.change_quote_status(info.context, quote, status.value)
        return QuotePayload(quote=_wrap(Quote, outcome.result), errors=user_errors(outcome.errors))

    @strawberry.mutation(description="Fulfil or cancel a PLACED order (enterprise admin).",
                         metadata=requires(Action.FULFIL_ORDERS))
    async def change_order_status(
        self, info: Info,
        order: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the order.")],
        status: Annotated[OrderStatus, strawberry.argument(description="The new status.")],
    ) -> OrderPayload:
        outcome = await selling_writes.change_order_status(info.context, order, status.value)
        return OrderPayload(order=_wrap(Order, outcome.result), errors=user_errors(outcome.errors))
