"""The change history of a generated channel (docs/CHANGES.md, "Seeded history"): for every program (with its
segments and criteria), partner, partnership, deal lineage record and case, its CREATED record and the
STATE_CHANGED records of the lifecycle moves that led to its seeded state, at times between its creation and
its latest timestamp, made by whoever would have made each move. The channel's rows are regenerated (the same
shape and seed give the same rows), so nothing is held; every move is checked against its state machine."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import orjson

from auth.personas import PARTNER_ROLES, Persona
from graph.cases.lifecycle import CASE_STATUS
from graph.partners.lifecycle import PARTNER_STATUS
from graph.programs.lifecycle import PARTNERSHIP_STATUS, PROGRAM_STATUS
from graph.selling.lifecycle import DEAL_REGISTRATION_STATUS, OPPORTUNITY_STAGE, ORDER_STATUS, QUOTE_STATUS
from graph.shared.lifecycle import Machine
from seed import channel
from seed.shape import ChannelShape

Actor = tuple[str | None, str]  # (actorId, actorPersona)
ADMIN: Actor = ("gen-admin", Persona.ENTERPRISE_ADMIN.value)
SYSTEM: Actor = (None, "system")  # `deals expire`
STAFF_PERSONAS = tuple(PARTNER_ROLES[role].value for role in channel.STAFF_ROLES)
OPEN_STAGES = ("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION")
QUOTE_PATHS = {"DRAFT": (), "SUBMITTED": ("SUBMITTED",), "APPROVED": ("SUBMITTED", "APPROVED"),
               "REJECTED": ("SUBMITTED", "REJECTED"), "ACCEPTED": ("SUBMITTED", "APPROVED", "ACCEPTED")}


class InvalidHistory(ValueError):
    """A generated move that the entity's state machine does not allow: the generator is wrong."""


class Entity:
    """One entity's records in the order they happened, its lifecycle state carried from move to move."""

    __slots__ = ("type", "id", "anchor", "machine", "field", "state", "records")

    def __init__(self, entity_type: str, entity_id: str, anchor: dict, machine: Machine | None = None,
                 field: str = "status"):
        self.type, self.id, self.anchor, self.machine, self.field = entity_type, entity_id, anchor, machine, field
        self.state: str | None = None
        self.records: list[dict] = []

    def created(self, at: datetime, actor: Actor, **fields) -> Entity:
        self.state = fields.get(self.field)
        self._record(at, actor, "CREATED", None, None, [(name, None, value) for name, value in fields.items()])
        return self

    def move(self, to: str, at: datetime, actor: Actor, **fields) -> None:
        if to not in self.machine[self.state]:
            raise InvalidHistory(f"{self.type} {self.id}: {self.state} → {to} is not a move of its lifecycle")
        changed = [(self.field, self.state, to), *((name, None, value) for name, value in fields.items())]
        self._record(at, actor, "STATE_CHANGED", self.state, to, changed)
        self.state = to

    def _record(self, at: datetime, actor: Actor, operation: str, from_state: str | None, to_state: str | None,
                changed: list[tuple]) -> None:
        fields = orjson.dumps([{"field": name, "old": old, "new": new} for name, old, new in changed]).decode()
        self.records.append({"at": at.isoformat(), "actorId": actor[0], "actorPersona": actor[1],
                             "entityType": self.type, "entityId": self.id, "operation": operation,
                             "fromState": from_state, "toState": to_state, "fields": fields, **self.anchor})


def changes(shape: ChannelShape, first_case_number: int = 1) -> Iterator[dict]:
    """Every record, entity after entity, each entity's in time order (seed/timeline.py puts the whole in time
    order). Case numbers start at `first_case_number`, as the cases phase numbered them."""
    rng = shape.rng("history")
    yield from _programs()
    yield from _partners(shape, rng)
    yield from _partnerships(shape, rng)
    yield from _selling(shape, rng)
    yield from _cases(shape, rng, first_case_number)


