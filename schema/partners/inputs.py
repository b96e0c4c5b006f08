"""Inputs of the partners domain: the partner filter and order, partners, staff and accounts to create."""

from __future__ import annotations

import strawberry

from graph.partners.records import PartnerFilter as PartnerFilterRecord
from resolvers.shared.global_ids import keys_of
from schema.partners.enums import OrderDirection, PartnerOrderField, PartnerRole, PartnerStatus, PartnerType


@strawberry.input(description="Narrows a partner listing; every field left out matches all.")
class PartnerFilter:
    types: list[PartnerType] | None = strawberry.field(default=None, description="Any of these partner types.")
    statuses: list[PartnerStatus] | None = strawberry.field(default=None, description="Any of these statuses.")
    countries: list[str] | None = strawberry.field(default=None, description="Any of these ISO country codes.")
    name_contains: str | None = strawberry.field(default=None, description="Case-insensitive part of the name.")
    programs: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Members (not terminated) of any of these programs, by global ID.")
    segments: list[strawberry.ID] | None = strawberry.field(
        default=None, description="In any of these segments now (partnership not terminated), by global ID.")

    def to_record(self) -> PartnerFilterRecord:
        return PartnerFilterRecord(
            types=tuple(t.value for t in self.types) if self.types is not None else None,
            statuses=tuple(s.value for s in self.statuses) if self.statuses is not None else None,
            countries=tuple(c.upper() for c in self.countries) if self.countries is not None else None,
            name_contains=self.name_contains or None,
            program_ids=keys_of(self.programs, "Program", "programs"),
            segment_ids=keys_of(self.segments, "Segment", "segments"),
        )


@strawberry.input(description="The order of a partner listing. Keep it the same across the pages of one listing.")
class PartnerOrder:
    field: PartnerOrderField = strawberry.field(default=PartnerOrderField.NAME, description="The field.")
    direction: OrderDirection = strawberry.field(default=OrderDirection.ASC, description="The direction.")


@strawberry.input(description="An end-customer account to create for a partner that serves it.")
class CreateAccountInput:
    partner: strawberry.ID = strawberry.field(description="Global ID of the serving partner.")
    name: str = strawberry.field(description="The customer's name.")
    country: str | None = strawberry.field(default=None, description="ISO 3166-1 alpha-2 country code.")
    industry: str | None = strawberry.field(default=None, description="Industry, free text.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")


@strawberry.input(description="A channel partner to create.")
class CreatePartnerInput:
    name: str = strawberry.field(description="Display name.")
    type: PartnerType = strawberry.field(description="The kind of partner.")
    status: PartnerStatus = strawberry.field(default=PartnerStatus.PROSPECT, description="Starting status.")
    country: str | None = strawberry.field(default=None, description="ISO 3166-1 alpha-2 country code.")
    currency: str | None = strawberry.field(default=None, description="ISO 4217 currency code.")
    parent: strawberry.ID | None = strawberry.field(
        default=None, description="Global ID of the parent: an existing partner or one earlier in the same batch.")
    key: str | None = strawberry.field(
        default=None, description="Stable key (the node id inside the global ID); generated when left out. "
        "Lets later items of a batch name this one as their parent.")


@strawberry.input(description="A partner staff member to register.")
class RegisterStaffInput:
    partner: strawberry.ID = strawberry.field(description="Global ID of the partner they work for.")
    name: str = strawberry.field(description="Full name.")
    email: str = strawberry.field(description="Work e-mail address, unique among people.")
    role: PartnerRole = strawberry.field(description="Role in the organization.")
    key: str | None = strawberry.field(default=None, description="Stable key; generated when left out.")
