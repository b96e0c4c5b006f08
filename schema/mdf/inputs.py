"""Inputs of the market development funds domain: budgets, allocations, fund requests, fund claims and their proofs
of performance, filters."""

from __future__ import annotations

from datetime import date

import strawberry

from schema.mdf.enums import FundRequestStatus, MarketingActivityType
from schema.selling.enums import MinorUnits


@strawberry.input(description="A market development funds budget of a program for a fiscal period.")
class CreateMdfBudgetInput:
    program: strawberry.ID = strawberry.field(description="Global ID of the program it funds (not RETIRED).")
    name: str = strawberry.field(description="What the budget is, e.g. \"Reseller MDF FY2027 Q1\".")
    fiscal_period: str = strawberry.field(description="FY and the year, optionally -Q1 to -Q4 or -H1, -H2: "
                                          "\"FY2027-Q1\".")
    start_date: date = strawberry.field(description="The fiscal period's first day.")
    end_date: date = strawberry.field(description="The fiscal period's last day.")
    currency: str = strawberry.field(description="ISO 4217 code: allocations, fund requests and claims from this "
                                     "budget are in it.")
    amount: MinorUnits = strawberry.field(description="In minor units; more than zero.")
    claim_days: int = strawberry.field(default=60, description="Days after a funded activity's end date its claim "
                                       "may still be submitted (0 to 366).")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.input(description="An allocation of funds to a partner: from a budget (enterprise admin) or passed down "
                  "from an allocation to a partner below the one holding it (enterprise admin, or the admin of the "
                  "partner holding it).")
class AllocateFundsInput:
    source: strawberry.ID = strawberry.field(description="Global ID of the MdfBudget or FundAllocation it is drawn "
                                             "from.")
    partner: strawberry.ID = strawberry.field(description="Global ID of an ACTIVE partner: with an ACTIVE partnership "
                                              "in the budget's program (from a budget), or below the partner holding "
                                              "the allocation (passed down).")
    amount: MinorUnits = strawberry.field(description="In minor units of the source's currency; more than zero and "
                                          "no more than is left of the source.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.input(description="A fund request: a marketing activity the partner proposes to pay for from its "
                  "organization's allocation.")
class SubmitFundRequestInput:
    allocation: strawberry.ID = strawberry.field(description="Global ID of an allocation to the viewer's "
                                                 "organization.")
    name: str = strawberry.field(description="The campaign's name; deal registrations it generates name it.")
    activity_type: MarketingActivityType = strawberry.field(description="What kind of activity.")
    description: str = strawberry.field(description="What will be done, for whom, and the expected result.")
    start_date: date = strawberry.field(description="The activity's first day.")
    end_date: date = strawberry.field(description="The activity's last day; claims are due after it, within the "
                                      "budget's claim days.")
    amount: MinorUnits = strawberry.field(description="Requested, in minor units; no more than is left of the "
                                          "allocation.")
    currency: str = strawberry.field(description="ISO 4217 code; must be the allocation's (a request in another "
                                     "currency is refused, never converted: docs/MDF.md).")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.input(description="A file that proves the activity took place, as metadata: the bytes stay in the "
                  "partner's or the enterprise's file storage.")
class ProofOfPerformanceInput:
    name: str = strawberry.field(description="The file's name.")
    content_type: str = strawberry.field(description="Its media type, e.g. application/pdf.")
    size: int = strawberry.field(description="Its size in bytes.")
    checksum: str = strawberry.field(description="sha256: and the file's SHA-256 in lower-case hexadecimal.")
    storage_ref: str = strawberry.field(description="Where the file is stored (opaque to PartnerGraph).")


@strawberry.input(description="A claim for the money an APPROVED fund request's activity spent.")
class SubmitFundClaimInput:
    request: strawberry.ID = strawberry.field(description="Global ID of an APPROVED fund request of the viewer's "
                                              "organization whose activity has ended.")
    amount: MinorUnits = strawberry.field(description="Claimed, in minor units of the request's currency; at most "
                                          "the approved amount less what other live claims claim.")
    proofs: list[ProofOfPerformanceInput] = strawberry.field(description="Proofs of performance: 1 to 20.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.input(description="Which fund requests to list.")
class FundRequestFilter:
    statuses: list[FundRequestStatus] | None = strawberry.field(default=None, description="Only these statuses.")
    partner_subtree: strawberry.ID | None = strawberry.field(default=None, description="Only requests against "
                                                             "allocations to this partner or a partner below it.")
