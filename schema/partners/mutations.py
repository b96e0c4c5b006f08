"""Mutations of the partners domain (setup step 1): channel partners, the hierarchy, staff, relationship
managers, end-customer accounts."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.partners import writes as partners_writes
from schema.partners.enums import PartnerRole, PartnerStatus
from schema.partners.inputs import CreateAccountInput, CreatePartnerInput, RegisterStaffInput
from schema.partners.types import Account, Partner, Person
from schema.shared.admission import requires
from schema.shared.payloads import NOTHING_CREATED, Result, payload

CreateAccountsPayload = payload("CreateAccountsPayload", "Result of createAccounts.",
                                Result("accounts", Account, "The accounts created, in input order", many=True),
                                errors=NOTHING_CREATED)


@strawberry.type
class AccountMutations:
    @strawberry.mutation(description="Create end-customer accounts (enterprise admin; partner admin or manager "
                         "for partners in their scope). All or nothing.", metadata=requires(Action.MANAGE_ACCOUNTS))
    async def create_accounts(
        self, info: Info,
        accounts: Annotated[list[CreateAccountInput], strawberry.argument(description="The accounts to create.")],
    ) -> CreateAccountsPayload:
        return CreateAccountsPayload.from_outcome(await partners_writes.create_accounts(info.context, accounts))


CreatePartnersPayload = payload("CreatePartnersPayload", "Result of createPartners.",
                                Result("partners", Partner, "The partners created, in input order", many=True),
                                errors=NOTHING_CREATED)


PartnerPayload = payload("PartnerPayload", "Result of a mutation on one partner.",
                         Result("partner", Partner, "The partner as it is now"))


RegisterStaffPayload = payload("RegisterStaffPayload", "Result of registerStaff.",
                               Result("staff", Person, "The people registered, in input order", many=True),
                               errors="Why nobody was registered")


StaffPayload = payload("StaffPayload", "Result of a change to one staff member.",
                       Result("person", Person, "The person as they are now"))


PartnerArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the partner.")]

PersonArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the person.")]

ManagerArg = Annotated[strawberry.ID, strawberry.argument(
    description="Global ID of the relationship manager (a Person).")]


@strawberry.type
class PartnerSetupMutations:
    @strawberry.mutation(description="Create channel partners, optionally under parents (enterprise admin). "
                         "All or nothing: one bad item and none is created.", metadata=requires(Action.SETUP_PARTNERS))
    async def create_partners(
        self, info: Info,
        partners: Annotated[list[CreatePartnerInput], strawberry.argument(description="The partners, parents first.")],
    ) -> CreatePartnersPayload:
        return CreatePartnersPayload.from_outcome(await partners_writes.create_partners(info.context, partners))

    @strawberry.mutation(description="Put a partner without a parent under a parent (enterprise admin).",
                         metadata=requires(Action.SETUP_PARTNERS))
    async def attach_partner(
        self, info: Info, partner: PartnerArg,
        parent: Annotated[strawberry.ID, strawberry.argument(description="The new parent.")],
    ) -> PartnerPayload:
        return PartnerPayload.from_outcome(
            await partners_writes.set_parent(info.context, partner, parent, attach_only=True))

    @strawberry.mutation(description="Move a partner with its whole subtree under another parent, or make it a "
                         "root when `parent` is null (enterprise admin). Cycles are refused.",
                         metadata=requires(Action.SETUP_PARTNERS))
    async def move_partner(
        self, info: Info, partner: PartnerArg,
        parent: Annotated[strawberry.ID | None, strawberry.argument(description="The new parent; null for none.")],
    ) -> PartnerPayload:
        return PartnerPayload.from_outcome(
            await partners_writes.set_parent(info.context, partner, parent, attach_only=False))

    @strawberry.mutation(description="Detach a partner (with its subtree) from its parent (enterprise admin).",
                         metadata=requires(Action.SETUP_PARTNERS))
    async def detach_partner(self, info: Info, partner: PartnerArg) -> PartnerPayload:
        return PartnerPayload.from_outcome(
            await partners_writes.set_parent(info.context, partner, None, attach_only=False))

    @strawberry.mutation(description="Change a partner's profile, or its status along PROSPECT → ACTIVE ⇄ "
                         "SUSPENDED → TERMINATED (enterprise admin).", metadata=requires(Action.SETUP_PARTNERS))
    async def update_partner(
        self, info: Info, partner: PartnerArg,
        name: Annotated[str | None, strawberry.argument(description="New display name.")] = None,
        country: Annotated[str | None, strawberry.argument(description="New ISO country code.")] = None,
        currency: Annotated[str | None, strawberry.argument(description="New ISO currency code.")] = None,
        status: Annotated[PartnerStatus | None, strawberry.argument(description="New status.")] = None,
    ) -> PartnerPayload:
        return PartnerPayload.from_outcome(await partners_writes.update_partner(
            info.context, partner, name, country, currency, status.value if status else None))

    @strawberry.mutation(description="Register partner staff (enterprise admin, or a partner admin for their "
                         "own organization). All or nothing.", metadata=requires(Action.MANAGE_STAFF))
    async def register_staff(
        self, info: Info,
        staff: Annotated[list[RegisterStaffInput], strawberry.argument(description="The people to register.")],
    ) -> RegisterStaffPayload:
        return RegisterStaffPayload.from_outcome(await partners_writes.register_staff(info.context, staff))

    @strawberry.mutation(description="Give a staff member another role; an organization keeps at least one admin.",
                         metadata=requires(Action.MANAGE_STAFF))
    async def change_staff_role(
        self, info: Info, person: PersonArg,
        role: Annotated[PartnerRole, strawberry.argument(description="The new role.")],
    ) -> StaffPayload:
        return StaffPayload.from_outcome(await partners_writes.change_staff(info.context, person, role.value))

    @strawberry.mutation(description="Remove a staff member from their organization (the person record stays).",
                         metadata=requires(Action.MANAGE_STAFF))
    async def remove_staff(self, info: Info, person: PersonArg) -> StaffPayload:
        return StaffPayload.from_outcome(await partners_writes.change_staff(info.context, person, None))

    @strawberry.mutation(description="Assign an enterprise relationship manager to a partner (enterprise admin).",
                         metadata=requires(Action.ASSIGN_RELATIONSHIP_MANAGERS))
    async def assign_relationship_manager(self, info: Info, partner: PartnerArg,
                                          relationship_manager: ManagerArg) -> PartnerPayload:
        return PartnerPayload.from_outcome(await partners_writes.set_relationship_manager(
            info.context, partner, relationship_manager, assigned=True))

    @strawberry.mutation(description="Take a relationship manager off a partner (enterprise admin).",
                         metadata=requires(Action.ASSIGN_RELATIONSHIP_MANAGERS))
    async def unassign_relationship_manager(self, info: Info, partner: PartnerArg,
                                            relationship_manager: ManagerArg) -> PartnerPayload:
        return PartnerPayload.from_outcome(await partners_writes.set_relationship_manager(
            info.context, partner, relationship_manager, assigned=False))
