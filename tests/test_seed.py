"""`partnergraph seed`: the generated channel is deterministic, multi-tier and skewed, and lands in
an empty database in full (a second throwaway server keeps the demo database untouched)."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

import pytest

from bench.seed_phases import MDF_PHASES
from gateway import database
from gateway.local_neo4j import free_port
from graph.mdf.reads import MdfRepository
from graph.shared import migrations
from seed import channel, mdf
from seed.runner import NotEmpty, seed, seed_phases
from seed.shape import ChannelShape
from tests.conftest import make_settings


def _digest(rows) -> str:
    return hashlib.sha256(json.dumps(list(rows), sort_keys=True).encode()).hexdigest()


def test_same_seed_same_channel_other_seed_other_channel():
    a, b, c = ChannelShape(400, 1), ChannelShape(400, 1), ChannelShape(400, 2)
    for rows in (lambda s: channel.partners(s, 2), channel.accounts, channel.partnerships,
                 channel.deal_registrations, channel.cases, channel.leads, mdf.allocations, mdf.requests,
                 mdf.claims, mdf.influence):
        assert _digest(rows(a)) == _digest(rows(b))
        assert _digest(rows(a)) != _digest(rows(c))


def test_shape_is_a_forest_of_four_levels_below_the_distributors():
    shape = ChannelShape(50_000, 1)
    assert sum(shape.level_sizes) == 50_000 and len(shape.level_sizes) == 5
    assert shape.distributors == 100
    ids_by_level = [set(shape.partner_id(level, i) for i in range(size))
                    for level, size in enumerate(shape.level_sizes)]
    for level in range(1, 5):
        parents = {row["parentId"] for row in channel.partners(shape, level)}
        assert parents <= ids_by_level[level - 1]


@pytest.fixture(scope="module")
async def empty_graph(tmp_path_factory):
    seeded = make_settings(tmp_path_factory.mktemp("seed-db"), free_port(), demo_data=False)
    server = database.local_server(seeded)
    server.start()
    client = database.graph_client(seeded)
    await migrations.migrate(client.session())
    yield client
    await client.close()
    server.stop()


SHAPE = ChannelShape(300, 5)


@pytest.fixture(scope="module")
async def seeded(empty_graph):
    """The channel of SHAPE, seeded once for the module's tests: (client, report)."""
    return empty_graph, await seed(empty_graph, SHAPE, batch_size=97, show_progress=False)


async def test_seed_writes_the_whole_channel(seeded):
    empty_graph, report = seeded
    shape = SHAPE
    facts = (await empty_graph.session().read_transaction(lambda tx: tx.run("""
        MATCH (p:Partner)
        RETURN count(p) AS partners,
               COUNT { ()-[:PARENT_OF]->() } AS links,
               COUNT { (:Person)-[:MEMBER_OF]->() } AS staff,
               COUNT { (:Account) } AS accounts,
               max(COUNT { (p)<-[:PARENT_OF*]-() }) AS maxDepth""")))[0]
    assert facts == {"partners": 300, "links": 300 - shape.distributors, "staff": 1500, "accounts": 600, "maxDepth": 4}
    assert report.rows["staff"] == 1500 and report.rows["partnerships"] > 0
    subtrees = await empty_graph.session().read_transaction(lambda tx: tx.run(
        "MATCH (d:Partner {type: 'DISTRIBUTOR'}) RETURN COUNT { (d)-[:PARENT_OF*]->() } AS size ORDER BY size DESC"))
    sizes = [row["size"] for row in subtrees]
    assert sizes[0] > 2 * sizes[-1]  # skewed: one large distributor, smaller ones
    await _check_selling_and_cases(empty_graph, shape, report)
    await _check_leads(empty_graph, shape, report)
    with pytest.raises(NotEmpty):
        await seed(empty_graph, shape, show_progress=False)


