"""Writes of the partners domain (setup step 1): create channel partners, build the hierarchy, register
staff, assign relationship managers, create end-customer accounts."""

from __future__ import annotations

from typing import Any

from auth.permissions import Action, own_org_only
from graph.partners.records import AccountRecord, PartnerRecord, PersonRecord
from graph.partners.writes import AccountSetup, NewAccount, NewPartner, NewStaff, PartnerSetup
from resolvers.shared.checks import Checks
from resolvers.shared.context import RequestContext
from resolvers.shared.mutations import Outcome, run


async def create_accounts(ctx: RequestContext, items: list[Any]) -> Outcome[list[AccountRecord]]:
    async def work() -> list[AccountRecord]:
        checks = Checks()
        checks.batch(items, ("accounts",))
        accounts = []
        for index, item in enumerate(items):
            at = ("accounts", str(index))
            accounts.append(NewAccount(
                id=checks.key(item.key, "acct", at + ("key",)),
                name=checks.text(item.name, at + ("name",)),
                country=checks.country(item.country, at + ("country",)),
                industry=checks.text(item.industry, at + ("industry",), required=False, max_length=100),
                partner_id=checks.node_id(item.partner, "Partner", at + ("partner",)),
                field=at,
            ))
        checks.done()
        return await AccountSetup(ctx.graph, ctx.viewer.scope).create(accounts)

    return await run(ctx, Action.MANAGE_ACCOUNTS, work)


def _setup(ctx: RequestContext) -> PartnerSetup:
    return PartnerSetup(ctx.graph, ctx.viewer.scope)


async def create_partners(ctx: RequestContext, items: list[Any]) -> Outcome[list[PartnerRecord]]:
    async def work() -> list[PartnerRecord]:
        checks = Checks()
        checks.batch(items, ("partners",))
        partners = []
        for index, item in enumerate(items):
            at = ("partners", str(index))
            partners.append(NewPartner(
                id=checks.key(item.key, "p", at + ("key",)),
                name=checks.text(item.name, at + ("name",)),
                type=item.type.value,
                status=item.status.value,
                country=checks.country(item.country, at + ("country",)),
                currency=checks.currency(item.currency, at + ("currency",)),
                parent_id=checks.node_id(item.parent, "Partner", at + ("parent",)),
                field=at,
            ))
        checks.done()
        return await _setup(ctx).create(partners)

    return await run(ctx, Action.SETUP_PARTNERS, work)


async def set_parent(ctx: RequestContext, partner: str, parent: str | None, *,
                     attach_only: bool) -> Outcome[PartnerRecord]:
    async def work() -> PartnerRecord:
        checks = Checks()
        child_id = checks.node_id(partner, "Partner", ("partner",))
        parent_id = checks.node_id(parent, "Partner", ("parent",))
        checks.done()
        return await _setup(ctx).set_parent(child_id, parent_id, attach_only=attach_only, field=())

    return await run(ctx, Action.SETUP_PARTNERS, work)


async def update_partner(ctx: RequestContext, partner: str, name: str | None, country: str | None,
                         currency: str | None, status: str | None) -> Outcome[PartnerRecord]:
    async def work() -> PartnerRecord:
        checks = Checks()
        partner_id = checks.node_id(partner, "Partner", ("partner",))
        changes: dict[str, Any] = {}
        if name is not None:
            changes["name"] = checks.text(name, ("name",))
        if country is not None:
            changes["country"] = checks.country(country, ("country",))
        if currency is not None:
            changes["currency"] = checks.currency(currency, ("currency",))
        if status is not None:
            changes["status"] = status
        checks.done()
        return await _setup(ctx).update(partner_id, changes, field=())

    return await run(ctx, Action.SETUP_PARTNERS, work)


async def register_staff(ctx: RequestContext, items: list[Any]) -> Outcome[list[PersonRecord]]:
    async def work() -> list[PersonRecord]:
        checks = Checks()
        checks.batch(items, ("staff",))
        staff = []
        for index, item in enumerate(items):
            at = ("staff", str(index))
            staff.append(NewStaff(
                id=checks.key(item.key, "person", at + ("key",)),
                partner_id=checks.node_id(item.partner, "Partner", at + ("partner",)),
                name=checks.text(item.name, at + ("name",)),
                email=checks.email(item.email, at + ("email",)),
                role=item.role.value,
                field=at,
            ))
        checks.done()
        return await _setup(ctx).register_staff(staff, own_org_only(ctx.viewer, Action.MANAGE_STAFF))

    return await run(ctx, Action.MANAGE_STAFF, work)


async def change_staff(ctx: RequestContext, person: str, role: str | None) -> Outcome[PersonRecord]:
    """A new role for a staff member, or (role None) their removal from the organization."""

    async def work() -> PersonRecord:
        checks = Checks()
        person_id = checks.node_id(person, "Person", ("person",))
        checks.done()
        return await _setup(ctx).change_staff(person_id, role, own_org_only(ctx.viewer, Action.MANAGE_STAFF), field=())

    return await run(ctx, Action.MANAGE_STAFF, work)


async def set_relationship_manager(ctx: RequestContext, partner: str, manager: str,
                                   assigned: bool) -> Outcome[PartnerRecord]:
    async def work() -> PartnerRecord:
        checks = Checks()
        partner_id = checks.node_id(partner, "Partner", ("partner",))
        person_id = checks.node_id(manager, "Person", ("relationshipManager",))
        checks.done()
        return await _setup(ctx).set_relationship_manager(partner_id, person_id, assigned, field=())

    return await run(ctx, Action.ASSIGN_RELATIONSHIP_MANAGERS, work)