def _anchor(scope: str, scope_id: str, partner_id: str | None = None, lineage_id: str | None = None) -> dict:
    return {"scope": scope, "scopeId": scope_id, "partnerId": partner_id, "lineageId": lineage_id}


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _later(rng, start: datetime, days: float) -> datetime:
    """A moment within `days` after `start`, never past the channel's reference moment."""
    return start + min(timedelta(days=days), channel.REFERENCE - start) * rng.random()


def _steps(rng, start: datetime, end: datetime, count: int) -> list[datetime]:
    """`count` increasing moments after `start`, the last one `end` (none for no moves)."""
    if not count:
        return []
    fractions = sorted(rng.random() for _ in range(count - 1)) + [1.0]
    return [start + (end - start) * f for f in fractions]


def _staff(person_id: str) -> Actor:
    return person_id, STAFF_PERSONAS[int(person_id.rsplit("-s", 1)[1])]


def _enterprise(person_id: str) -> Actor:
    persona = Persona.ENTERPRISE_ADMIN if person_id == "gen-admin" else Persona.RELATIONSHIP_MANAGER
    return person_id, persona.value


def _manager(rng, shape: ChannelShape) -> Actor:
    return f"gen-rm{rng.randrange(max(2, shape.partners // 250)):04d}", Persona.RELATIONSHIP_MANAGER.value


def _programs() -> Iterator[dict]:
    for row in channel.programs():
        created = _time(row["startDate"] + "T00:00:00+00:00")
        anchor = _anchor("program", row["id"])
        program = Entity("Program", row["id"], anchor, PROGRAM_STATUS).created(
            created, ADMIN, name=row["name"], kind=row["kind"], status="DRAFT", startDate=row["startDate"])
        for segment in row["segments"]:
            yield from Entity("Segment", segment["id"], anchor).created(
                created, ADMIN, name=segment["name"], rank=segment["rank"], isDefault=segment["isDefault"]).records
            for criterion in segment["criteria"]:
                yield from Entity("Criterion", criterion["id"], anchor).created(
                    created, ADMIN, metric=criterion["metric"], operator=criterion["operator"],
                    threshold=criterion["threshold"]).records
        program.move("APPROVED", created + timedelta(days=1), ADMIN)
        yield from program.records


def _partners(shape: ChannelShape, rng) -> Iterator[dict]:
    """Created as prospects; activated within two months; some later suspended or terminated."""
    for row in channel.all_partners(shape):
        created = _time(row["createdAt"])
        partner = Entity("Partner", row["id"], _anchor("partner", row["id"], row["id"]), PARTNER_STATUS).created(
            created, ADMIN, name=row["name"], type=row["type"], status="PROSPECT", country=row["country"],
            currency=row["currency"])
        status = row["status"]
        if status == "TERMINATED" and rng.random() < 0.2:  # a prospect that never became a partner
            partner.move("TERMINATED", _later(rng, created, 120), ADMIN)
        elif status != "PROSPECT":
            activated = _later(rng, created, 60)
            partner.move("ACTIVE", activated, ADMIN)
            if status != "ACTIVE":
                partner.move(status, _later(rng, activated, 400), ADMIN)
        yield from partner.records


def _partnerships(shape: ChannelShape, rng) -> Iterator[dict]:
    """Onboarded PENDING; activated when onboarded (onboardedAt), suspended later, terminated at offboardedAt."""
    for row in channel.partnerships(shape):
        created = _time(row["createdAt"])
        anchor = _anchor("partner", row["partnerId"], row["partnerId"])
        partnership = Entity("Partnership", row["id"], anchor, PARTNERSHIP_STATUS).created(
            created, ADMIN, status="PENDING")
        if row["onboarded"]:
            partnership.move("ACTIVE", created, ADMIN, onboardedAt=row["createdAt"])
        if row["status"] == "SUSPENDED":
            partnership.move("SUSPENDED", _later(rng, created, 400), ADMIN)
        elif row["status"] == "TERMINATED":
            partnership.move("TERMINATED", _time(row["offboardedAt"]), ADMIN, offboardedAt=row["offboardedAt"])
        yield from partnership.records


