"""`partnergraph seed`: the generated channel is deterministic, multi-tier and skewed, and lands in
an empty database in full (a second throwaway server keeps the demo database untouched)."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

import pytest

from gateway import database
from gateway.local_neo4j import free_port
from graph.shared import migrations
from seed import channel
from seed.runner import NotEmpty, seed
from seed.shape import ChannelShape
from tests.conftest import make_settings


def _digest(rows) -> str:
    return hashlib.sha256(json.dumps(list(rows), sort_keys=True).encode()).hexdigest()


def test_same_seed_same_channel_other_seed_other_channel():
    a, b, c = ChannelShape(400, 1), ChannelShape(400, 1), ChannelShape(400, 2)
    for rows in (lambda s: channel.partners(s, 2), channel.accounts, channel.partnerships,
                 channel.deal_registrations, channel.cases, channel.leads):
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


async def test_seed_writes_the_whole_channel(empty_graph):
    shape = ChannelShape(300, 5)
    report = await seed(empty_graph, shape, batch_size=97, show_progress=False)
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
