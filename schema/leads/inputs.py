"""Inputs of the leads domain: leads, routing rules, filters."""

from __future__ import annotations

import strawberry

from schema.leads.enums import LeadSource, LeadStatus
from schema.partners.enums import PartnerType
from schema.selling.enums import MinorUnits


@strawberry.input(description="An end-customer lead to enter (NEW until routed).")
class CreateLeadInput:
    name: str = strawberry.field(description="What the lead is, e.g. \"Acme: CRM for 200 seats\".")
    company: str = strawberry.field(description="The end customer's company; conversion matches accounts by it.")
    contact_name: str = strawberry.field(description="Whom to contact there.")
    contact_email: str = strawberry.field(description="Their e-mail address.")
    country: str = strawberry.field(description="ISO 3166-1 alpha-2 code; routing offers the lead to partners there.")
    estimated_amount: MinorUnits = strawberry.field(description="Estimated value in minor units; not negative.")
    currency: str = strawberry.field(description="ISO 4217 currency code.")
    source: LeadSource = strawberry.field(description="Where it came from.")
    product: strawberry.ID | None = strawberry.field(default=None, description="Global ID of the product of "
                                                     "interest; rules may require partners specializing in it.")
    key: str | None = strawberry.field(default=None, description="Stable key (letters, digits, . _ -); generated when "
                                       "left out.")


@strawberry.input(description="A lead routing rule. Rules are tried by priority (lowest first); the first that names "
                  "an eligible partner routes the lead. A rule names the ACTIVE partners in the lead's country that "
                  "meet all its conditions (an empty list: no condition).")
class CreateLeadRoutingRuleInput:
    name: str = strawberry.field(description="What the rule is for.")
    priority: int = strawberry.field(description="Lower is tried first; 0 to 1000000.")
    countries: list[str] = strawberry.field(default_factory=list, description="Only leads from these countries (ISO "
                                            "3166-1 alpha-2).")
    partner_types: list[PartnerType] = strawberry.field(default_factory=list, description="Only partners of these "
                                                        "types.")
    program: strawberry.ID | None = strawberry.field(default=None, description="Only partners with an ACTIVE "
                                                     "partnership in this program.")
    segments: list[strawberry.ID] = strawberry.field(default_factory=list, description="Only partners at one of "
                                                     "these segments of the program.")
    require_specialization: bool = strawberry.field(default=False, description="Only partners that declare the "
                                                    "lead's product among their specializations.")
    capacity: int | None = strawberry.field(default=None, description="At most this many open leads (ROUTED or "
                                            "ACCEPTED) per partner; no limit when null.")
    accept_hours: int = strawberry.field(default=48, description="Hours a partner has to accept (1 to 2160).")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.input(description="Which leads to list.")
class LeadFilter:
    statuses: list[LeadStatus] | None = strawberry.field(default=None, description="Only these statuses.")
    partner_subtree: strawberry.ID | None = strawberry.field(default=None, description="Only leads routed to this "
                                                             "partner or a partner below it.")
    country: str | None = strawberry.field(default=None, description="Only leads from this country.")
