"""Rows of a generated channel, phase by phase. Each phase is a generator of row dicts: nothing
holds more than one batch, and the same shape and seed always give the same rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from graph.cases.lifecycle import OPEN_CASE_STATUSES
from seed.shape import ChannelShape

# Generated data spans the two years before this moment.
REFERENCE = datetime(2026, 11, 1, tzinfo=UTC)
TWO_YEARS = 730

PARTNER_TYPES = (("RESELLER", 55), ("SYSTEM_INTEGRATOR", 15), ("SERVICE_PROVIDER", 10), ("REFERRAL", 10),
                 ("FRANCHISE", 5), ("OEM", 5))
PARTNER_STATUSES = (("ACTIVE", 80), ("PROSPECT", 8), ("SUSPENDED", 7), ("TERMINATED", 5))
PLACES = (("US", "USD", 40), ("CA", "CAD", 6), ("GB", "GBP", 10), ("DE", "EUR", 12), ("FR", "EUR", 8),
          ("AT", "EUR", 3), ("AU", "AUD", 7), ("NZ", "NZD", 2), ("JP", "JPY", 7), ("BR", "BRL", 5))
NAME_HEADS = ("North", "Blue", "Summit", "Bright", "Cedar", "Iron", "Harbor", "Silver", "Granite", "Pioneer",
              "Vertex", "Lumen", "Atlas", "Crest", "Delta", "Evergreen")
NAME_TAILS = ("Systems", "Solutions", "Networks", "Technologies", "Partners", "IT", "Cloud", "Digital",
              "Integrators", "Services")
INDUSTRIES = ("Manufacturing", "Healthcare", "Retail", "Financial services", "Energy", "Logistics",
              "Software", "Telecommunications", "Public sector", "Education")
STAFF_ROLES = ("ADMIN", "MANAGER", "ASSOCIATE", "ASSOCIATE", "ASSOCIATE")  # about five people a partner

PROGRAMS = (
    {"id": "gprog-reseller", "name": "Global Reseller Program", "kind": "RESELLER", "share": 0.85,
     "segments": ("Platinum", "Gold", "Silver", "Bronze")},
    {"id": "gprog-services", "name": "Managed Services Program", "kind": "SERVICE_PROVIDER", "share": 0.30,
     "segments": ("Premier", "Advanced", "Registered")},
    {"id": "gprog-build", "name": "Build Program", "kind": "BUILD", "share": 0.10,
     "segments": ("Elite", "Member")},
)
# Partners fill lower segments more often than the top one.
SEGMENT_WEIGHTS = {2: (30, 70), 3: (10, 30, 60), 4: (5, 15, 35, 45)}
PARTNERSHIP_STATUSES = (("ACTIVE", 75), ("PENDING", 8), ("SUSPENDED", 7), ("TERMINATED", 10))


def _pick(rng, weighted):
    return rng.choices([w[:-1] if len(w) > 2 else w[0] for w in weighted], weights=[w[-1] for w in weighted])[0]


def _moment(rng) -> str:
    return (REFERENCE - timedelta(days=rng.random() * TWO_YEARS)).isoformat()


def enterprise(shape: ChannelShape) -> dict[str, list[dict]]:
    managers = max(2, shape.partners // 250)
    people = [{"id": "gen-admin", "name": "Generated Admin", "email": "admin@gen.example", "orgId": "gio-channel",
               "role": "ADMIN"},
              {"id": "gen-executive", "name": "Generated Executive", "email": "exec@gen.example",
               "orgId": "gio-channel", "role": "EXECUTIVE"}]
    people += [{"id": f"gen-rm{i:04d}", "name": f"Relationship Manager {i}", "email": f"rm{i}@gen.example",
                "orgId": "gio-channel", "role": "RELATIONSHIP_MANAGER"} for i in range(managers)]
    people += [{"id": f"gen-agent{i:03d}", "name": f"Partner Agent {i}", "email": f"agent{i}@gen.example",
                "orgId": "gio-services", "role": "PARTNER_AGENT"} for i in range(max(2, shape.partners // 1000))]
    orgs = [{"id": "gio-channel", "name": "Channel Sales"}, {"id": "gio-services", "name": "Partner Services"}]
    return {"orgs": orgs, "people": people}


def programs() -> list[dict]:
    rows = []
    for program in PROGRAMS:
        segments = []
        for rank, name in enumerate(program["segments"], start=1):
            sid = f"{program['id']}-{name.lower()}"
            criteria = [] if rank == len(program["segments"]) else [
                {"id": f"{sid}-revenue", "metric": "REVENUE", "operator": "GTE",
                 "threshold": float(10 ** (7 - rank))},
                {"id": f"{sid}-winrate", "metric": "WIN_RATE", "operator": "GTE",
                 "threshold": round(0.5 - 0.1 * rank, 2)}]
            segments.append({"id": sid, "name": name, "rank": rank, "isDefault": rank == len(program["segments"]),
                             "criteria": criteria})
        rows.append({"id": program["id"], "name": program["name"], "kind": program["kind"], "status": "APPROVED",
                     "orgId": "gio-channel", "startDate": "2024-01-01", "segments": segments})
    return rows


def partners(shape: ChannelShape, level: int) -> Iterator[dict]:
    rng = shape.rng(f"partners-{level}")
    for index in range(shape.level_sizes[level]):
        country, currency = _pick(rng, PLACES)
        parent = shape.partner_id(level - 1, shape.parent_index(rng, level)) if level else None
        yield {
            "id": shape.partner_id(level, index),
            "name": f"{rng.choice(NAME_HEADS)} {rng.choice(NAME_TAILS)} {shape.level_offset(level) + index}",
            "type": "DISTRIBUTOR" if level == 0 else _pick(rng, PARTNER_TYPES),
            "status": "ACTIVE" if level == 0 else _pick(rng, PARTNER_STATUSES),
            "country": country,
            "currency": currency,
            "createdAt": _moment(rng),
            "parentId": parent,
        }


def staff(shape: ChannelShape) -> Iterator[dict]:
    rng = shape.rng("staff")
    for partner_id in shape.all_partner_ids():
        for n, role in enumerate(STAFF_ROLES):
            yield {"id": f"{partner_id}-s{n}", "partnerId": partner_id, "role": role,
                   "name": f"{role.title()} {n} of {partner_id}", "email": f"s{n}.{partner_id}@gen.example",
                   "createdAt": _moment(rng)}


def managed_partners(shape: ChannelShape) -> Iterator[dict]:
    """Each relationship manager manages a few distributors and first-level resellers."""
    managers = len([p for p in enterprise(shape)["people"] if p["role"] == "RELATIONSHIP_MANAGER"])
    rng = shape.rng("managers")
    for level in (0, 1):
        for index in range(shape.level_sizes[level]):
            if level == 0 or rng.random() < 0.15:
                yield {"managerId": f"gen-rm{rng.randrange(managers):04d}", "partnerId": shape.partner_id(level, index)}


def accounts(shape: ChannelShape) -> Iterator[dict]:
    """About two end customers per partner; one in five is served by two partners."""
    rng = shape.rng("accounts")
    ids = list(shape.level_sizes)
    for n in range(shape.partners * 2):
        served = {_random_partner(shape, rng, ids)}
        if rng.random() < 0.2:
            served.add(_random_partner(shape, rng, ids))
        country, _ = _pick(rng, PLACES)
        yield {"id": f"gacct{n:07d}", "name": f"{rng.choice(NAME_HEADS)} {rng.choice(INDUSTRIES)} {n}",
               "country": country, "industry": rng.choice(INDUSTRIES), "createdAt": _moment(rng),
               "partnerIds": sorted(served)}


def _random_partner(shape: ChannelShape, rng, sizes) -> str:
    index = rng.randrange(shape.partners)
    for level, size in enumerate(sizes):
        if index < size:
            return shape.partner_id(level, index)
        index -= size
    raise AssertionError("index beyond the channel")


def partnerships(shape: ChannelShape) -> Iterator[dict]:
    rng = shape.rng("partnerships")
    for partner_id in shape.all_partner_ids():
        for program in PROGRAMS:
            if rng.random() >= program["share"]:
                continue
            names = program["segments"]
            segment = names[rng.choices(range(len(names)), weights=SEGMENT_WEIGHTS[len(names)])[0]]
            status = _pick(rng, PARTNERSHIP_STATUSES)
            created = _moment(rng)
            yield {"id": f"{partner_id}-{program['id']}", "partnerId": partner_id, "programId": program["id"],
                   "segmentId": f"{program['id']}-{segment.lower()}", "status": status,
                   "onboarded": status != "PENDING", "createdAt": created,
                   "offboardedAt": _offboarded(created) if status == "TERMINATED" else None}


def _offboarded(created: str) -> str:
    """About 200 days after onboarding, and before the reference moment (the change history says when)."""
    start = datetime.fromisoformat(created)
    return _iso(start + min(timedelta(days=200), (REFERENCE - start) * 0.9))


# --- Selling: catalog, exchange rates, deal registrations with their lineage -------------------------

PRODUCTS = (("gprod-erp", "ERP Suite", "ERP-100", 1_200_000), ("gprod-crm", "CRM Cloud", "CRM-200", 450_000),
            ("gprod-analytics", "Analytics", "ANA-300", 300_000),
            ("gprod-support", "Premium Support", "SUP-400", 100_000),
            ("gprod-security", "Security Suite", "SEC-500", 650_000), ("gprod-hr", "HR Cloud", "HRC-600", 380_000),
            ("gprod-iot", "IoT Edge", "IOT-700", 220_000), ("gprod-platform", "Data Platform", "DAT-900", 2_500_000))
# Units of each currency per US dollar (the seeded exchange rates drift around these).
USD_RATES = {"USD": 1.0, "CAD": 1.36, "GBP": 0.79, "EUR": 0.92, "AUD": 1.52, "NZD": 1.65, "JPY": 150.0, "BRL": 5.0}
DEAL_STATUSES = (("DRAFT", None, 5), ("SUBMITTED", None, 5), ("UNDER_REVIEW", None, 5), ("APPROVED", None, 10),
                 ("REJECTED", None, 10), ("CANCELLED", None, 5), ("CLOSED", "CONVERTED", 45),
                 ("CLOSED", "EXPIRED", 10), ("CLOSED", "DUPLICATE", 4), ("CLOSED", "INCOMPLETE", 1))
DEALS_PER_PARTNER = {"ACTIVE": 5, "SUSPENDED": 2, "TERMINATED": 1, "PROSPECT": 0}
OPPORTUNITY_STAGES = (("PROSPECTING", 8), ("QUALIFICATION", 8), ("PROPOSAL", 10), ("NEGOTIATION", 8),
                      ("CLOSED_WON", 38), ("CLOSED_LOST", 28))
REVIEW_DAYS, PROTECTION_DAYS = 14, 90  # the gateway's defaults (PARTNERGRAPH_DEAL_REVIEW_DAYS / _PROTECTION_DAYS)
PROGRAM_WEIGHTS = (("gprog-reseller", 80), ("gprog-services", 15), ("gprog-build", 5))
REJECT_REASONS = ("The account is served directly by the enterprise.", "Insufficient qualification details.",
                  "Another partner holds protection on this account.")


def _iso(moment: datetime) -> str:
    return moment.isoformat()


def _recent(rng, days: float) -> datetime:
    return REFERENCE - timedelta(days=rng.random() * days)


def all_partners(shape: ChannelShape) -> Iterator[dict]:
    """Every partner's row again, level by level (regenerated, never held)."""
    for level in range(len(shape.level_sizes)):
        yield from partners(shape, level)


