"""Inputs of the selling domain: deal registrations and their lines, quotes."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.selling.enums import (
    MinorUnits,
)


@strawberry.input(description="A product and quantity; a unit price in the deal's currency (required on quotes).")
class LineItemInput:
    product: strawberry.ID = strawberry.field(description="Global ID of the product.")
    quantity: int = strawberry.field(description="How many units; positive.")
    unit_price: MinorUnits | None = strawberry.field(default=None, description="Price per unit in minor units; not "
                                                                               "negative.")


@strawberry.input(description="A deal to register (as a DRAFT).")
class CreateDealRegistrationInput:
    partner: strawberry.ID = strawberry.field(description="Global ID of the registering partner, in the viewer's scope "
                                              "(an associate: their own organization).")
    account: strawberry.ID = strawberry.field(description="Global ID of the end-customer account.")
    program: strawberry.ID = strawberry.field(description="Global ID of an APPROVED program.")
    name: str = strawberry.field(description="What the deal is.")
    estimated_amount: MinorUnits = strawberry.field(description="Estimated value in minor units; not negative.")
    currency: str = strawberry.field(description="ISO 4217 currency code.")
    expected_close_date: date | None = strawberry.field(default=None, description="Expected close date.")
    lines: list[LineItemInput] | None = strawberry.field(default=None, description="Products and quantities.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")
    owner: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the owner, staff of the registering partner; an associate may "
        "name only themselves. The owner (like the submitter) sees the deal even as an associate.")
    fund_request: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the fund request (the MDF campaign) that generated the deal: "
        "APPROVED, visible to the viewer, drawing on an allocation to the registering partner or a partner above it.")


@strawberry.input(description="A new quote version on an opportunity; it revises the latest one.")
class CreateQuoteInput:
    opportunity: strawberry.ID = strawberry.field(description="Global ID of an open opportunity.")
    currency: str = strawberry.field(description="ISO 4217 code; must be the opportunity's currency.")
    lines: list[LineItemInput] = strawberry.field(description="At least one line, each with a unit price.")
    discount_percent: float | None = strawberry.field(default=None, description="Discount in percent, 0 to 100.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")
