"""`GET /metrics`: Prometheus text that counts requests, latency, Cypher, Neo4j errors and limit rejections."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

from gateway.app import create_app
from gateway.local_neo4j import free_port
from gateway.metrics import OperationNames
from graph.shared.client import GraphClient


def _samples(text: str) -> dict[tuple[str, tuple], float]:
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(text) for s in family.samples}


async def test_metrics_count_requests_cypher_and_rejections(settings, graph, gql):
    app = create_app(settings, graph)  # a registry of its own: counts start at zero
    auth = {"authorization": f"Bearer {gql.token('partner-admin')}"}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as http:
        for _ in range(2):
            await http.post("/graphql", json={"query": "query Mine { viewer { persona } partners(first: 2) "
                                              "{ edges { node { name } } } }", "operationName": "Mine"}, headers=auth)
        await http.post("/graphql", json={"query": 'query Bad { partners(after: "x") { edges { cursor } } }',
                                          "operationName": "Bad"}, headers=auth)
        await http.post("/graphql", json={"query": "{ partners(first: 1000) { edges { cursor } } }"}, headers=auth)
        await http.post("/graphql", json={"query": "{ viewer { persona } }"}, headers={"authorization": "Bearer x"})
        await http.post("/graphql", json={"query": "{ viewer { persona } }", "operationName": "Nope"}, headers=auth)
        scrape = await http.get("/metrics")
    assert scrape.status_code == 200 and scrape.headers["content-type"].startswith("text/plain")
    samples = _samples(scrape.text)
    assert samples[("partnergraph_requests_total", (("operation", "Mine"), ("outcome", "ok")))] == 2
    assert samples[("partnergraph_requests_total", (("operation", "Bad"), ("outcome", "errors")))] == 1
    assert samples[("partnergraph_requests_total", (("operation", "anonymous"), ("outcome", "rejected")))] == 1
    assert samples[("partnergraph_requests_total", (("operation", "anonymous"), ("outcome", "unauthorized")))] == 1
    # A name that names no operation of its document takes no label of its own.
    assert samples[("partnergraph_requests_total", (("operation", "other"), ("outcome", "rejected")))] == 1
    assert samples[("partnergraph_limit_rejections_total", (("limit", "PAGE_TOO_LARGE"),))] == 1
    assert samples[("partnergraph_request_seconds_count", (("operation", "Mine"),))] == 2
    assert samples[("partnergraph_cypher_round_trips_count", ())] == 6
    assert samples[("partnergraph_cypher_round_trips_sum", ())] >= 2 * 2  # viewer + partners, twice
    assert samples[("partnergraph_cypher_seconds_sum", ())] > 0
    assert ("partnergraph_neo4j_sessions_in_use", ()) in samples


async def test_metrics_count_neo4j_errors_by_code(settings, gql):
    down = GraphClient(f"bolt://127.0.0.1:{free_port()}", "neo4j", "unused", "neo4j", 5.0,
                       connect_timeout=0.5, retry_seconds=0.5)
    try:
        app = create_app(settings, down)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as http:
            await http.post("/graphql", json={"query": "{ viewer { persona } }"},
                            headers={"authorization": f"Bearer {gql.token('partner-admin')}"})
            samples = _samples((await http.get("/metrics")).text)
    finally:
        await down.close()
    errors = {labels: value for (name, labels), value in samples.items() if name == "partnergraph_neo4j_errors_total"}
    assert sum(v for labels, v in errors.items() if ("code", "SERVICE_UNAVAILABLE") in labels) == 1
    assert samples[("partnergraph_requests_total", (("operation", "anonymous"), ("outcome", "unavailable")))] == 1


def test_operation_names_are_bounded():
    names = OperationNames(limit=2)
    assert names.label("A", executed=True) == "A" and names.label("B", executed=True) == "B"
    assert names.label("C", executed=True) == "other"
    assert names.label("A", executed=False) == "A"
    fresh = OperationNames(limit=5)
    assert fresh.label("Unrun", executed=False) == "other"  # only operations that ran take a label
    assert fresh.label("x" * 65, executed=True) == "other" and fresh.label("no spaces", executed=True) == "other"
    assert fresh.label(None, executed=True) == "anonymous"