def catalog(shape: ChannelShape) -> Iterator[dict]:
    """The products, then a monthly exchange rate of every currency against USD over the two years."""
    for pid, name, sku, price in PRODUCTS:
        yield {"kind": "product", "id": pid, "name": name, "sku": sku, "listPrice": price, "currency": "USD"}
    rng = shape.rng("exchange-rates")
    for month in range(24, -1, -1):
        as_of = (REFERENCE - timedelta(days=30.4 * month)).replace(hour=0, minute=0, second=0, microsecond=0)
        for currency, rate in USD_RATES.items():
            if currency != "USD":
                yield {"kind": "rate", "id": f"gfx-usd-{currency.lower()}-{24 - month:02d}", "base": "USD",
                       "quote": currency, "rate": round(rate * (0.95 + rng.random() * 0.1), 4), "asOf": _iso(as_of)}


def _deal_times(rng, status: str, closure: str | None) -> dict:
    """Consistent timestamps for a registration in `status`, all before REFERENCE."""
    if status == "DRAFT":
        created = _recent(rng, 60) - timedelta(days=1)
        return {"createdAt": created, "updatedAt": created + timedelta(hours=rng.random() * 24)}
    if status in ("SUBMITTED", "UNDER_REVIEW"):  # still within its review deadline
        submitted = _recent(rng, REVIEW_DAYS - 1)
    elif status == "APPROVED":  # still protected
        submitted = _recent(rng, PROTECTION_DAYS - 15) - timedelta(days=3)
    else:
        submitted = _recent(rng, TWO_YEARS - 30) - timedelta(days=20)
    created = submitted - timedelta(days=rng.random() * 5)
    times = {"createdAt": created, "submittedAt": submitted, "reviewDeadline": submitted + timedelta(days=REVIEW_DAYS)}
    latest = submitted
    if status == "UNDER_REVIEW":
        latest = submitted + (REFERENCE - submitted) * rng.random()
    decided = status in ("APPROVED", "REJECTED") or closure == "CONVERTED"
    if decided:
        times["decidedAt"] = latest = submitted + timedelta(days=0.2 + rng.random() * 9)
        if status == "APPROVED":
            times["decidedAt"] = latest = min(latest, REFERENCE - timedelta(hours=1))
        if status != "REJECTED":
            times["protectedUntil"] = times["decidedAt"] + timedelta(days=PROTECTION_DAYS)
    if status == "CANCELLED":
        times["closedAt"] = latest = submitted + timedelta(days=rng.random() * 5)
    elif closure == "CONVERTED":
        times["closedAt"] = latest = times["decidedAt"] + timedelta(days=rng.random() * 10)
    elif closure == "EXPIRED":
        times["closedAt"] = latest = times["reviewDeadline"] + timedelta(hours=rng.random() * 24)
    elif closure in ("DUPLICATE", "INCOMPLETE"):
        times["closedAt"] = latest = submitted + timedelta(days=rng.random() * REVIEW_DAYS)
    times["updatedAt"] = min(latest, REFERENCE)
    return times


