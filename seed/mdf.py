"""Market development funds of a generated channel (docs/ARCHITECTURE.md, graph model; the mdf domain's rules), in
the shape the API would have left them: a USD budget per program and fiscal half of 2026; allocations from it to
most ACTIVE distributors with an ACTIVE partnership in the program, passed down to a share of their ACTIVE children
and grandchildren; fund requests in every state against every allocation, submitted by the holder's staff; claims
in every state (with proofs of performance) against APPROVED requests whose activity has ended; and registrations of
a request's partner that its campaign influenced.

Amounts are sized bottom-up, so every cap holds whatever the draw: an allocation covers what it passes down plus
everything requested against it (so every request could be submitted and approved), a budget covers its
allocations. Who may get funds is read from the channel as it is now (a partner's and a partnership's status), as
the rest of the seed does: their creation moments are drawn independently of one another, so an allocation may
predate its partner's `createdAt`. The channel's rows are regenerated as everywhere in the seed; per program, the
plan of its two budgets is held while its rows are written (a few thousand allocations at 50,000 partners)."""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from seed import channel
from seed.shape import ChannelShape

CURRENCY = "USD"  # the programs are global; the catalog's list prices are in USD
FISCAL_HALVES = (("FY2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
                 ("FY2026-H2", date(2026, 7, 1), date(2026, 12, 31)))
CLAIM_DAYS = {"gprog-reseller": 60, "gprog-services": 45, "gprog-build": 90}
BUDGET_OPENS_DAYS = 30  # a budget is created this long before its half starts
TOP_SHARE = 0.85  # of the eligible distributors, those that get an allocation from a budget
CHILD_SHARE, MAX_CHILDREN = 0.3, 30  # of a holder's ACTIVE children, those passed a sub-allocation (at most)
PASS_ON_SHARE, MAX_GRANDCHILDREN = 0.5, 3  # first-level sub-allocations passed down once more
ACTIVITY_TYPES = ("EVENT", "TRADE_SHOW", "WEBINAR", "DIGITAL_ADVERTISING", "CONTENT", "EMAIL_CAMPAIGN",
                  "DIRECT_MAIL", "TRAINING", "OTHER")
# A past half has nothing waiting for a decision; the current one has.
REQUEST_STATUSES = {"FY2026-H1": (("APPROVED", 55), ("REJECTED", 20), ("CANCELLED", 25)),
                    "FY2026-H2": (("SUBMITTED", 25), ("APPROVED", 45), ("REJECTED", 15), ("CANCELLED", 15))}
APPROVED_FOR_LESS = 0.3
REQUEST_REJECT_REASONS = ("The activity is outside the program's focus this half.",
                          "The expected pipeline does not justify the spend.", "Direct mail is not funded this half.")
LESS_REASONS = ("Approved for the venue and catering; the giveaways are not funded.",
                "Approved for a shorter campaign than requested.")
CANCEL_REASONS = ("The event was called off.", "The budget moved to another activity.", None)
# The claims against one APPROVED request, in the order submitted (a rejected claim may be followed by another).
CLAIM_PATTERNS = ((("PAID",), 35), (("APPROVED",), 12), (("SUBMITTED",), 12), (("REJECTED",), 8),
                  (("REJECTED", "PAID"), 10), (("REJECTED", "SUBMITTED"), 5), (("PAID", "SUBMITTED"), 8),
                  ((), 10))
CLAIM_REJECT_REASONS = ("The invoice is missing.", "The proof does not show the activity took place.",
                        "The costs claimed are not the ones approved.")
PROOF_FILES = (("invoice.pdf", "application/pdf"), ("attendee-list.csv", "text/csv"), ("photos.zip", "application/zip"),
               ("campaign-report.pdf", "application/pdf"), ("screenshots.png", "image/png"))
INFLUENCE_DAYS = 90  # a registration up to this long after the activity ended counts as its campaign's
INFLUENCE_EVERY = 2  # one in this many of the registrations that fit is linked


@dataclass
class Node:
    """An allocation being planned: its requests first, then its amount (what it passes down plus what is asked)."""

    id: str
    partner_id: str
    source_id: str
    created_by: str
    at: datetime
    depth: int
    children: list[Node] = field(default_factory=list)
    requests: list[dict] = field(default_factory=list)
    amount: int = 0


@dataclass
class ProgramFunds:
    budgets: list[dict]
    allocations: list[dict]
    requests: list[dict]
    claims: list[dict]
    influence: list[dict]


@dataclass(frozen=True)
class Channel:
    """What the plan needs of the channel: the ACTIVE children of the distributors and of the first level, the
    distributors with an ACTIVE partnership, by program."""

    active_children: dict[str, list[str]]
    partnerships: dict[str, set[str]]
    distributors: list[str]


def _channel(shape: ChannelShape) -> Channel:
    active_children: dict[str, list[str]] = defaultdict(list)
    distributors = []
    for level in range(min(3, len(shape.level_sizes))):
        for row in channel.partners(shape, level):
            if level == 0:
                distributors.append(row["id"])
            elif row["status"] == "ACTIVE":
                active_children[row["parentId"]].append(row["id"])
    top = set(distributors)
    partnerships: dict[str, set[str]] = defaultdict(set)
    for row in itertools.takewhile(lambda r: r["partnerId"] in top, channel.partnerships(shape)):
        if row["status"] == "ACTIVE":
            partnerships[row["programId"]].add(row["partnerId"])
    return Channel(active_children, partnerships, distributors)


def _pick(rng, weighted):
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _at(day: date, hours: float = 9.0) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC) + timedelta(hours=hours)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _round_up(amount: float, unit: int) -> int:
    return -(-int(amount) // unit) * unit


def _after(rng, start: datetime, days: float) -> datetime | None:
    """A moment within `days` after `start` (at least an hour), before the channel's reference moment; None when
    there is no room left."""
    latest = channel.REFERENCE - timedelta(minutes=1)
    if start + timedelta(hours=1) > latest:
        return None
    return start + timedelta(hours=1) + min(timedelta(days=days), latest - start - timedelta(hours=1)) * rng.random()


def funds(shape: ChannelShape) -> Iterator[ProgramFunds]:
    """The plan, program by program (both halves' budgets); the same shape and seed give the same plan."""
    rng = shape.rng("mdf")
    ch = _channel(shape)
    managers = max(2, shape.partners // 250)
    payments = itertools.count(1)
    for program in channel.PROGRAMS:
        pid, short = program["id"], program["id"].removeprefix("gprog-")
        out = ProgramFunds([], [], [], [], [])
        approved_by_partner: dict[str, list[dict]] = defaultdict(list)
        for period, start, end in FISCAL_HALVES:
            budget_id = f"gmdf-{short}-{period.lower()}"
            opened = _at(start - timedelta(days=BUDGET_OPENS_DAYS))
            tops = []
            for distributor in ch.distributors:
                at = opened + timedelta(days=1 + rng.random() * 4)
                if distributor not in ch.partnerships[pid] or rng.random() >= TOP_SHARE:
                    continue
                tops.append(_plan_allocation(rng, ch, f"gfa-{short}-{period.lower()}-{distributor}", distributor,
                                             budget_id, "gen-admin", at, 0))
            nodes = [*tops, *(c for t in tops for c in t.children),
                     *(g for t in tops for c in t.children for g in c.children)]
            for node in nodes:
                node.requests = list(_requests(rng, node, period, start, end, managers))
            for node in reversed(nodes):  # the deepest first: a holder's amount covers its sub-allocations
                asked = sum(r["requestedAmount"] for r in node.requests)
                passed = sum(c.amount for c in node.children)
                node.amount = _round_up((passed + asked) * (1.1 + rng.random() * 0.3) + 100_000, 100_000)
            total = sum(t.amount for t in tops)
            out.budgets.append({
                "id": budget_id, "programId": pid, "name": f"{program['name']} MDF {period.replace('-', ' ')}",
                "fiscalPeriod": period, "startDate": start.isoformat(), "endDate": end.isoformat(),
                "currency": CURRENCY, "amount": _round_up(total * (1.05 + rng.random() * 0.2) + 1_000_000, 1_000_000),
                "claimDays": CLAIM_DAYS[pid], "createdAt": _iso(opened)})
            for node in nodes:
                out.allocations.append({"id": node.id, "sourceId": node.source_id, "partnerId": node.partner_id,
                                        "amount": node.amount, "createdBy": node.created_by, "at": _iso(node.at)})
                for request in node.requests:
                    out.requests.append(request)
                    if request["status"] == "APPROVED":
                        approved_by_partner[node.partner_id].append(request)
                        out.claims.extend(_claims(rng, request, node.partner_id, CLAIM_DAYS[pid], managers, payments))
        for partner_id, requests in approved_by_partner.items():
            out.influence.append({"partnerId": partner_id, "programId": pid, "pick": rng.randrange(INFLUENCE_EVERY),
                                  "every": INFLUENCE_EVERY, "days": INFLUENCE_DAYS,
                                  "requests": sorted(({"id": r["id"], "start": r["startDate"], "end": r["endDate"]}
                                                      for r in requests), key=lambda r: (r["start"], r["id"]))})
        yield out


def _plan_allocation(rng, ch: Channel, aid: str, partner_id: str, source_id: str, created_by: str, at: datetime,
                     depth: int) -> Node:
    """An allocation and, one or two levels deep, those passed down from it to a share of the holder's ACTIVE
    children, made by the holder's admin a few days after it got its own."""
    node = Node(aid, partner_id, source_id, created_by, at, depth)
    if depth >= 2:
        return node
    if depth == 1 and rng.random() >= PASS_ON_SHARE:
        return node
    candidates = ch.active_children.get(partner_id, [])
    wanted = min(len(candidates), MAX_CHILDREN if depth == 0 else MAX_GRANDCHILDREN,
                 max(1, round(len(candidates) * CHILD_SHARE)))
    for n, child in enumerate(sorted(rng.sample(candidates, wanted))):
        when = at + timedelta(days=1 + rng.random() * 4)
        node.children.append(_plan_allocation(rng, ch, f"{aid}-{n}", child, aid, f"{partner_id}-s0", when, depth + 1))
    return node


def _requests(rng, node: Node, period: str, start: date, end: date, managers: int) -> Iterator[dict]:
    """One to four requests against an allocation, each submitted by one of the holder's staff after the allocation
    was made, decided (or cancelled) before the channel's reference moment."""
    reference_day = channel.REFERENCE.date()
    for k in range(rng.choice((1, 2, 2, 3, 3, 4))):
        status = _pick(rng, REQUEST_STATUSES[period])
        if status == "SUBMITTED":  # waiting for a decision: an activity still to come
            first = reference_day + timedelta(days=7)
        else:
            first = start
        span = (end - first).days
        activity_start = first + timedelta(days=int(rng.random() * max(0, span - 30)))
        activity_end = min(end, activity_start + timedelta(days=rng.choice((0, 1, 2, 6, 13, 29))))
        earliest = node.at + timedelta(days=1)
        if status == "SUBMITTED":
            submitted = max(earliest, channel.REFERENCE - timedelta(days=rng.random() * 20 + 1))
        else:
            lead = timedelta(days=7 + rng.random() * 33)
            submitted = max(earliest, min(_at(activity_start) - lead, channel.REFERENCE - timedelta(days=12)))
        submitted += timedelta(minutes=rng.randrange(600))
        requested = rng.randint(10, 200) * 10_000 * (3 if node.depth == 0 else 1)
        by = rng.randrange(len(channel.STAFF_ROLES))
        row = {"id": f"{node.id}-r{k}", "allocationId": node.id, "submittedBy": f"{node.partner_id}-s{by}",
               "name": f"{rng.choice(channel.NAME_HEADS)} {rng.choice(ACTIVITY_TYPES).replace('_', ' ').lower()} {k}",
               "activityType": rng.choice(ACTIVITY_TYPES), "startDate": activity_start.isoformat(),
               "endDate": activity_end.isoformat(), "requestedAmount": requested, "approvedAmount": None,
               "status": status, "submittedAt": submitted, "decidedAt": None, "decidedBy": None,
               "decisionReason": None, "cancelledAt": None, "cancelReason": None}
        row["description"] = f"{row['name']}: the plan as submitted, {activity_start} to {activity_end}."
        approved_first = status == "APPROVED" or status == "CANCELLED" and rng.random() < 0.5
        if status in ("APPROVED", "REJECTED") or approved_first:
            row["decidedAt"] = _after(rng, submitted, 5)
            row["decidedBy"] = "gen-admin" if rng.random() < 0.2 else f"gen-rm{rng.randrange(managers):04d}"
        if approved_first:
            row["approvedAmount"] = requested
            if rng.random() < APPROVED_FOR_LESS:
                row["approvedAmount"] = _round_up(requested * (0.5 + rng.random() * 0.4), 10_000)
                row["decisionReason"] = rng.choice(LESS_REASONS)
        if status == "REJECTED":
            row["decisionReason"] = rng.choice(REQUEST_REJECT_REASONS)
        if status == "CANCELLED":
            row["cancelledAt"] = _after(rng, row["decidedAt"] or submitted, 20)
            row["cancelReason"] = rng.choice(CANCEL_REASONS)
        row["updatedAt"] = max(t for t in (submitted, row["decidedAt"], row["cancelledAt"]) if t)
        for key in ("submittedAt", "decidedAt", "cancelledAt", "updatedAt"):
            row[key] = _iso(row[key])
        yield row


def _claims(rng, request: dict, partner_id: str, claim_days: int, managers: int, payments) -> Iterator[dict]:
    """The claims against an APPROVED request whose activity has ended: submitted from its end date to its claim
    deadline (and before the reference moment), live ones together within the approved amount; a later claim of
    a pattern is submitted after the one before was decided, and dropped when there is no room left."""
    ended = date.fromisoformat(request["endDate"])
    claim_by = ended + timedelta(days=claim_days)
    if ended >= channel.REFERENCE.date():
        return
    pattern = _pick(rng, CLAIM_PATTERNS)
    live = sum(1 for status in pattern if status != "REJECTED")
    opens = max(_at(ended, 0), datetime.fromisoformat(request["decidedAt"]))
    closes = min(_at(claim_by, 23.9), channel.REFERENCE - timedelta(minutes=1))
    for n, status in enumerate(pattern):
        if opens >= closes:
            return
        submitted = opens + (closes - opens) * rng.random() * (0.5 if n + 1 < len(pattern) else 1.0)
        share = 0.6 + rng.random() * 0.4
        amount = int(request["approvedAmount"] * share / (1 if status == "REJECTED" else live)) // 100 * 100
        row = {"id": f"{request['id']}-c{n}", "requestId": request["id"], "amount": max(100, amount),
               "status": status, "submittedBy": f"{partner_id}-s{rng.randrange(len(channel.STAFF_ROLES))}",
               "submittedAt": submitted, "decidedAt": None, "decidedBy": None, "decisionReason": None,
               "paidAt": None, "paymentReference": None}
        if status != "SUBMITTED":
            row["decidedAt"] = _after(rng, submitted, 10)
            if row["decidedAt"] is None:
                row["status"] = "SUBMITTED"
            else:
                row["decidedBy"] = "gen-admin" if rng.random() < 0.3 else f"gen-rm{rng.randrange(managers):04d}"
        if row["status"] == "REJECTED":
            row["decisionReason"] = rng.choice(CLAIM_REJECT_REASONS)
        if row["status"] == "PAID":
            row["paidAt"] = _after(rng, row["decidedAt"], 30)
            if row["paidAt"] is None:
                row["status"] = "APPROVED"
            else:
                row["paymentReference"] = f"GPAY-{row['paidAt'].year}-{next(payments):06d}"
        row["updatedAt"] = max(t for t in (submitted, row["decidedAt"], row["paidAt"]) if t)
        row["proofs"] = [_proof(row["id"], position, name, content_type, rng)
                         for position, (name, content_type) in enumerate(rng.sample(PROOF_FILES, rng.randint(1, 3)))]
        opens = row["decidedAt"] or submitted
        for key in ("submittedAt", "decidedAt", "paidAt", "updatedAt"):
            row[key] = _iso(row[key])
        yield row


def _proof(claim_id: str, position: int, name: str, content_type: str, rng) -> dict:
    return {"position": position, "name": name, "contentType": content_type, "size": rng.randint(20_000, 8_000_000),
            "checksum": "sha256:" + hashlib.sha256(f"{claim_id}/{name}".encode()).hexdigest(),
            "storageRef": f"s3://partnergraph-gen-proofs/{claim_id}/{name}"}


def budgets(shape: ChannelShape) -> Iterator[dict]:
    for program in funds(shape):
        yield from program.budgets


def allocations(shape: ChannelShape) -> Iterator[dict]:
    """Every allocation after the one it is drawn from."""
    for program in funds(shape):
        yield from program.allocations


def requests(shape: ChannelShape) -> Iterator[dict]:
    for program in funds(shape):
        yield from program.requests


def claims(shape: ChannelShape) -> Iterator[dict]:
    for program in funds(shape):
        yield from program.claims


def influence(shape: ChannelShape) -> Iterator[dict]:
    for program in funds(shape):
        yield from program.influence