def _selling(shape: ChannelShape, rng) -> Iterator[dict]:
    """Each registration's records, then its opportunity's, its quotes' and its order's (one lineage)."""
    for row in channel.deal_registrations(shape):
        anchor = _anchor("deal", row["id"], row["partnerId"], row["id"])
        submitter = _staff(row["submittedBy"])
        seller = _staff(row["ownerId"]) if row["ownerId"] else submitter
        reviewer = _enterprise(row["decidedBy"]) if row["decidedBy"] else _manager(rng, shape)
        yield from _registration(rng, row, anchor, submitter, seller, reviewer).records
        if row["opportunity"]:
            yield from _lineage(rng, row["opportunity"], anchor, seller, reviewer)


def _registration(rng, row: dict, anchor: dict, submitter: Actor, seller: Actor, reviewer: Actor) -> Entity:
    deal = Entity("DealRegistration", row["id"], anchor, DEAL_REGISTRATION_STATUS).created(
        _time(row["createdAt"]), submitter, name=row["name"], status="DRAFT",
        estimatedAmount=row["estimatedAmount"], currency=row["currency"], expectedCloseDate=row["expectedCloseDate"])
    status, closure = row["status"], row["closureCode"]
    if status == "DRAFT":
        return deal
    submitted = _time(row["submittedAt"])
    deal.move("SUBMITTED", submitted, submitter, submittedAt=row["submittedAt"], reviewDeadline=row["reviewDeadline"])
    if status == "CANCELLED":
        deal.move("CANCELLED", _time(row["closedAt"]), submitter, closedAt=row["closedAt"])
    elif status == "UNDER_REVIEW":
        deal.move("UNDER_REVIEW", _time(row["updatedAt"]), reviewer)
    elif row.get("decidedAt"):
        decided = _time(row["decidedAt"])
        deal.move("UNDER_REVIEW", submitted + (decided - submitted) * rng.random(), reviewer)
        decision = "REJECTED" if status == "REJECTED" else "APPROVED"
        extra = {"decisionReason": row["decisionReason"]} if decision == "REJECTED" else \
            {"protectedUntil": row["protectedUntil"]}
        deal.move(decision, decided, reviewer, decidedAt=row["decidedAt"], **extra)
        if closure == "CONVERTED":
            deal.move("CLOSED", _time(row["closedAt"]), seller, closureCode=closure, closedAt=row["closedAt"])
    elif closure:  # EXPIRED (by `deals expire`), DUPLICATE, INCOMPLETE (by a reviewer)
        closed = _time(row["closedAt"])
        if closure != "EXPIRED" or rng.random() < 0.5:
            deal.move("UNDER_REVIEW", submitted + (closed - submitted) * rng.random() * 0.5, reviewer)
        deal.move("CLOSED", closed, SYSTEM if closure == "EXPIRED" else reviewer, closureCode=closure,
                  closedAt=row["closedAt"])
    return deal


def _lineage(rng, opp: dict, anchor: dict, seller: Actor, reviewer: Actor) -> Iterator[dict]:
    yield from _opportunity(rng, opp, anchor, seller).records
    for row in opp["quotes"]:
        created, updated = _time(row["createdAt"]), _time(row["updatedAt"])
        name = f"{opp['name']} v{row['version']}"
        quote = Entity("Quote", row["id"], anchor, QUOTE_STATUS).created(
            created, seller, name=name, version=row["version"], status="DRAFT", currency=opp["currency"],
            discountPercent=row["discountPercent"], subtotal=row["subtotal"], total=row["total"])
        path = QUOTE_PATHS[row["status"]]
        for to, at in zip(path, _steps(rng, created, updated, len(path)), strict=True):
            quote.move(to, at, reviewer if to in ("APPROVED", "REJECTED") else seller)
        yield from quote.records
        if placed := row["order"]:
            order = Entity("Order", placed["id"], anchor, ORDER_STATUS).created(
                _time(placed["placedAt"]), seller, name=name, status="PLACED", total=row["total"],
                currency=opp["currency"], placedAt=placed["placedAt"])
            if placed["status"] != "PLACED":
                order.move(placed["status"], _time(placed["updatedAt"]), ADMIN)
            yield from order.records