def deal_registrations(shape: ChannelShape) -> Iterator[dict]:
    """About five registrations per active partner, each with its whole lineage: lines, the decision, and
    for a converted one its opportunity, quote versions and the order of an accepted quote. The account is
    picked in Cypher among those the partner serves (`accountPick`), so no phase holds the accounts."""
    rng = shape.rng("deals")
    managers = max(2, shape.partners // 250)
    for partner in all_partners(shape):
        pid, currency = partner["id"], partner["currency"]
        count = DEALS_PER_PARTNER[partner["status"]]
        count = max(0, count + rng.randrange(-2, 3)) if count else 0
        if partner["type"] == "DISTRIBUTOR":
            count *= 3
        for k in range(count):
            status, closure = _pick(rng, DEAL_STATUSES)
            times = _deal_times(rng, status, closure)
            products = rng.sample(PRODUCTS, rng.choice((1, 1, 2, 3)))
            lines = [{"id": f"{pid}-d{k}-l{n}", "productId": prod[0], "quantity": rng.randint(1, 20)}
                     for n, prod in enumerate(products)]
            usd = sum(line["quantity"] * prod[3] for line, prod in zip(lines, products, strict=True))
            factor = USD_RATES[currency]
            row = {
                "id": f"{pid}-d{k}", "partnerId": pid, "accountPick": rng.randrange(1 << 30),
                "fallbackAccountId": f"gacct{rng.randrange(shape.partners * 2):07d}",
                "programId": _pick(rng, PROGRAM_WEIGHTS),
                "name": f"{rng.choice(INDUSTRIES)} {products[0][1]} {k}", "status": status, "closureCode": closure,
                "estimatedAmount": int(usd * factor), "currency": currency,
                "expectedCloseDate": (times["createdAt"] + timedelta(days=rng.randint(30, 180))).date().isoformat(),
                "submittedBy": f"{pid}-s{rng.randrange(len(STAFF_ROLES))}",
                "ownerId": f"{pid}-s{rng.randrange(2, len(STAFF_ROLES))}" if rng.random() < 0.3 else None,
                "decidedBy": None, "decisionReason": None, "lines": lines, "opportunity": None,
            }
            if "decidedAt" in times:
                row["decidedBy"] = "gen-admin" if rng.random() < 0.2 else f"gen-rm{rng.randrange(managers):04d}"
                if status == "REJECTED":
                    row["decisionReason"] = rng.choice(REJECT_REASONS)
            latest = times["updatedAt"]
            if closure == "CONVERTED":
                row["opportunity"], latest = _opportunity(rng, row, products, factor, times["closedAt"])
                latest = max(latest, times["updatedAt"])
            row["lineageChangedAt"] = _iso(latest)
            row.update({key: _iso(value) for key, value in times.items()})
            yield row


def _opportunity(rng, deal: dict, products, factor: float, created: datetime) -> tuple[dict, datetime]:
    stage = _pick(rng, OPPORTUNITY_STAGES)
    closed = created + timedelta(days=10 + rng.random() * 120)
    if stage.startswith("CLOSED") and closed > REFERENCE:
        stage = "NEGOTIATION"  # not closed yet at the reference moment
    opp = {"id": deal["id"] + "-o", "name": deal["name"], "stage": stage, "amount": deal["estimatedAmount"],
           "currency": deal["currency"], "createdAt": _iso(created),
           "closedAt": _iso(closed) if stage.startswith("CLOSED") else None, "quotes": []}
    latest = closed if stage.startswith("CLOSED") else created + (REFERENCE - created) * rng.random()
    versions = {"PROSPECTING": 0, "QUALIFICATION": 0, "PROPOSAL": 1, "NEGOTIATION": rng.randint(1, 2),
                "CLOSED_WON": rng.randint(1, 3), "CLOSED_LOST": rng.randint(0, 2)}[stage]
    last_status = {"PROPOSAL": rng.choice(("DRAFT", "SUBMITTED")), "NEGOTIATION": rng.choice(("SUBMITTED", "APPROVED")),
                   "CLOSED_WON": "ACCEPTED", "CLOSED_LOST": "REJECTED"}.get(stage)
    span = (latest - created) / (versions + 1)
    for v in range(1, versions + 1):
        discount = round(rng.choice((0.0, 2.5, 5.0, 10.0, 15.0)), 1)
        lines = [{"id": f"{opp['id']}-q{v}-l{n}", "productId": prod[0], "quantity": line["quantity"],
                  "unitPrice": int(prod[3] * factor * (1 - rng.random() * 0.1))}
                 for n, (prod, line) in enumerate(zip(products, deal["lines"], strict=True))]
        subtotal = sum(line["quantity"] * line["unitPrice"] for line in lines)
        at = created + span * v
        status = last_status if v == versions else "REJECTED"
        quote = {"id": f"{opp['id']}-q{v}", "version": v, "status": status, "discountPercent": discount,
                 "subtotal": subtotal, "total": subtotal - round(subtotal * discount / 100), "createdAt": _iso(at),
                 "updatedAt": _iso(at + span / 2), "revisesId": f"{opp['id']}-q{v - 1}" if v > 1 else None,
                 "lines": lines, "order": None}
        if status == "ACCEPTED":
            order_status = "FULFILLED" if closed < REFERENCE - timedelta(days=30) and rng.random() < 0.9 else \
                rng.choice(("PLACED", "PLACED", "CANCELLED"))
            quote["order"] = {"id": f"{opp['id']}-ord", "status": order_status, "placedAt": _iso(closed),
                              "updatedAt": _iso(min(REFERENCE, closed + timedelta(days=rng.random() * 30)))}
            latest = max(latest, datetime.fromisoformat(quote["order"]["updatedAt"]))
        opp["quotes"].append(quote)
    opp["updatedAt"] = _iso(latest)
    return opp, latest


def conflict_candidates(shape: ChannelShape) -> Iterator[dict]:
    """The registrations that were submitted and may compete (checked in Cypher against the others of the
    same account, as the submit of the selling domain does)."""
    for row in deal_registrations(shape):
        if row["status"] in ("SUBMITTED", "UNDER_REVIEW"):
            yield {"id": row["id"], "at": row["submittedAt"]}


# --- Cases with their SLA clocks ------------------------------------------------------------------------

CASE_STATUSES = (("NEW", 7), ("IN_PROGRESS", 12), ("AWAITING_PARTNER", 6), ("RESOLVED", 6), ("CLOSED", 62),
                 ("CANCELLED", 7))
CASE_PRIORITIES = (("P1", 5), ("P2", 20), ("P3", 45), ("P4", 30))
CASE_CATEGORIES = ("TECHNICAL", "LICENSING", "BILLING", "ORDERING", "ONBOARDING", "TRAINING")
CASES_PER_PARTNER = {"ACTIVE": 2, "SUSPENDED": 1, "TERMINATED": 0, "PROSPECT": 1}
# The default targets (minutes) of migration 0006, used to draw realistic response and resolution times.
DEFAULT_TARGETS = {"P1": (60, 480), "P2": (240, 1440), "P3": (480, 4320), "P4": (1440, 10080)}
# Segment policies the generator sets, faster than the defaults for the top segments.
SEGMENT_SLAS = (("gprog-reseller-platinum", 0.5), ("gprog-reseller-gold", 0.75), ("gprog-services-premier", 0.5))
QUEUES = ({"id": "gqueue-support", "name": "Partner Support", "isDefault": True},
          {"id": "gqueue-escalations", "name": "Escalations", "isDefault": False})


def sla_setup(shape: ChannelShape) -> dict:
    """Default policies and the case counter (kept after a wipe), segment policies, queues and their agents."""
    policies = [{"id": f"sla-default-{p.lower()}", "segmentId": None, "priority": p, "isDefault": True,
                 "responseMinutes": r, "resolutionMinutes": s} for p, (r, s) in DEFAULT_TARGETS.items()]
    policies += [{"id": f"sla-{segment}-{p.lower()}", "segmentId": segment, "priority": p, "isDefault": False,
                  "responseMinutes": int(r * factor), "resolutionMinutes": int(s * factor)}
                 for segment, factor in SEGMENT_SLAS for p, (r, s) in DEFAULT_TARGETS.items()]
    agents = [f"gen-agent{i:03d}" for i in range(max(2, shape.partners // 1000))]
    works = [{"agentId": agent, "queueId": QUEUES[0]["id"] if n % 4 else QUEUES[1]["id"]}
             for n, agent in enumerate(agents)]
    return {"policies": policies, "queues": list(QUEUES), "works": works}


def cases(shape: ChannelShape) -> Iterator[dict]:
    """About two cases per active partner, in every state, with the SLA clock as the case domain keeps it:
    the policy is chosen and its minutes copied in Cypher (as `openCase` does); numbers come from the
    case counter, batch by batch, so later cases opened through the API never clash."""
    rng = shape.rng("cases")
    agents = max(2, shape.partners // 1000)
    for partner in all_partners(shape):
        pid = partner["id"]
        count = CASES_PER_PARTNER[partner["status"]]
        count = max(0, count + rng.randrange(-1, 2))
        for k in range(count):
            status, priority = _pick(rng, CASE_STATUSES), _pick(rng, CASE_PRIORITIES)
            response, resolution = DEFAULT_TARGETS[priority]
            open_now = status in OPEN_CASE_STATUSES
            if open_now:
                opened = _recent(rng, 30)
            elif status == "RESOLVED":  # recently, so it may still be reopened
                opened = _recent(rng, 20) - timedelta(days=1)
            else:
                opened = _recent(rng, TWO_YEARS - 40) - timedelta(days=10)
            row = {"id": f"{pid}-c{k}", "partnerId": pid, "priority": priority, "status": status,
                   "category": rng.choice(CASE_CATEGORIES), "openedBy": f"{pid}-s{rng.randrange(len(STAFF_ROLES))}",
                   "ownerId": f"{pid}-s0" if rng.random() < 0.15 else None,
                   "accountPick": rng.randrange(1 << 30) if rng.random() < 0.7 else None,
                   "openedAt": opened, "firstResponseAt": None, "resolvedAt": None, "closedAt": None,
                   "pausedSince": None, "pausedSeconds": 0}
            row["subject"] = f"{row['category'].title()} issue {k} for {pid}"
            # One in six cases misses its targets (minutes drawn against the default policy).
            late = rng.random() < 1 / 6
            if status != "NEW" and not (status == "CANCELLED" and rng.random() < 0.5):
                row["firstResponseAt"] = opened + timedelta(
                    minutes=response * (1.2 + rng.random() if late else rng.random() * 0.9))
            if status in ("RESOLVED", "CLOSED"):
                paused = int(rng.random() * resolution * 20) if rng.random() < 0.3 else 0
                work = resolution * (1.1 + rng.random() if late else 0.1 + rng.random() * 0.8)
                start = row["firstResponseAt"] or opened
                row["resolvedAt"] = max(start, opened + timedelta(minutes=work, seconds=paused))
                row["pausedSeconds"], row["pausedSince"] = paused, row["resolvedAt"]
                if status == "CLOSED":
                    row["closedAt"] = row["resolvedAt"] + timedelta(days=rng.random() * 7)
            elif status == "AWAITING_PARTNER":
                row["pausedSince"] = row["firstResponseAt"] + (REFERENCE - row["firstResponseAt"]) * rng.random()
            elif status == "IN_PROGRESS" and rng.random() < 0.3:
                row["pausedSeconds"] = int((REFERENCE - row["firstResponseAt"]).total_seconds() * rng.random() / 2)
            elif status == "CANCELLED":
                row["closedAt"] = max(row["firstResponseAt"] or opened, opened + timedelta(hours=rng.random() * 48))
            row["assigned"] = (None if status == "NEW" or rng.random() < 0.25
                               else f"gen-agent{rng.randrange(agents):03d}")
            row["queueId"] = None if row["assigned"] else (QUEUES[1]["id"] if priority == "P1" else QUEUES[0]["id"])
            keys = ("openedAt", "firstResponseAt", "resolvedAt", "closedAt", "pausedSince")
            latest = max(row[key] for key in keys if row[key])
            shift = max(timedelta(0), latest - REFERENCE + timedelta(minutes=1))  # everything before REFERENCE
            row["updatedAt"] = latest - shift
            for key in keys:
                row[key] = _iso(row[key] - shift) if row[key] else None
            row["updatedAt"] = _iso(row["updatedAt"])
            yield row


LEADS_PER_PARTNER = 4  # per ACTIVE partner, give or take one
LEAD_STATUSES = (("ROUTED", 25), ("ACCEPTED", 20), ("CONVERTED", 25), ("DISQUALIFIED", 10), ("EXPIRED", 10),
                 ("NEW", 10))
LEAD_SOURCES = ("WEBSITE", "EVENT", "CAMPAIGN", "REFERRAL", "OTHER")
LEAD_RULES = (
    {"id": "gen-rule-resellers", "name": "Resellers in the reseller program", "priority": 10, "countries": [],
     "partnerTypes": ["RESELLER"], "programId": "gprog-reseller", "requireSpecialization": False, "capacity": 10,
     "acceptHours": 48},
    {"id": "gen-rule-any", "name": "Any active partner in the lead's country", "priority": 20, "countries": [],
     "partnerTypes": [], "programId": None, "requireSpecialization": False, "capacity": None, "acceptHours": 72},
)
LEAD_REJECT_REASONS = ("No capacity this quarter.", "Outside our territory.", "Not a product we sell.")


def lead_rules() -> list[dict]:
    return [{**rule, "segmentIds": []} for rule in LEAD_RULES]


def leads(shape: ChannelShape) -> Iterator[dict]:
    """About four leads per active partner, each held by that partner (or, EXPIRED, by none; NEW: not routed), with
    its routing history: earlier offers to other partners that rejected it or let it time out, then its own offer.
    Offers are numbered in the order generated (`seq`, the round-robin order), so `lastSeq` of a batch moves the
    routing counter past them. A CONVERTED lead is linked in Cypher to one of its partner's registrations not yet
    linked (ACCEPTED when there is none)."""
    rng = shape.rng("leads")
    seq = 0
    sizes = list(shape.level_sizes)
    for partner in all_partners(shape):
        if partner["status"] != "ACTIVE":
            continue
        pid = partner["id"]
        for k in range(max(0, LEADS_PER_PARTNER + rng.randrange(-1, 2))):
            status = _pick(rng, LEAD_STATUSES)
            rule = LEAD_RULES[0] if partner["type"] == "RESELLER" else LEAD_RULES[1]
            created = _recent(rng, 120) - timedelta(days=2)
            product = rng.choice(PRODUCTS)
            row = {"id": f"{pid}-lead{k}", "name": f"{rng.choice(NAME_HEADS)} {product[1]} {k}",
                   "company": f"{rng.choice(NAME_HEADS)} {rng.choice(INDUSTRIES)} {pid}-{k}",
                   "contactName": f"Contact {k} of {pid}", "contactEmail": f"lead{k}.{pid}@customer.example",
                   "country": partner["country"], "estimatedAmount": int(product[3] * USD_RATES[partner["currency"]]),
                   "currency": partner["currency"], "source": rng.choice(LEAD_SOURCES), "productId": product[0],
                   "status": status, "createdAt": created, "holderId": None, "offers": [],
                   "unroutedReason": None, "disqualifyReason": None, "acceptHours": rule["acceptHours"],
                   "routedAt": None, "acceptBy": None, "acceptedAt": None, "closedAt": None}
            if status == "NEW":
                row["unroutedReason"] = "no active routing rule matches this lead" if rng.random() < 0.5 else None
            else:
                at = created + timedelta(hours=rng.random() * 12)
                hours = timedelta(hours=rule["acceptHours"])
                earlier = rng.choice((0, 0, 1, 2)) if status != "EXPIRED" else rng.choice((0, 1))
                for n in range(earlier):  # other partners that passed on it first
                    seq += 1
                    outcome = rng.choice(("REJECTED", "TIMED_OUT"))
                    closed = at + (hours if outcome == "TIMED_OUT" else hours * rng.random())
                    row["offers"].append({"id": f"{row['id']}-o{n}", "seq": seq, "partnerId": _random_partner(
                        shape, rng, sizes), "at": _iso(at), "acceptBy": _iso(at + hours), "outcome": outcome,
                        "closedAt": _iso(closed), "ruleId": rule["id"],
                        "reason": rng.choice(LEAD_REJECT_REASONS) if outcome == "REJECTED" else None})
                    at = closed
                seq += 1
                outcome = {"ROUTED": "PENDING", "EXPIRED": "TIMED_OUT"}.get(status, "ACCEPTED")
                closed = None if outcome == "PENDING" else at + (hours if outcome == "TIMED_OUT"
                                                                 else hours * rng.random())
                row["offers"].append({"id": f"{row['id']}-o{earlier}", "seq": seq, "partnerId": pid, "at": _iso(at),
                                      "acceptBy": _iso(at + hours), "outcome": outcome,
                                      "closedAt": _iso(closed) if closed else None, "ruleId": rule["id"],
                                      "reason": None})
                row["routedAt"] = at
                if status == "EXPIRED":
                    row["closedAt"] = closed
                    row["unroutedReason"] = ("every partner the matching rules name is at capacity or was offered this "
                                             "lead already")
                else:
                    row["holderId"] = pid
                if status == "ROUTED":
                    row["acceptBy"] = REFERENCE + hours * rng.random()  # still open when the seed's history ends
                    row["routedAt"] = row["acceptBy"] - hours
                    row["offers"][-1].update(at=_iso(row["routedAt"]), acceptBy=_iso(row["acceptBy"]))
                if status in ("ACCEPTED", "CONVERTED", "DISQUALIFIED"):
                    row["acceptedAt"] = closed
                if status in ("CONVERTED", "DISQUALIFIED"):
                    row["closedAt"] = closed + timedelta(days=rng.random() * 20)
                if status == "DISQUALIFIED":
                    row["disqualifyReason"] = rng.choice(("No budget.", "Duplicate of an existing opportunity.",
                                                          "The customer chose another vendor."))
            row["lastSeq"] = seq
            times = [t for t in (row["createdAt"], row["routedAt"], row["acceptedAt"], row["closedAt"]) if t]
            row["updatedAt"] = max(times)
            for key in ("createdAt", "routedAt", "acceptBy", "acceptedAt", "closedAt", "updatedAt"):
                row[key] = _iso(row[key]) if row[key] else None
            yield row