async def _check_leads(graph, shape: ChannelShape, report) -> None:
    """About four leads per active partner with their routing history, held as their status says, the routing
    counter past every offer."""
    generated = list(channel.leads(shape))
    active = sum(1 for p in channel.all_partners(shape) if p["status"] == "ACTIVE")
    assert 3 * active <= len(generated) <= 5 * active and report.rows["leads"] == len(generated)
    facts = (await _read(graph, """
        MATCH (counter:LeadRouting {id: 'leads'})
        RETURN COUNT { (:Lead) } AS leads, COUNT { (:LeadOffer) } AS offers, counter.offers AS counter,
               COUNT { (l:Lead) WHERE (l.status IN ['ROUTED', 'ACCEPTED', 'CONVERTED', 'DISQUALIFIED'])
                                  <> EXISTS { (l)-[:ROUTED_TO]->(:Partner) } } AS badHolders,
               COUNT { (l:Lead {status: 'ROUTED'}) WHERE NOT (l)-[:OFFERED]->(:LeadOffer {outcome: 'PENDING'}) }
                 AS unoffered,
               COUNT { (l:Lead {status: 'CONVERTED'}) WHERE NOT (l)-[:CONVERTED_TO]->(:DealRegistration)
                                                        -[:REGISTERED_BY]->()<-[:ROUTED_TO]-(l) } AS unlinked,
               COUNT { (:Lead {status: 'CONVERTED'}) } AS converted,
               COUNT { (:LeadRoutingRule) } AS rules"""))[0]
    offers = [o for lead in generated for o in lead["offers"]]
    assert facts == {"leads": len(generated), "offers": len(offers), "counter": max(o["seq"] for o in offers),
                     "badHolders": 0, "unoffered": 0, "unlinked": 0, "converted": facts["converted"],
                     "rules": len(channel.LEAD_RULES)}
    assert facts["converted"] > len(generated) / 10


async def _read(client, query: str) -> list[dict]:
    return await client.session().read_transaction(lambda tx: tx.run(query))


