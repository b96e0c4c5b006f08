"""Selling writes: deal registrations through their lifecycle (with conflict detection, decisions and
protection), conversion to opportunities, quote versions, orders, and expiry.

Every method runs in one write transaction: it locks what it changes (a version bump), reads the facts,
raises `Rejected` with every problem found, or writes. Every write in a lineage sets the registration's
`lineageChangedAt`. "Now" always comes from the caller (the request's clock), never from Cypher.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from graph.selling.lifecycle import DEAL_REGISTRATION_STATUS, OPPORTUNITY_STAGE, ORDER_STATUS, QUOTE_STATUS
from graph.selling.records import CommentRecord, OpportunityRecord, OrderRecord, QuoteRecord
from graph.shared.changes import SYSTEM, Actor
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError, reject_if
from graph.shared.lifecycle import check_transition

Field = tuple[str, ...]

DECIDED = ("APPROVED", "REJECTED", "CLOSED", "CANCELLED")


@dataclass(frozen=True)
class NewLine:
    product_id: str
    quantity: int
    unit_price: int | None


@dataclass(frozen=True)
class NewRegistration:
    id: str
    name: str
    partner_id: str
    account_id: str
    program_id: str
    estimated_amount: int
    currency: str
    expected_close_date: date | None
    lines: list[NewLine]
    field: Field
    owner_id: str | None = None
    fund_request_id: str | None = None  # the fund request (campaign) that generated it


def _line_rows(lines: list[NewLine]) -> list[dict[str, Any]]:
    return [{"id": f"li-{uuid.uuid4().hex[:16]}", "productId": li.product_id, "quantity": li.quantity,
             "unitPrice": li.unit_price} for li in lines]


class DealSetup:
    def __init__(self, session: GraphSession, scope: dict[str, Any], person_id: str, now: datetime,
                 protection_days: int = 90, review_days: int = 14):
        self.session = session
        self.scope = scope
        self.person_id = person_id
        self.now = now
        self.protection_days = protection_days
        self.review_days = review_days

    # Registrations -----------------------------------------------------------------------------
    async def create(self, items: list[NewRegistration]) -> list[str]:
        async def work(tx: CountingTransaction) -> list[str]:
            facts = await tx.query("selling/writes/create_check", scope=self.scope,
                                   items=[{"index": n, "id": i.id, "partnerId": i.partner_id,
                                           "accountId": i.account_id, "programId": i.program_id,
                                           "ownerId": i.owner_id, "fundRequestId": i.fund_request_id,
                                           "productIds": [li.product_id for li in i.lines]}
                                          for n, i in enumerate(items)])
            errors: list[UserError] = []
            keys: set[str] = set()
            for item, fact in zip(items, facts, strict=True):
                at = item.field
                if fact["keyTaken"] or item.id in keys:
                    errors.append(UserError(ErrorCode.CONFLICT, f"a deal registration with key {item.id!r} exists",
                                            at + ("key",)))
                keys.add(item.id)
                if not fact["partnerFound"]:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "partner not found", at + ("partner",)))
                elif self.scope["ownOnly"] and item.partner_id not in self.scope["orgs"]:
                    errors.append(UserError(ErrorCode.FORBIDDEN, "an associate registers deals for their own "
                                            "organization only", at + ("partner",)))
                if not fact["accountFound"]:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "account not found", at + ("account",)))
                if fact["programStatus"] is None:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "program not found", at + ("program",)))
                elif fact["programStatus"] != "APPROVED":
                    errors.append(UserError(ErrorCode.VALIDATION, "deals are registered in APPROVED programs only",
                                            at + ("program",)))
                if item.owner_id is not None:
                    if self.scope["ownOnly"] and item.owner_id != self.person_id:
                        errors.append(UserError(ErrorCode.FORBIDDEN, "an associate may name only themselves as "
                                                "owner", at + ("owner",)))
                    elif fact["partnerFound"] and not fact["ownerStaff"]:
                        errors.append(UserError(ErrorCode.VALIDATION, "the owner must be staff of the partner",
                                                at + ("owner",)))
                if item.fund_request_id is not None:
                    if not fact["fundRequestFound"]:
                        errors.append(UserError(ErrorCode.NOT_FOUND, "fund request not found", at + ("fundRequest",)))
                    elif fact["fundRequestStatus"] != "APPROVED":
                        errors.append(UserError(ErrorCode.VALIDATION, "only an APPROVED fund request generates deals",
                                                at + ("fundRequest",)))
                    elif fact["partnerFound"] and not fact["fundRequestOfPartner"]:
                        errors.append(UserError(ErrorCode.VALIDATION, "the fund request must draw on an allocation "
                                                "to the registering partner or a partner above it",
                                                at + ("fundRequest",)))
                unknown = set(fact["unknownProducts"])
                for n, line in enumerate(item.lines):
                    if line.product_id in unknown:
                        errors.append(UserError(ErrorCode.NOT_FOUND, "product not found",
                                                at + ("lines", str(n), "product")))
            reject_if(errors)
            rows = [{"id": i.id, "name": i.name, "partnerId": i.partner_id, "accountId": i.account_id,
                     "programId": i.program_id, "estimatedAmount": i.estimated_amount, "currency": i.currency,
                     "expectedCloseDate": i.expected_close_date, "ownerId": i.owner_id,
                     "fundRequestId": i.fund_request_id,
                     "lines": _line_rows(i.lines)} for i in items]
            created = await tx.query("selling/writes/create", rows=rows, personId=self.person_id, now=self.now)
            return [row["id"] for row in created]

        return await self.session.write_transaction(work)

    async def move(self, registration_id: str, status: str, field: Field, *, reason: str | None = None,
                   closure_code: str | None = None) -> str:
        """Any move of DEAL_REGISTRATION_STATUS but conversion; submission detects conflicts. Deciding a
        registration someone else decided a moment ago is a CONFLICT."""

        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock(tx, registration_id, field)
            current = facts["status"]
            if status in ("APPROVED", "REJECTED") and current in DECIDED:
                raise Rejected([UserError(ErrorCode.CONFLICT, f"the registration was already decided ({current})",
                                          field + ("registration",))])
            check_transition(DEAL_REGISTRATION_STATUS, "a deal registration", current, status, field + ("status",))
            if status == "CLOSED" and closure_code == "CONVERTED":
                raise Rejected([UserError(ErrorCode.VALIDATION, "convert an approved registration to close it as "
                                          "CONVERTED", field + ("closureCode",))])
            await tx.query("selling/writes/set_status", id=registration_id, status=status, now=self.now,
                           personId=self.person_id, reason=reason, closureCode=closure_code,
                           reviewDays=self.review_days, protectionDays=self.protection_days)
            if status == "SUBMITTED":
                await tx.query("selling/writes/detect_conflicts", id=registration_id, now=self.now)
            return registration_id

        return await self.session.write_transaction(work)

    async def assign_owner(self, registration_id: str, owner_id: str, field: Field) -> str:
        """Name the owner of a registration in scope (NOT_FOUND otherwise), replacing any previous one; the
        owner must be staff (MEMBER_OF) of the registering partner itself (VALIDATION otherwise)."""

        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock(tx, registration_id, field)
            (staff,) = await tx.query("selling/writes/owner_staff", ownerId=owner_id, partnerId=facts["partnerId"])
            if not staff["staff"]:
                raise Rejected([UserError(ErrorCode.VALIDATION, "the owner must be staff of the registration's "
                                          "partner", field + ("owner",))])
            await tx.query("selling/writes/set_owner", id=registration_id, ownerId=owner_id, now=self.now)
            return registration_id

        return await self.session.write_transaction(work)

    async def delete(self, registration_id: str, field: Field) -> str:
        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock(tx, registration_id, field)
            if facts["status"] != "DRAFT":
                raise Rejected([UserError(ErrorCode.INVALID_TRANSITION, f"only a DRAFT registration can be deleted; "
                                          f"this one is {facts['status']}", field + ("registration",))])
            await tx.query("selling/writes/delete", id=registration_id)
            return registration_id

        return await self.session.write_transaction(work)

    async def comment(self, registration_id: str, body: str, visibility: str, field: Field) -> CommentRecord:
        async def work(tx: CountingTransaction) -> CommentRecord:
            await self._lock(tx, registration_id, field)
            (row,) = await tx.query("selling/writes/comment", id=registration_id, personId=self.person_id,
                                    commentId=f"cmt-{uuid.uuid4().hex[:16]}", body=body, visibility=visibility,
                                    now=self.now)
            return CommentRecord.from_map(row["comment"])

        return await self.session.write_transaction(work)

    async def convert(self, registration_id: str, opportunity_id: str, field: Field) -> OpportunityRecord:
        async def work(tx: CountingTransaction) -> OpportunityRecord:
            facts = await self._lock(tx, registration_id, field)
            if facts["status"] != "APPROVED":
                raise Rejected([UserError(ErrorCode.INVALID_TRANSITION, "only an APPROVED registration converts to "
                                          f"an opportunity; this one is {facts['status']}", field + ("registration",))])
            if (await tx.query("selling/writes/key_taken", id=opportunity_id))[0]["taken"]:
                raise Rejected([UserError(ErrorCode.CONFLICT, f"an opportunity with key {opportunity_id!r} exists",
                                          field + ("key",))])
            (row,) = await tx.query("selling/writes/convert", id=registration_id, opportunityId=opportunity_id,
                                    now=self.now)
            return OpportunityRecord.from_map(row["opportunity"])

        return await self.session.write_transaction(work)

    async def _lock(self, tx: CountingTransaction, registration_id: str, field: Field) -> dict[str, Any]:
        rows = await tx.query("selling/writes/lock", id=registration_id, scope=self.scope)
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "deal registration not found", field + ("registration",))])
        return rows[0]

    # Opportunities, quotes, orders -------------------------------------------------------------
    async def change_stage(self, opportunity_id: str, stage: str, field: Field) -> OpportunityRecord:
        async def work(tx: CountingTransaction) -> OpportunityRecord:
            facts = await self._lock_opportunity(tx, opportunity_id, field)
            check_transition(OPPORTUNITY_STAGE, "an opportunity", facts["stage"], stage, field + ("stage",))
            (row,) = await tx.query("selling/writes/set_stage", id=opportunity_id, stage=stage, now=self.now)
            return OpportunityRecord.from_map(row["opportunity"])

        return await self.session.write_transaction(work)

    async def create_quote(self, opportunity_id: str, quote_id: str, currency: str, discount_percent: float,
                           lines: list[NewLine], field: Field) -> QuoteRecord:
        async def work(tx: CountingTransaction) -> QuoteRecord:
            facts = await self._lock_opportunity(tx, opportunity_id, field)
            errors: list[UserError] = []
            if facts["stage"] in ("CLOSED_WON", "CLOSED_LOST") or facts["accepted"]:
                errors.append(UserError(ErrorCode.INVALID_TRANSITION, "a closed opportunity, or one with an accepted "
                                        "quote, takes no new quotes", field + ("opportunity",)))
            if currency != facts["currency"]:
                errors.append(UserError(ErrorCode.VALIDATION, f"quote in the opportunity's currency "
                                        f"({facts['currency']})", field + ("currency",)))
            products = await tx.query("selling/writes/list_prices", ids=[li.product_id for li in lines])
            list_prices = {r["id"]: r["listPrice"] for r in products}
            priced = []
            for n, line in enumerate(lines):
                if list_prices.get(line.product_id) is None:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "product not found", field + ("lines", str(n),
                                                                                               "product")))
                    continue
                if line.unit_price is None:
                    errors.append(UserError(ErrorCode.VALIDATION, "a quote line needs a unit price in the deal's "
                                            "currency", field + ("lines", str(n), "unitPrice")))
                    continue
                priced.append(line)
            if (await tx.query("selling/writes/key_taken", id=quote_id))[0]["taken"]:
                errors.append(UserError(ErrorCode.CONFLICT, f"a quote with key {quote_id!r} exists", field + ("key",)))
            reject_if(errors)
            subtotal = sum(li.quantity * (li.unit_price or 0) for li in priced)
            total = subtotal - round(subtotal * discount_percent / 100)
            (row,) = await tx.query("selling/writes/create_quote", opportunityId=opportunity_id, id=quote_id,
                                    version=facts["latestVersion"] + 1, currency=currency,
                                    discountPercent=discount_percent, subtotal=subtotal, total=total,
                                    lines=_line_rows(priced), revisesId=facts["latestQuoteId"], now=self.now)
            return QuoteRecord.from_map(row["quote"])

        return await self.session.write_transaction(work)

    async def change_quote_status(self, quote_id: str, status: str, field: Field) -> QuoteRecord:
        async def work(tx: CountingTransaction) -> QuoteRecord:
            rows = await tx.query("selling/writes/lock_quote", id=quote_id, scope=self.scope)
            if not rows:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "quote not found", field + ("quote",))])
            facts = rows[0]
            check_transition(QUOTE_STATUS, "a quote", facts["status"], status, field + ("status",))
            if status == "ACCEPTED" and facts["accepted"]:
                raise Rejected([UserError(ErrorCode.CONFLICT, "another quote of this opportunity was accepted",
                                          field + ("quote",))])
            (row,) = await tx.query("selling/writes/set_quote_status", id=quote_id, status=status, now=self.now,
                                    orderId=f"ord-{uuid.uuid4().hex[:16]}")
            return QuoteRecord.from_map(row["quote"])

        return await self.session.write_transaction(work)

    async def change_order_status(self, order_id: str, status: str, field: Field) -> OrderRecord:
        async def work(tx: CountingTransaction) -> OrderRecord:
            rows = await tx.query("selling/writes/lock_order", id=order_id, scope=self.scope)
            if not rows:
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "order not found", field + ("order",))])
            check_transition(ORDER_STATUS, "an order", rows[0]["status"], status, field + ("status",))
            (row,) = await tx.query("selling/writes/set_order_status", id=order_id, status=status, now=self.now)
            return OrderRecord.from_map(row["order"])

        return await self.session.write_transaction(work)

    async def _lock_opportunity(self, tx: CountingTransaction, opportunity_id: str, field: Field) -> dict[str, Any]:
        rows = await tx.query("selling/writes/lock_opportunity", id=opportunity_id, scope=self.scope)
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "opportunity not found", field + ("opportunity",))])
        return rows[0]


async def expire_registrations(session: GraphSession, now: datetime) -> list[str]:
    """Close with EXPIRED (in one write transaction) every registration past its review deadline
    (SUBMITTED, UNDER_REVIEW) or its protection (APPROVED) at `now`; the ids closed. Logged as the system's
    change at `now`, whoever's session runs it."""
    system = GraphSession(session.client, session.stats, Actor(None, SYSTEM, now))
    rows = await system.write("selling/writes/expire", now=now)
    return sorted(rows[0]["expired"])
