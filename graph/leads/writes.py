"""Leads writes: leads entered and routed to partners by the routing rules, accepted, rejected (and routed on),
handed down a partner hierarchy, assigned, converted to deal registrations or disqualified; the rules; the
partners' specializations; expiry of offers past their deadline.

Every method runs in one write transaction. Whatever may route a lead takes the routing lock first
(`leads/writes/lock_routing`), then locks the lead (a version bump), checks the move against `LEAD_STATUS`, and
raises `Rejected` with every problem found, or writes. "Now" always comes from the caller (the request's clock).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from graph.leads.lifecycle import LEAD_STATUS
from graph.shared.changes import SYSTEM, Actor
from graph.shared.client import CountingTransaction, GraphSession
from graph.shared.errors import ErrorCode, Rejected, UserError, reject_if
from graph.shared.lifecycle import check_transition

Field = tuple[str, ...]

NO_RULE = "no active routing rule matches this lead"
NO_PARTNER_LEFT = "every partner the matching rules name is at capacity or was offered this lead already"
EXPIRY_BATCH = 200  # leads per expiry transaction


@dataclass(frozen=True)
class NewLead:
    id: str
    name: str
    company: str
    contact_name: str
    contact_email: str
    country: str
    estimated_amount: int
    currency: str
    source: str
    product_id: str | None
    field: Field


@dataclass(frozen=True)
class NewRule:
    id: str
    name: str
    priority: int
    countries: list[str]
    partner_types: list[str]
    program_id: str | None
    segment_ids: list[str]
    require_specialization: bool
    capacity: int | None
    accept_hours: int
    field: Field


@dataclass(frozen=True)
class NewConversion:
    lead_id: str
    program_id: str
    registration_id: str
    account_id: str  # used when no account of the lead's company and country exists


@dataclass
class ExpiryReport:
    rerouted: list[str] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)


def _offer_id() -> str:
    return f"lo-{uuid.uuid4().hex[:16]}"


@dataclass
class _Standing:
    """What the routing order reads of a partner: its segment rank (None: none), open leads, latest offer."""

    rank: int | None
    open: int
    last_offer: int


class Router:
    """Routes leads inside one transaction that holds the routing lock. The partners a rule names for a country
    (and product) are read once per transaction (`candidates`) and kept with their open leads and latest offer,
    which this router updates as it offers: a batch of leads in one country ranks its partners once, not once per
    lead. The lock makes the counts exact: no other routing transaction runs meanwhile."""

    def __init__(self, tx: CountingTransaction, now: datetime):
        self.tx = tx
        self.now = now
        self.pools: dict[tuple[str, str, str | None], list[str]] = {}
        self.standing: dict[str, _Standing] = {}

    async def _pool(self, rule: dict[str, Any], country: str, product_id: str | None) -> list[str]:
        key = (rule["id"], country, product_id if rule["requireSpecialization"] else None)
        if key not in self.pools:
            rows = await self.tx.query("leads/writes/candidates", ruleId=rule["id"], country=country,
                                       productId=product_id)
            for row in rows:  # this transaction's own offers are in what it reads, and in what it updated
                self.standing.setdefault(row["partnerId"], _Standing(row["rank"], row["open"], row["lastOffer"]))
            self.pools[key] = [row["partnerId"] for row in rows]
        return self.pools[key]

    def _best(self, pool: list[str], offered: set[str], capacity: int | None) -> str | None:
        """Highest segment first (rank 1 is the top; none ranks last), then fewest open leads, then the partner
        offered a lead longest ago (round-robin), then id; only partners never offered the lead, under capacity."""
        eligible = [p for p in pool if p not in offered and (capacity is None or self.standing[p].open < capacity)]
        return min(eligible, default=None, key=lambda p: (
            self.standing[p].rank is None, self.standing[p].rank or 0, self.standing[p].open,
            self.standing[p].last_offer, p))

    async def route(self, lead_id: str, status: str, field: Field = ()) -> str | None:
        """Offer lead `lead_id` (in `status`: NEW, REJECTED, or ROUTED whose offer timed out) to the best partner of
        the first matching rule with one left; the partner, or None: a NEW lead then stays NEW with the reason, the
        others EXPIRE."""
        (facts,) = await self.tx.query("leads/writes/route_facts", id=lead_id)
        offered, matched = set(facts["offered"]), False
        for rule in facts["rules"]:
            pool = await self._pool(rule, facts["country"], facts["productId"])
            matched = matched or bool(pool)
            partner_id = self._best(pool, offered, rule["capacity"])
            if partner_id is None:
                continue
            if status != "ROUTED":
                check_transition(LEAD_STATUS, "a lead", status, "ROUTED", field + ("lead",))
            await self.offer(lead_id, partner_id, rule["id"], None, rule["acceptHours"])
            return partner_id
        final = "NEW" if status == "NEW" else "EXPIRED"
        if final != status:
            check_transition(LEAD_STATUS, "a lead", status, final, field + ("lead",))
        await self.tx.query("leads/writes/unrouted", id=lead_id, status=final,
                            reason=NO_PARTNER_LEFT if matched else NO_RULE, now=self.now)
        return None

    async def offer(self, lead_id: str, partner_id: str, rule_id: str | None, from_id: str | None,
                    accept_hours: int) -> None:
        (row,) = await self.tx.query("leads/writes/offer", id=lead_id, partnerId=partner_id, ruleId=rule_id,
                                     fromId=from_id, offerId=_offer_id(), now=self.now, acceptHours=accept_hours,
                                     acceptBy=self.now + timedelta(hours=accept_hours))
        standing = self.standing.get(partner_id)
        if standing is not None:
            standing.open += 1
            standing.last_offer = row["seq"]

    def released(self, partner_id: str | None) -> None:
        """The partner let a lead go (rejected, timed out, handed down): one open lead fewer."""
        standing = self.standing.get(partner_id or "")
        if standing is not None:
            standing.open -= 1


class LeadDistribution:
    def __init__(self, session: GraphSession, scope: dict[str, Any], person_id: str, organization_id: str | None,
                 now: datetime):
        self.session = session
        self.scope = scope
        self.person_id = person_id
        self.organization_id = organization_id  # the viewer's partner; None for enterprise staff
        self.now = now

    # Leads and rules (the enterprise) ----------------------------------------------------------
    async def create(self, items: list[NewLead]) -> list[str]:
        async def work(tx: CountingTransaction) -> list[str]:
            facts = await tx.query("leads/writes/create_check", items=[
                {"index": n, "id": i.id, "productId": i.product_id} for n, i in enumerate(items)])
            errors: list[UserError] = []
            keys: set[str] = set()
            for item, fact in zip(items, facts, strict=True):
                if fact["keyTaken"] or item.id in keys:
                    errors.append(UserError(ErrorCode.CONFLICT, f"a lead with key {item.id!r} exists",
                                            item.field + ("key",)))
                keys.add(item.id)
                if not fact["productFound"]:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "product not found", item.field + ("product",)))
            reject_if(errors)
            rows = [{"id": i.id, "name": i.name, "company": i.company, "contactName": i.contact_name,
                     "contactEmail": i.contact_email, "country": i.country, "estimatedAmount": i.estimated_amount,
                     "currency": i.currency, "source": i.source, "productId": i.product_id} for i in items]
            return [r["id"] for r in await tx.query("leads/writes/create", rows=rows, personId=self.person_id,
                                                    now=self.now)]

        return await self.session.write_transaction(work)

    async def create_rules(self, items: list[NewRule]) -> list[str]:
        async def work(tx: CountingTransaction) -> list[str]:
            facts = await tx.query("leads/writes/create_rules_check", items=[
                {"index": n, "id": i.id, "programId": i.program_id, "segmentIds": i.segment_ids}
                for n, i in enumerate(items)])
            errors: list[UserError] = []
            keys: set[str] = set()
            for item, fact in zip(items, facts, strict=True):
                at = item.field
                if fact["keyTaken"] or item.id in keys:
                    errors.append(UserError(ErrorCode.CONFLICT, f"a routing rule with key {item.id!r} exists",
                                            at + ("key",)))
                keys.add(item.id)
                if item.program_id is not None and fact["programStatus"] is None:
                    errors.append(UserError(ErrorCode.NOT_FOUND, "program not found", at + ("program",)))
                elif item.segment_ids and item.program_id is None:
                    errors.append(UserError(ErrorCode.VALIDATION, "segments need the program they belong to",
                                            at + ("segments",)))
                elif fact["foreignSegments"]:
                    errors.append(UserError(ErrorCode.VALIDATION, "every segment must be one of the program's",
                                            at + ("segments",)))
            reject_if(errors)
            rows = [{"id": i.id, "name": i.name, "priority": i.priority, "countries": i.countries,
                     "partnerTypes": i.partner_types, "programId": i.program_id, "segmentIds": i.segment_ids,
                     "requireSpecialization": i.require_specialization, "capacity": i.capacity,
                     "acceptHours": i.accept_hours} for i in items]
            return [r["id"] for r in await tx.query("leads/writes/create_rules", rows=rows, now=self.now)]

        return await self.session.write_transaction(work)

    async def update_rule(self, rule_id: str, changes: dict[str, Any], field: Field) -> str:
        async def work(tx: CountingTransaction) -> str:
            if not await tx.query("leads/writes/update_rule", id=rule_id, set=changes, now=self.now):
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "routing rule not found", field + ("rule",))])
            return rule_id

        return await self.session.write_transaction(work)

    async def route(self, lead_ids: list[str], field: Field) -> list[str]:
        """Route NEW leads, in the order given; those no rule can route stay NEW with the reason."""

        async def work(tx: CountingTransaction) -> list[str]:
            await tx.query("leads/writes/lock_routing")
            errors = []
            for n, lead_id in enumerate(lead_ids):
                facts = await self._lock(tx, lead_id, field + (str(n),))
                if facts["status"] != "NEW":
                    errors.append(UserError(ErrorCode.INVALID_TRANSITION, f"only NEW leads are routed; this one is "
                                            f"{facts['status']}", field + (str(n),)))
            reject_if(errors)
            router = Router(tx, self.now)
            for n, lead_id in enumerate(lead_ids):
                await router.route(lead_id, "NEW", field + (str(n),))
            return lead_ids

        return await self.session.write_transaction(work)

    # The partner holding a lead ----------------------------------------------------------------
    async def accept(self, lead_id: str, field: Field) -> str:
        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock_held(tx, lead_id, field)
            check_transition(LEAD_STATUS, "a lead", facts["status"], "ACCEPTED", field + ("move",))
            if facts["overdue"]:
                raise Rejected([UserError(ErrorCode.INVALID_TRANSITION, "the deadline to accept this lead has passed; "
                                          "it is being routed on", field + ("lead",))])
            await tx.query("leads/writes/set_status", id=lead_id, status="ACCEPTED", reason=None, now=self.now)
            return lead_id

        return await self.session.write_transaction(work)

    async def reject(self, lead_id: str, reason: str, field: Field) -> str:
        """Reject the lead with a reason and route it on at once (the routing lock first, then the lead)."""

        async def work(tx: CountingTransaction) -> str:
            await tx.query("leads/writes/lock_routing")
            facts = await self._lock_held(tx, lead_id, field)
            check_transition(LEAD_STATUS, "a lead", facts["status"], "REJECTED", field + ("move",))
            await tx.query("leads/writes/release", id=lead_id, outcome="REJECTED", reason=reason, status="REJECTED",
                           now=self.now)
            await Router(tx, self.now).route(lead_id, "REJECTED", field)
            return lead_id

        return await self.session.write_transaction(work)

    async def disqualify(self, lead_id: str, reason: str, field: Field) -> str:
        """A NEW lead by the enterprise; an ACCEPTED one by the partner holding it (or the enterprise)."""

        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock(tx, lead_id, field)
            if not self.scope["enterprise"]:
                self._check_holder(facts, field)
            check_transition(LEAD_STATUS, "a lead", facts["status"], "DISQUALIFIED", field + ("move",))
            await tx.query("leads/writes/set_status", id=lead_id, status="DISQUALIFIED", reason=reason, now=self.now)
            return lead_id

        return await self.session.write_transaction(work)

    async def hand_off(self, lead_id: str, partner_id: str, field: Field) -> str:
        """Pass a ROUTED lead down to a partner below the one holding it, with a fresh deadline; the offer records
        who handed it down, so the chain of hand-offs stays in the lead's routing history."""

        async def work(tx: CountingTransaction) -> str:
            await tx.query("leads/writes/lock_routing")
            facts = await self._lock_held(tx, lead_id, field)
            if facts["status"] != "ROUTED":
                raise Rejected([UserError(ErrorCode.INVALID_TRANSITION, f"only a ROUTED lead is handed down; this "
                                          f"one is {facts['status']}", field + ("lead",))])
            (target,) = await tx.query("leads/writes/hand_off_check", id=lead_id, fromId=facts["partnerId"],
                                       toId=partner_id)
            at = field + ("partner",)
            if not target["found"] or not target["below"]:
                raise Rejected([UserError(ErrorCode.VALIDATION, "a lead is handed down to a partner below the one "
                                          "holding it", at)])
            if target["status"] != "ACTIVE":
                raise Rejected([UserError(ErrorCode.VALIDATION, "the partner is not ACTIVE", at)])
            if target["offered"]:
                raise Rejected([UserError(ErrorCode.CONFLICT, "this partner was offered the lead already", at)])
            await tx.query("leads/writes/release", id=lead_id, outcome="HANDED_OFF", reason=None, status="ROUTED",
                           now=self.now)
            await Router(tx, self.now).offer(lead_id, partner_id, None, facts["partnerId"], facts["acceptHours"])
            return lead_id

        return await self.session.write_transaction(work)

    async def assign(self, lead_id: str, assignee_id: str, field: Field) -> str:
        """Assign a lead to staff of the partner holding it (partner admins and managers in scope, enterprise
        admins); an associate sees the leads assigned to them."""

        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock(tx, lead_id, field)
            if facts["partnerId"] is None:
                raise Rejected([UserError(ErrorCode.INVALID_TRANSITION, "only a lead routed to a partner is "
                                          "assigned", field + ("lead",))])
            (staff,) = await tx.query("selling/writes/owner_staff", ownerId=assignee_id, partnerId=facts["partnerId"])
            if not staff["staff"]:
                raise Rejected([UserError(ErrorCode.VALIDATION, "the assignee must be staff of the partner holding "
                                          "the lead", field + ("assignee",))])
            await tx.query("leads/writes/assign", id=lead_id, assigneeId=assignee_id, now=self.now)
            return lead_id

        return await self.session.write_transaction(work)

    async def convert(self, conversion: NewConversion, field: Field) -> str:
        """An ACCEPTED lead becomes a DRAFT deal registration of the partner holding it, for the account of the
        lead's company and country (matched by name, or created), in an APPROVED program; the registration's
        lineage starts at the lead. The registration's id."""

        async def work(tx: CountingTransaction) -> str:
            facts = await self._lock_held(tx, conversion.lead_id, field)
            check_transition(LEAD_STATUS, "a lead", facts["status"], "CONVERTED", field + ("lead",))
            (account,) = await tx.query("leads/writes/convert_account", id=conversion.lead_id,
                                        accountId=conversion.account_id, now=self.now)
            item = {"index": 0, "id": conversion.registration_id, "partnerId": facts["partnerId"],
                    "accountId": account["accountId"], "programId": conversion.program_id, "ownerId": None,
                    "fundRequestId": None, "productIds": [facts["productId"]] if facts["productId"] else []}
            (check,) = await tx.query("selling/writes/create_check", scope=self.scope, items=[item])
            errors = []
            if check["keyTaken"]:
                errors.append(UserError(ErrorCode.CONFLICT, f"a deal registration with key "
                                        f"{conversion.registration_id!r} exists", field + ("key",)))
            if check["programStatus"] is None:
                errors.append(UserError(ErrorCode.NOT_FOUND, "program not found", field + ("program",)))
            elif check["programStatus"] != "APPROVED":
                errors.append(UserError(ErrorCode.VALIDATION, "deals are registered in APPROVED programs only",
                                        field + ("program",)))
            reject_if(errors)
            lines = ([{"id": f"li-{uuid.uuid4().hex[:16]}", "productId": facts["productId"], "quantity": 1,
                       "unitPrice": None}] if facts["productId"] else [])
            await tx.query("selling/writes/create", personId=self.person_id, now=self.now, rows=[{
                "id": conversion.registration_id, "name": facts["name"], "partnerId": facts["partnerId"],
                "accountId": account["accountId"], "programId": conversion.program_id,
                "estimatedAmount": facts["estimatedAmount"], "currency": facts["currency"],
                "expectedCloseDate": None, "ownerId": None, "fundRequestId": None, "lines": lines}])
            await tx.query("leads/writes/convert", id=conversion.lead_id, registrationId=conversion.registration_id,
                           now=self.now)
            return conversion.registration_id

        return await self.session.write_transaction(work)

    # Partners' specializations -----------------------------------------------------------------
    async def set_specializations(self, partner_id: str, product_ids: list[str], field: Field) -> str:
        async def work(tx: CountingTransaction) -> str:
            (found,) = await tx.query("leads/writes/products_found", ids=product_ids)
            reject_if([UserError(ErrorCode.NOT_FOUND, "product not found", field + ("products", str(n)))
                       for n, product_id in enumerate(product_ids) if product_id in found["unknown"]])
            if not await tx.query("leads/writes/set_specializations", partnerId=partner_id, productIds=product_ids,
                                  scope=self.scope):
                raise Rejected([UserError(ErrorCode.NOT_FOUND, "partner not found", field + ("partner",))])
            return partner_id

        return await self.session.write_transaction(work)

    # Locks -------------------------------------------------------------------------------------
    async def _lock(self, tx: CountingTransaction, lead_id: str, field: Field) -> dict[str, Any]:
        rows = await tx.query("leads/writes/lock", id=lead_id, scope=self.scope, now=self.now)
        if not rows:
            raise Rejected([UserError(ErrorCode.NOT_FOUND, "lead not found", field + ("lead",))])
        return rows[0]

    async def _lock_held(self, tx: CountingTransaction, lead_id: str, field: Field) -> dict[str, Any]:
        facts = await self._lock(tx, lead_id, field)
        self._check_holder(facts, field)
        return facts

    def _check_holder(self, facts: dict[str, Any], field: Field) -> None:
        """Accepting, rejecting, handing down and converting are for the staff of the partner holding the lead
        (a distributor's staff see their descendants' leads, but work only their own organization's)."""
        if self.organization_id is None or facts["partnerId"] != self.organization_id:
            raise Rejected([UserError(ErrorCode.FORBIDDEN, "only staff of the partner holding the lead may do this",
                                      field + ("lead",))])


