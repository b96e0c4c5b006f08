"""Inputs of the cases domain: the case filter and the case to open."""

from __future__ import annotations

import strawberry

from schema.cases.enums import CasePriority, CaseStatus


@strawberry.input(description="Narrows a case listing; every field left out matches all.")
class CaseFilter:
    status: list[CaseStatus] | None = strawberry.field(default=None, description="Any of these statuses.")
    priority: list[CasePriority] | None = strawberry.field(default=None, description="Any of these priorities.")
    open: bool | None = strawberry.field(
        default=None, description="true: NEW, IN_PROGRESS or AWAITING_PARTNER only; false: the others only.")
    breached: bool | None = strawberry.field(
        default=None, description="true: cases that breached their response or resolution target (as of now); "
        "false: cases that did not. Cancelled cases never breach.")
    account: strawberry.ID | None = strawberry.field(default=None, description="Cases for this account (global ID).")
    opened_by: strawberry.ID | None = strawberry.field(default=None, description="Cases opened by this person (global "
                                                                                 "ID).")
    queue: strawberry.ID | None = strawberry.field(default=None, description="Cases in this queue (global ID).")


@strawberry.input(description="A case to open for the viewer's organization, a partner below it, or one of "
                  "their end-customer accounts.")
class OpenCaseInput:
    partner: strawberry.ID = strawberry.field(description="Global ID of the partner the case is for (in the "
                                              "opener's scope).")
    subject: str = strawberry.field(description="One-line summary.")
    description: str | None = strawberry.field(default=None, description="The details.")
    category: str | None = strawberry.field(default=None, description="Category, free text.")
    priority: CasePriority = strawberry.field(default=CasePriority.P3, description="Priority; P3 when left out.")
    account: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the end-customer account, served by the partner or one below it.")
    about: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of a Product, Order or DealRegistration the case is about.")
    owner: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the partner-side owner, staff of the partner.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")
