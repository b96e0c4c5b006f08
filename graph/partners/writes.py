"""Writes of the partners domain (setup step 1): create channel partners, build the hierarchy, register
staff, create end-customer accounts.

Every method runs in one write transaction: it reads what the change depends on (locking what it
will change), raises `Rejected` with every problem found, or writes. A rejected batch writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graph.partners.lifecycle import PARTNER_STATUS
from graph.partners.records import AccountRecord, PartnerRecord, PersonRecord
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError, reject_if
from graph.shared.lifecycle import check_transition

Field = tuple[str, ...]


@dataclass(frozen=True)
class NewPartner:
    id: str
    name: str
    type: str
    status: str
    country: str | None
    currency: str | None
    parent_id: str | None
    field: Field  # where this item sits in the input, for error paths


@dataclass(frozen=True)
class NewStaff:
    id: str
    partner_id: str
    name: str
    email: str
    role: str
    field: Field


class PartnerSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def create(self, items: list[NewPartner]) -> list[PartnerRecord]:
        async def work(tx: CountingTransaction) -> list[PartnerRecord]:
            earlier: set[str] = set()
            errors: list[UserError] = []
            existing_parents = [i.parent_id for i in items if i.parent_id]
            (facts,) = await tx.query("partners/writes/create_partners_check", keys=[i.id for i in items],
                                      parentIds=existing_parents, scope=self.scope)
            taken, missing = set(facts["takenKeys"]), set(facts["missingParents"])
            for item in items:
                if item.id in taken or item.id in earlier:
                    errors.append(UserError(ErrorCode.CONFLICT, f"a partner with key {item.id!r} exists",
                                            item.field + ("key",)))
                if item.parent_id and item.parent_id in missing and item.parent_id not in earlier:
                    later = any(other.id == item.parent_id for other in items)
                    errors.append(UserError(
                        ErrorCode.VALIDATION if later else ErrorCode.NOT_FOUND,
                        "the parent must come earlier in the batch" if later else "parent partner not found",
                        item.field + ("parent",)))
                earlier.add(item.id)
            reject_if(errors)
            rows = await tx.query("partners/writes/create_partners", rows=[_partner_row(i) for i in items])
            return [PartnerRecord.from_map(row["partner"]) for row in rows]

        return await self.session.write_transaction(work)

    async def set_parent(self, child_id: str, parent_id: str | None, *, attach_only: bool,
                         field: Field) -> PartnerRecord:
        """Attach (`attach_only`: the partner must have no parent), move with the whole subtree, or detach."""

        async def work(tx: CountingTransaction) -> PartnerRecord:
            await tx.query("partners/writes/lock_hierarchy")
            (facts,) = await tx.query("partners/writes/hierarchy_check", childId=child_id, parentId=parent_id,
                                      scope=self.scope)
            errors = []
            if not facts["childFound"]:
                errors.append(UserError(ErrorCode.NOT_FOUND, "partner not found", field + ("partner",)))
            if parent_id is not None and not facts["parentFound"]:
                errors.append(UserError(ErrorCode.NOT_FOUND, "parent partner not found", field + ("parent",)))
            reject_if(errors)
            if parent_id == child_id:
                raise Rejected([UserError(ErrorCode.VALIDATION, "a partner cannot be its own parent",
                                          field + ("parent",))])
            if facts["wouldCycle"]:
                raise Rejected([UserError(ErrorCode.VALIDATION,
                                          "the new parent is inside this partner's subtree: that would make a cycle",
                                          field + ("parent",))])
            if attach_only and facts["hasParent"]:
                raise Rejected([UserError(ErrorCode.CONFLICT,
                                          "the partner already has a parent; a partner has at most one "
                                          "(use movePartner to move it with its subtree)", field + ("partner",))])
            (row,) = await tx.query("partners/writes/set_parent", childId=child_id, parentId=parent_id)
            return PartnerRecord.from_map(row["partner"])

        return await self.session.write_transaction(work)

    async def update(self, partner_id: str, changes: dict[str, Any], field: Field) -> PartnerRecord:
        """Change profile fields and, through the partner state machine, the status."""

        async def work(tx: CountingTransaction) -> PartnerRecord:
            rows = await tx.query("partners/writes/lock_partner", id=partner_id, scope=self.scope)
            if not rows:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "partner not found", field + ("partner",))])
            current = rows[0]["partner"]
            if "status" in changes and changes["status"] != current["status"]:
                check_transition(PARTNER_STATUS, "a partner", current["status"], changes["status"], field + ("status",))
            (row,) = await tx.query("partners/writes/update_partner", id=partner_id, changes=changes)
            return PartnerRecord.from_map(row["partner"])

        return await self.session.write_transaction(work)

    async def register_staff(self, items: list[NewStaff], own_org: str | None) -> list[PersonRecord]:
        async def work(tx: CountingTransaction) -> list[PersonRecord]:
            (facts,) = await tx.query("partners/writes/staff_check", partnerIds=sorted({i.partner_id for i in items}),
                                      keys=[i.id for i in items], emails=[i.email for i in items],
                                      scope=self.scope, ownOrg=own_org)
            unreachable, not_own, taken_keys, taken_emails = (
                set(facts[k]) for k in ("unreachable", "notOwn", "takenKeys", "takenEmails"))
            errors, keys, emails = [], set(), set()
            for item in items:
                if item.partner_id in unreachable:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "partner not found", item.field + ("partner",)))
                elif item.partner_id in not_own:
                    errors.append(UserError(ErrorCode.FORBIDDEN, "a partner admin registers staff of their own "
                                            "organization only", item.field + ("partner",)))
                if item.id in taken_keys or item.id in keys:
                    errors.append(UserError(ErrorCode.CONFLICT, f"a person with key {item.id!r} exists",
                                            item.field + ("key",)))
                if item.email in taken_emails or item.email in emails:
                    errors.append(UserError(ErrorCode.CONFLICT, f"{item.email} is already registered",
                                            item.field + ("email",)))
                keys.add(item.id)
                emails.add(item.email)
            reject_if(errors)
            rows = await tx.query("partners/writes/staff_register", rows=[
                {"id": i.id, "partnerId": i.partner_id, "name": i.name, "email": i.email,
                 "role": i.role} for i in items])
            return [PersonRecord.from_map(row["person"]) for row in rows]

        return await self.session.write_transaction(work)

    async def change_staff(self, person_id: str, role: str | None, own_org: str | None, field: Field) -> PersonRecord:
        """Give a staff member another role, or (role None) remove them from their organization."""

        async def work(tx: CountingTransaction) -> PersonRecord:
            rows = await tx.query("partners/writes/staff_lock", personId=person_id, scope=self.scope)
            if not rows:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "staff member not found", field + ("person",))])
            (facts,) = rows
            if own_org is not None and facts["partnerId"] != own_org:
                raise Rejected([UserError(ErrorCode.FORBIDDEN, "a partner admin manages their own organization's "
                                          "staff only", field + ("person",))])
            if facts["person"]["partnerRole"] == "ADMIN" and role != "ADMIN" and facts["admins"] <= 1:
                raise Rejected([UserError(ErrorCode.VALIDATION, "an organization keeps at least one admin",
                                          field + ("person",))])
            if role is None:
                (row,) = await tx.query("partners/writes/staff_remove", personId=person_id)
            else:
                (row,) = await tx.query("partners/writes/staff_set_role", personId=person_id, role=role)
            return PersonRecord.from_map(row["person"])

        return await self.session.write_transaction(work)

    async def set_relationship_manager(self, partner_id: str, person_id: str, assigned: bool,
                                       field: Field) -> PartnerRecord:
        async def work(tx: CountingTransaction) -> PartnerRecord:
            (facts,) = await tx.query("partners/writes/manager_check", partnerId=partner_id, personId=person_id,
                                      scope=self.scope)
            errors = []
            if not facts["partnerFound"]:
                errors.append(UserError(ErrorCode.NOT_FOUND, "partner not found", field + ("partner",)))
            if not facts["isManager"]:
                errors.append(UserError(ErrorCode.VALIDATION, "not an enterprise relationship manager",
                                        field + ("relationshipManager",)))
            reject_if(errors)
            query = "partners/writes/manager_assign" if assigned else "partners/writes/manager_unassign"
            (row,) = await tx.query(query, partnerId=partner_id, personId=person_id)
            return PartnerRecord.from_map(row["partner"])

        return await self.session.write_transaction(work)


def _partner_row(item: NewPartner) -> dict[str, Any]:
    return {"id": item.id, "name": item.name, "type": item.type, "status": item.status, "country": item.country,
            "currency": item.currency, "parentId": item.parent_id}


@dataclass(frozen=True)
class NewAccount:
    id: str
    name: str
    country: str | None
    industry: str | None
    partner_id: str
    field: tuple[str, ...]


class AccountSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def create(self, items: list[NewAccount]) -> list[AccountRecord]:
        async def work(tx: CountingTransaction) -> list[AccountRecord]:
            (facts,) = await tx.query("partners/writes/create_accounts_check",
                                      partnerIds=sorted({i.partner_id for i in items}),
                                      keys=[i.id for i in items], scope=self.scope)
            unreachable, taken = set(facts["unreachable"]), set(facts["takenKeys"])
            errors, keys = [], set()
            for item in items:
                if item.partner_id in unreachable:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "partner not found", item.field + ("partner",)))
                if item.id in taken or item.id in keys:
                    errors.append(UserError(ErrorCode.CONFLICT, f"an account with key {item.id!r} exists",
                                            item.field + ("key",)))
                keys.add(item.id)
            reject_if(errors)
            rows = await tx.query("partners/writes/create_accounts", rows=[
                {"id": i.id, "name": i.name, "country": i.country, "industry": i.industry, "partnerId": i.partner_id}
                for i in items])
            return [AccountRecord.from_map(row["account"]) for row in rows]

        return await self.session.write_transaction(work)