async def expire_leads(session: GraphSession, now: datetime) -> ExpiryReport:
    """Every ROUTED lead past its acceptance deadline at `now`: its offer TIMED_OUT, routed on to the next matching
    partner, or EXPIRED when none is left. In batches of EXPIRY_BATCH, each one write transaction, logged as the
    system's change at `now`."""
    system = GraphSession(session.client, session.stats, Actor(None, SYSTEM, now))
    report = ExpiryReport()

    async def batch(tx: CountingTransaction) -> list[tuple[str, bool]]:
        await tx.query("leads/writes/lock_routing")
        due = await tx.query("leads/writes/due", now=now, limit=EXPIRY_BATCH)
        if not due:
            raise _NothingDue  # rolls the lock back: a write must report what it changed, and this one changed nothing
        done = []
        router = Router(tx, now)
        for row in due:
            await tx.query("leads/writes/release", id=row["id"], outcome="TIMED_OUT", reason=None, status="ROUTED",
                           now=now)
            router.released(row["partnerId"])
            done.append((row["id"], await router.route(row["id"], "ROUTED") is not None))
        return done

    while True:
        try:
            done = await system.write_transaction(batch)
        except _NothingDue:
            return report
        for lead_id, rerouted in done:
            (report.rerouted if rerouted else report.expired).append(lead_id)


class _NothingDue(Exception):
    """No lead is past its deadline: the expiry transaction rolls back."""