async def _check_selling_and_cases(graph, shape: ChannelShape, report) -> None:
    deals = list(channel.deal_registrations(shape))
    generated_cases = list(channel.cases(shape))
    facts = (await _read(graph, """
        RETURN COUNT { (:DealRegistration) } AS deals, COUNT { (:Opportunity) } AS opportunities,
               COUNT { (:Quote) } AS quotes, COUNT { (:Order) } AS orders, COUNT { (:Case) } AS cases,
               COUNT { (:Product) } AS products, COUNT { (:ExchangeRate) } AS rates,
               COUNT { (d:DealRegistration) WHERE NOT (d)-[:FOR]->(:Account) OR NOT (d)-[:REGISTERED_BY]->(:Partner)
                       OR NOT (d)-[:SUBMITTED_BY]->(:Person)-[:MEMBER_OF]->()<-[:REGISTERED_BY]-(d) } AS orphanDeals,
               COUNT { (c:Case) WHERE COUNT { (c)-[:ASSIGNED_TO|IN_QUEUE]->() } <> 1
                       OR NOT (c)-[:UNDER_SLA]->(:SlaPolicy) } AS badCases,
               COUNT { ()-[:CONFLICTS_WITH]->() } AS conflicts"""))[0]
    opportunities = [d["opportunity"] for d in deals if d["opportunity"]]
    quotes = [q for o in opportunities for q in o["quotes"]]
    assert facts == {"deals": len(deals), "opportunities": len(opportunities), "quotes": len(quotes),
                     "orders": sum(1 for q in quotes if q["order"]), "cases": len(generated_cases),
                     "products": len(channel.PRODUCTS), "rates": 25 * (len(channel.USD_RATES) - 1),
                     "orphanDeals": 0, "badCases": 0, "conflicts": facts["conflicts"]}
    assert report.rows["deal registrations"] == len(deals) and report.rows["cases"] == len(generated_cases)
    assert len(deals) > 3 * shape.partners and len(generated_cases) > shape.partners

    statuses = {row["status"]: row["n"] for row in await _read(
        graph, "MATCH (d:DealRegistration) RETURN d.status AS status, count(*) AS n")}
    assert set(statuses) == {"DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "REJECTED", "CANCELLED", "CLOSED"}
    assert statuses["CLOSED"] > statuses["APPROVED"] > statuses["DRAFT"]
    closures = {row["code"] for row in await _read(
        graph, "MATCH (d:DealRegistration {status: 'CLOSED'}) RETURN DISTINCT d.closureCode AS code")}
    assert closures == {"CONVERTED", "EXPIRED", "DUPLICATE", "INCOMPLETE"}
    stages = {row["stage"] for row in await _read(graph, "MATCH (o:Opportunity) RETURN DISTINCT o.stage AS stage")}
    assert stages == {"PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "CLOSED_WON", "CLOSED_LOST"}
    case_statuses = {row["status"] for row in await _read(graph, "MATCH (c:Case) RETURN DISTINCT c.status AS status")}
    assert case_statuses == {"NEW", "IN_PROGRESS", "AWAITING_PARTNER", "RESOLVED", "CLOSED", "CANCELLED"}

    # Every record lies within the two years before REFERENCE; open deals are within their deadlines.
    bounds = (await _read(graph, """
        MATCH (d:DealRegistration)
        RETURN min(d.createdAt) AS first, max(d.lineageChangedAt) AS last,
               COUNT { (x:DealRegistration) WHERE x.status IN ['SUBMITTED', 'UNDER_REVIEW']
                       AND x.reviewDeadline <= datetime($ref) } AS overdue,
               COUNT { (x:DealRegistration {status: 'APPROVED'})
                       WHERE x.protectedUntil <= datetime($ref) } AS unprotected
        """.replace("$ref", f"'{channel.REFERENCE.isoformat()}'")))[0]
    assert bounds["first"].to_native() >= channel.REFERENCE - timedelta(days=channel.TWO_YEARS)
    assert bounds["last"].to_native() <= channel.REFERENCE
    assert bounds["overdue"] == 0 and bounds["unprotected"] == 0

    # Case SLA fields as the case domain keeps them: the policy's minutes copied, the pause clock per state,
    # numbers unique and the counter past the last one.
    sla = (await _read(graph, """
        MATCH (c:Case)-[:UNDER_SLA]->(pol:SlaPolicy)
        RETURN count(*) AS cases,
               sum(CASE WHEN c.responseMinutes = pol.responseMinutes AND c.resolutionMinutes = pol.resolutionMinutes
                        THEN 1 ELSE 0 END) AS copied,
               sum(CASE WHEN c.status IN ['AWAITING_PARTNER', 'RESOLVED', 'CLOSED'] AND c.pausedSince IS NULL
                          OR c.status IN ['NEW', 'IN_PROGRESS'] AND c.pausedSince IS NOT NULL
                          OR c.status IN ['RESOLVED', 'CLOSED'] AND c.resolvedAt IS NULL
                          OR c.status IN ['CLOSED', 'CANCELLED'] AND c.closedAt IS NULL
                          OR c.pausedSeconds IS NULL OR c.status <> 'NEW' AND c.status <> 'CANCELLED'
                             AND c.firstResponseAt IS NULL THEN 1 ELSE 0 END) AS inconsistent,
               count(DISTINCT c.number) AS numbers, max(c.number) AS top,
               COUNT { (c2:Case)-[:UNDER_SLA]->(:SlaPolicy {isDefault: false}) } AS segmentPolicies"""))[0]
    assert sla["copied"] == sla["cases"] == sla["numbers"] and sla["inconsistent"] == 0
    assert sla["segmentPolicies"] > 0
    counter = (await _read(graph, "MATCH (n:CaseNumbering {id: 'cases'}) RETURN n.last AS last"))[0]["last"]
    assert sla["top"] == f"CASE-{counter:06d}"

    # A sample lineage, exactly as generated: registration → opportunity → quote versions → order.
    sample = next(d for d in deals if d["opportunity"] and d["opportunity"]["stage"] == "CLOSED_WON")
    lineage = (await _read(graph, f"""
        MATCH (p:Partner)<-[:REGISTERED_BY]-(d:DealRegistration
                                             {{id: '{sample["id"]}'}})-[:CONVERTED_TO]->(o:Opportunity)
        RETURN p.id AS partner, d.status AS status, d.closureCode AS closure, o.stage AS stage,
               COLLECT {{ MATCH (o)-[:QUOTED_AS]->(q:Quote) RETURN q.status ORDER BY q.version }} AS quotes,
               COLLECT {{ MATCH (o)-[:QUOTED_AS]->(q)-[:REVISES]->(prev)
                          RETURN prev.version ORDER BY prev.version }} AS revised,
               COLLECT {{ MATCH (o)-[:QUOTED_AS]->()-[:ORDERED_AS]->(ord:Order) RETURN ord.id }} AS orders,
               COUNT {{ (d)-[:HAS_LINE]->(:LineItem)-[:OF]->(:Product) }} AS lines"""))[0]
    versions = sample["opportunity"]["quotes"]
    assert lineage == {"partner": sample["partnerId"], "status": "CLOSED", "closure": "CONVERTED",
                       "stage": "CLOSED_WON", "quotes": [q["status"] for q in versions],
                       "revised": list(range(1, len(versions))), "orders": [versions[-1]["order"]["id"]],
                       "lines": len(sample["lines"])}


# --- Market development funds: every rule the API enforces holds on the seeded data ---------------------------
# Each query counts the violations of one rule; $ref is the channel's reference moment.
MDF_RULES = {
    "budget of an APPROVED program, in USD": """
        MATCH (b:MdfBudget)
        WHERE COUNT { (:Program {status: 'APPROVED'})-[:HAS_BUDGET]->(b) } <> 1 OR b.currency <> 'USD'
           OR b.startDate > b.endDate OR b.claimDays IS NULL
        RETURN count(b) AS violations""",
    "allocations drawn from a budget fit in it": """
        MATCH (b:MdfBudget)
        CALL (b) { MATCH (b)<-[:DRAWN_FROM]-(a:FundAllocation) RETURN sum(a.amount) AS drawn }
        WITH b, drawn WHERE b.amount < drawn
        RETURN count(b) AS violations""",
    "sub-allocations and approved requests fit in their allocation": """
        MATCH (a:FundAllocation)
        CALL (a) { MATCH (a)<-[:DRAWN_FROM]-(s:FundAllocation) RETURN sum(s.amount) AS passed }
        CALL (a) { MATCH (a)<-[:DRAWS_ON]-(r:FundRequest {status: 'APPROVED'})
                   RETURN sum(r.approvedAmount) AS committed }
        WITH a, passed, committed WHERE a.amount < passed + committed
        RETURN count(a) AS violations""",
    "an allocation is drawn from one source, to one ACTIVE partner, by one person, in the source's currency": """
        MATCH (a:FundAllocation)
        WHERE COUNT { (a)-[:DRAWN_FROM]->() } <> 1 OR COUNT { (a)-[:CREATED_BY]->(:Person) } <> 1
           OR COUNT { (a)-[:ALLOCATED_TO]->(:Partner {status: 'ACTIVE'}) } <> 1
           OR NOT EXISTS { (a)-[:DRAWN_FROM]->(s) WHERE (s:MdfBudget OR s:FundAllocation) AND s.currency = a.currency }
           OR a.amount <= 0
        RETURN count(a) AS violations""",
    "a budget allocation goes to a partner with an ACTIVE partnership in the budget's program": """
        MATCH (prog:Program)-[:HAS_BUDGET]->(:MdfBudget)<-[:DRAWN_FROM]-(:FundAllocation)-[:ALLOCATED_TO]->(p:Partner)
        WHERE NOT (p)-[:HAS]->(:Partnership {status: 'ACTIVE'})-[:IN]->(prog)
        RETURN count(*) AS violations""",
    "a sub-allocation goes to a partner strictly below the allocation's partner": """
        MATCH (q:Partner)<-[:ALLOCATED_TO]-(:FundAllocation)<-[:DRAWN_FROM]-(:FundAllocation)
              -[:ALLOCATED_TO]->(p:Partner)
        WHERE NOT (q)-[:PARENT_OF*1..]->(p)
        RETURN count(*) AS violations""",
    "a request is in its allocation's currency, submitted by the allocation partner's staff": """
        MATCH (r:FundRequest)
        WHERE COUNT { (r)-[:DRAWS_ON]->(:FundAllocation) } <> 1 OR COUNT { (r)-[:SUBMITTED_BY]->() } <> 1
           OR NOT EXISTS { (r)-[:DRAWS_ON]->(a:FundAllocation)-[:ALLOCATED_TO]->(p:Partner)
                           WHERE a.currency = r.currency AND (r)-[:SUBMITTED_BY]->(:Person)-[:MEMBER_OF]->(p) }
        RETURN count(r) AS violations""",
    "a request's approved amount: at most requested, set once approved, null otherwise": """
        MATCH (r:FundRequest)
        WHERE r.approvedAmount > r.requestedAmount OR r.requestedAmount <= 0 OR r.startDate > r.endDate
           OR r.status = 'APPROVED' AND (r.approvedAmount IS NULL OR r.decidedAt IS NULL)
           OR r.status IN ['SUBMITTED', 'REJECTED'] AND r.approvedAmount IS NOT NULL
           OR r.status = 'SUBMITTED' AND (r.decidedAt IS NOT NULL OR r.cancelledAt IS NOT NULL)
           OR r.status = 'CANCELLED' AND (r.cancelledAt IS NULL OR (r.approvedAmount IS NULL) <> (r.decidedAt IS NULL))
           OR NOT r.status IN ['SUBMITTED', 'APPROVED', 'REJECTED', 'CANCELLED']
        RETURN count(r) AS violations""",
    "a REJECTED request or claim has a decision reason": """
        MATCH (x) WHERE (x:FundRequest OR x:FundClaim) AND x.status = 'REJECTED'
                        AND (x.decisionReason IS NULL OR x.decidedAt IS NULL OR x.decidedBy IS NULL)
        RETURN count(x) AS violations""",
    "claims go against APPROVED requests, in their currency, by the partner's staff, with 1-3 proofs": """
        MATCH (c:FundClaim)
        WHERE COUNT { (c)-[:CLAIMS]->(:FundRequest) } <> 1
           OR NOT EXISTS { (c)-[:CLAIMS]->(r:FundRequest {status: 'APPROVED'})-[:DRAWS_ON]->(:FundAllocation)
                           -[:ALLOCATED_TO]->(p:Partner)
                           WHERE r.currency = c.currency AND (c)-[:SUBMITTED_BY]->(:Person)-[:MEMBER_OF]->(p) }
           OR NOT COUNT { (c)-[:PROVEN_BY]->(:ProofOfPerformance) } IN [1, 2, 3]
           OR EXISTS { (c)-[:PROVEN_BY]->(pp:ProofOfPerformance)
                       WHERE NOT pp.checksum =~ 'sha256:[0-9a-f]{64}' OR pp.storageRef IS NULL
                          OR NOT pp.position IN range(0, 2) }
           OR NOT c.status IN ['SUBMITTED', 'APPROVED', 'REJECTED', 'PAID']
        RETURN count(c) AS violations""",
    "live claims sum to at most the approved amount": """
        MATCH (r:FundRequest)
        CALL (r) { MATCH (r)<-[:CLAIMS]-(c:FundClaim) WHERE c.status IN ['SUBMITTED', 'APPROVED', 'PAID']
                   RETURN sum(c.amount) AS claimed }
        WITH r, claimed WHERE coalesce(r.approvedAmount, 0) < claimed
        RETURN count(r) AS violations""",
    "a claim is submitted from the activity's end to its claim deadline, decided and paid after": """
        MATCH (c:FundClaim)-[:CLAIMS]->(r:FundRequest)-[:DRAWS_ON]->(:FundAllocation)-[:DRAWN_FROM*1..]->(b:MdfBudget)
        WHERE date(c.submittedAt) < r.endDate OR date(c.submittedAt) > r.endDate + duration({days: b.claimDays})
           OR c.submittedAt < r.decidedAt OR c.decidedAt < c.submittedAt OR c.paidAt < c.decidedAt
           OR (c.status = 'SUBMITTED') <> (c.decidedAt IS NULL)
        RETURN count(c) AS violations""",
    "PAID claims have paidAt and a payment reference; others neither": """
        MATCH (c:FundClaim)
        WHERE (c.status = 'PAID') <> (c.paidAt IS NOT NULL) OR (c.status = 'PAID') <> (c.paymentReference IS NOT NULL)
        RETURN count(c) AS violations""",
    "everything happened in order, before the reference moment": """
        MATCH (x) WHERE x:MdfBudget OR x:FundAllocation OR x:FundRequest OR x:FundClaim
        WITH x, [t IN [x.createdAt, x.submittedAt, x.decidedAt, x.cancelledAt, x.paidAt] WHERE t IS NOT NULL] AS times
        WHERE any(t IN times + [x.updatedAt] WHERE t > datetime($ref)) OR any(t IN times WHERE t > x.updatedAt)
           OR x.decidedAt < x.submittedAt OR x.cancelledAt < coalesce(x.decidedAt, x.submittedAt)
           OR EXISTS { (x)-[:DRAWN_FROM]->(s) WHERE s.createdAt >= x.createdAt }
           OR EXISTS { (x)-[:DRAWS_ON]->(a) WHERE a.createdAt >= x.submittedAt }
        RETURN count(x) AS violations""",
    "INFLUENCED_BY only from registrations of the request's partner (or below) to APPROVED requests": """
        MATCH (d:DealRegistration)-[:INFLUENCED_BY]->(r:FundRequest)
        WHERE r.status <> 'APPROVED'
           OR NOT EXISTS { (d)-[:REGISTERED_BY]->(:Partner)<-[:PARENT_OF*0..]-(:Partner)
                           <-[:ALLOCATED_TO]-(:FundAllocation)<-[:DRAWS_ON]-(r) }
        RETURN count(*) AS violations""",
}


@pytest.mark.parametrize("rule", MDF_RULES)
async def test_seeded_mdf_keeps_the_rule(seeded, rule):
    client, _ = seeded
    rows = await client.session().read_transaction(
        lambda tx: tx.run(MDF_RULES[rule], ref=channel.REFERENCE.isoformat()))
    assert rows[0]["violations"] == 0


async def test_seeded_mdf_has_every_state(seeded):
    """Every request and claim status, the variants of each, allocations passed down two levels, influence."""
    client, report = seeded
    facts = (await _read(client, """
        RETURN COLLECT { MATCH (r:FundRequest) RETURN DISTINCT r.status } AS requests,
               COLLECT { MATCH (c:FundClaim) RETURN DISTINCT c.status } AS claims,
               COUNT { (r:FundRequest {status: 'APPROVED'}) WHERE r.approvedAmount < r.requestedAmount } AS less,
               COUNT { (r:FundRequest {status: 'CANCELLED'}) WHERE r.approvedAmount IS NOT NULL } AS cancelledApproved,
               COUNT { (r:FundRequest {status: 'CANCELLED'}) WHERE r.approvedAmount IS NULL } AS cancelledPending,
               COUNT { (:FundAllocation)-[:DRAWN_FROM]->(:FundAllocation)-[:DRAWN_FROM]->(:FundAllocation) } AS deep,
               COUNT { (:FundClaim)-[:PROVEN_BY]->(:ProofOfPerformance) } AS proofs,
               COUNT { ()-[:INFLUENCED_BY]->() } AS influenced,
               COLLECT { MATCH (b:MdfBudget) RETURN DISTINCT b.fiscalPeriod } AS periods,
               COUNT { (:MdfBudget) } AS budgets, COUNT { (:FundAllocation) } AS allocations,
               COUNT { (:FundRequest) } AS requestCount, COUNT { (:FundClaim) } AS claimCount"""))[0]
    assert sorted(facts["requests"]) == ["APPROVED", "CANCELLED", "REJECTED", "SUBMITTED"]
    assert sorted(facts["claims"]) == ["APPROVED", "PAID", "REJECTED", "SUBMITTED"]
    assert facts["less"] and facts["cancelledApproved"] and facts["cancelledPending"] and facts["deep"]
    assert facts["influenced"] and facts["proofs"] > facts["claimCount"]
    assert sorted(facts["periods"]) == ["FY2026-H1", "FY2026-H2"]
    assert (facts["budgets"], facts["allocations"], facts["requestCount"], facts["claimCount"]) == (
        report.rows["mdf budgets"], report.rows["fund allocations"], report.rows["fund requests"],
        report.rows["fund claims"])
    assert facts["budgets"] == 2 * len(channel.PROGRAMS)


async def test_seeded_mdf_reads_back_through_the_mdf_domain(seeded):
    """The mdf domain's own reads (an enterprise admin's scope) return every seeded budget, allocation, request and
    claim as generated, with what is left available never negative."""
    client, _ = seeded
    scope = {"all": True, "roots": [], "orgs": [], "nameOf": [], "person": "gen-admin",
             "persona": "enterprise-admin", "enterprise": True, "ownOnly": False}
    repository = MdfRepository(client.session(), scope)
    budgets = list(mdf.budgets(SHAPE))
    allocations = list(mdf.allocations(SHAPE))
    requests = list(mdf.requests(SHAPE))
    claims = list(mdf.claims(SHAPE))
    read_budgets = await repository.budgets([b["id"] for b in budgets])
    read_allocations = await repository.allocations([a["id"] for a in allocations])
    read_requests = await repository.requests([r["id"] for r in requests])
    read_claims = await repository.claims([c["id"] for c in claims])
    assert len(read_budgets) == len(budgets) and len(read_allocations) == len(allocations)
    assert len(read_requests) == len(requests) and len(read_claims) == len(claims)
    assert all(b.available >= 0 for b in read_budgets.values()) and any(b.allocated for b in read_budgets.values())
    assert all(a.available >= 0 and a.budget_id for a in read_allocations.values())
    for row in requests:
        record = read_requests[row["id"]]
        assert (record.status, record.approved_amount, record.partner_id, record.submitted_by_id) == (
            row["status"], row["approvedAmount"], read_allocations[row["allocationId"]].partner_id, row["submittedBy"])
    assert sum(len(c.proofs) for c in read_claims.values()) == sum(len(c["proofs"]) for c in claims)


MDF_SNAPSHOT = """
RETURN COLLECT { MATCH (b:MdfBudget) RETURN [b.id, b.amount] } AS budgets,
       COLLECT { MATCH (a:FundAllocation)-[:DRAWN_FROM]->(s), (a)-[:ALLOCATED_TO]->(p:Partner)
                 RETURN [a.id, a.amount, s.id, p.id, toString(a.createdAt)] } AS allocations,
       COLLECT { MATCH (r:FundRequest)-[:DRAWS_ON]->(a:FundAllocation)
                 RETURN [r.id, r.status, r.approvedAmount, a.id, toString(r.submittedAt)] } AS requests,
       COLLECT { MATCH (c:FundClaim)-[:CLAIMS]->(r:FundRequest) RETURN [c.id, c.status, c.amount, r.id] } AS claims,
       COLLECT { MATCH (p:ProofOfPerformance) RETURN p.id } AS proofs,
       COLLECT { MATCH (d:DealRegistration)-[:INFLUENCED_BY]->(r:FundRequest) RETURN [d.id, r.id] } AS influence
"""


async def test_mdf_phases_added_to_a_seeded_channel_write_what_the_whole_seed_wrote(seeded):
    """`python -m bench.seed_phases --phases mdf` on a database seeded before the MDF phases existed: the phases
    alone, from the same shape and seed, write the same funds and influence as the whole seed (here: after the
    whole seed's funds are deleted). Runs last in this module; it leaves the funds as they were."""
    client, report = seeded

    def snapshot(rows):
        return {key: sorted(value) for key, value in rows[0].items()}

    before = snapshot(await _read(client, MDF_SNAPSHOT))
    assert before["influence"] and before["claims"]
    await client.session().write_transaction(lambda tx: tx.run(
        "MATCH (n) WHERE n:MdfBudget OR n:FundAllocation OR n:FundRequest OR n:FundClaim OR n:ProofOfPerformance "
        "DETACH DELETE n"))
    added = await seed_phases(client, SHAPE, MDF_PHASES, batch_size=97, show_progress=False)
    assert added.rows == {name: report.rows[name] for name in MDF_PHASES}
    assert snapshot(await _read(client, MDF_SNAPSHOT)) == before
    with pytest.raises(ValueError):
        await seed_phases(client, SHAPE, ["change history"], show_progress=False)