def _opportunity(rng, opp: dict, anchor: dict, seller: Actor) -> Entity:
    """Stage by stage up to its stage; PROPOSAL when its first quote was written; a lost deal is lost from
    PROPOSAL if it was quoted, else from QUALIFICATION."""
    created = _time(opp["createdAt"])
    opportunity = Entity("Opportunity", opp["id"], anchor, OPPORTUNITY_STAGE, "stage").created(
        created, seller, name=opp["name"], stage="PROSPECTING", amount=opp["amount"], currency=opp["currency"])
    stage = opp["stage"]
    lost_from = "PROPOSAL" if opp["quotes"] else "QUALIFICATION"
    top = {"CLOSED_WON": "NEGOTIATION", "CLOSED_LOST": lost_from}.get(stage, stage)
    path = [*OPEN_STAGES[1:OPEN_STAGES.index(top) + 1], *([stage] if stage.startswith("CLOSED") else [])]
    end = _time(opp["closedAt"] or opp["updatedAt"])
    quoted = _time(opp["quotes"][0]["createdAt"]) if opp["quotes"] and "PROPOSAL" in path else None
    if quoted:  # before the first quote up to QUALIFICATION, PROPOSAL with it, the rest after
        split = path.index("PROPOSAL")
        times = [*_steps(rng, created, quoted, split + 1)[:-1], quoted,
                 *(_steps(rng, quoted, end, len(path) - split - 1))]
    else:
        times = _steps(rng, created, end, len(path))
    for to, at in zip(path, times, strict=True):
        extra = {"closedAt": opp["closedAt"]} if to.startswith("CLOSED") else {}
        opportunity.move(to, at, seller, **extra)
    return opportunity


def _cases(shape: ChannelShape, rng, first_number: int) -> Iterator[dict]:
    """Opened NEW by partner staff; the first response (an agent's move to IN_PROGRESS), a pause awaiting the
    partner when the clock was paused, resolution by the agent, closure or cancellation by the opener."""
    agents = max(2, shape.partners // 1000)
    for n, row in enumerate(channel.cases(shape)):
        opener = _staff(row["openedBy"])
        agent = (row["assigned"] or f"gen-agent{rng.randrange(agents):03d}", Persona.PARTNER_AGENT.value)
        case = Entity("Case", row["id"], _anchor("case", row["id"], row["partnerId"]), CASE_STATUS).created(
            _time(row["openedAt"]), opener, number=f"CASE-{first_number + n:06d}", subject=row["subject"],
            category=row["category"], priority=row["priority"], status="NEW")
        status = row["status"]
        if row["firstResponseAt"]:
            responded = _time(row["firstResponseAt"])
            case.move("IN_PROGRESS", responded, agent, firstResponseAt=row["firstResponseAt"])
            if status == "AWAITING_PARTNER":
                case.move("AWAITING_PARTNER", _time(row["pausedSince"]), agent)
            elif status in ("RESOLVED", "CLOSED"):
                resolved = _time(row["resolvedAt"])
                pause = timedelta(seconds=row["pausedSeconds"])
                if pause and resolved - responded > pause:
                    waiting = responded + (resolved - responded - pause) * rng.random()
                    case.move("AWAITING_PARTNER", waiting, agent)
                    case.move("IN_PROGRESS", waiting + pause, opener)
                case.move("RESOLVED", resolved, agent, resolvedAt=row["resolvedAt"])
                if status == "CLOSED":
                    case.move("CLOSED", _time(row["closedAt"]), opener, closedAt=row["closedAt"])
        if status == "CANCELLED":
            case.move("CANCELLED", _time(row["closedAt"]), opener, closedAt=row["closedAt"])
        yield from case.records
