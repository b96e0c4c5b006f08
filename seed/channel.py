"""Rows of a generated channel, phase by phase. Each phase is a generator of row dicts: nothing
holds more than one batch, and the same shape and seed always give the same rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

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
                {"id": f"{sid}-revenue", "metric": "annualRevenue", "operator": "GTE",
                 "threshold": float(10 ** (7 - rank))},
                {"id": f"{sid}-winrate", "metric": "winRate", "operator": "GTE", "threshold": round(0.5 - 0.1 * rank, 2)}]
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
            yield {"id": f"{partner_id}-{program['id']}", "partnerId": partner_id, "programId": program["id"],
                   "segmentId": f"{program['id']}-{segment.lower()}", "status": status,
                   "onboarded": status != "PENDING", "createdAt": _moment(rng)}
