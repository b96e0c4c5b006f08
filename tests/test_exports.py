"""Bulk exports (gateway/exports, docs/CHANGES.md "Bulk export"): every format round-trips row by row against
GraphQL's `dealLineages` for the same viewer, each persona exports exactly what it may see, `since` exports only
what changed after a seq (with tombstones), parameters are refused before any Cypher runs, the token is checked
as on /graphql, and the CLI writes a file with its change seq."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import orjson
import pyarrow.parquet as pq
import pytest

from gateway.exports import exporter
from gateway.exports.columns import CHANGES, LINEAGES, Kind, Layout
from gateway.exports.viewers import ENTERPRISE
from graph.selling.reads import SellingRepository
from tests.conftest import write

PREFIX = "dr-test-export-"
FORMATS = ("ndjson", "csv", "parquet")
MEDIA_TYPES = {"ndjson": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
               "parquet": "application/vnd.apache.parquet"}
MONEY = "{ amount currency in(currency: \"USD\") { amount } }"
LINEAGES_QUERY = f"""query($after: String) {{ dealLineages(first: 100, after: $after) {{
  pageInfo {{ hasNextPage endCursor }}
  edges {{ node {{
    registration {{ key name status closureCode createdAt submittedAt protectedUntil closedAt expectedCloseDate
      lineageChangedAt decision {{ decidedAt }} estimatedAmount {MONEY}
      partner {{ key name type }} account {{ key name }} program {{ key }} }}
    opportunity {{ key stage createdAt closedAt amount {MONEY} }}
    quotes {{ key version status total {MONEY} }}
    orders {{ key status placedAt total {MONEY} }} }} }} }} }}"""


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    """Four rows a batch: the demo channel's lineages span several batches (keyset, row groups)."""
    monkeypatch.setattr(exporter, "BATCH_SIZE", 4)


async def export(client, name: str, token: str | None, **params: Any):
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return await client.get(f"/export/{name}", params=params, headers=headers)


def parse(layout: Layout, export_format: str, body: bytes) -> list[dict[str, Any]]:
    """The rows of an export body, typed as Parquet types them (datetimes, dates, lists, ints)."""
    if export_format == "parquet":
        return pq.read_table(io.BytesIO(body)).to_pylist()
    if export_format == "ndjson":
        rows = [orjson.loads(line) for line in body.splitlines()]
        assert all(list(row) == list(layout.names) for row in rows)
        return [{c.name: _typed(c.kind, row[c.name]) for c in layout.columns} for row in rows]
    reader = csv.reader(io.StringIO(body.decode()))
    assert next(reader) == list(layout.names)
    return [{c.name: _from_cell(c.kind, cell) for c, cell in zip(layout.columns, cells, strict=True)}
            for cells in reader]


def _typed(kind: Kind, value: Any) -> Any:
    if value is None:
        return None
    if kind is Kind.TIMESTAMP:
        assert value.endswith("Z")
        return datetime.fromisoformat(value)
    return date.fromisoformat(value) if kind is Kind.DATE else value


def _from_cell(kind: Kind, cell: str) -> Any:
    if cell == "":
        return None
    converters = {Kind.INT: int, Kind.BOOL: lambda c: {"true": True, "false": False}[c],
                  Kind.STRINGS: lambda c: c.split("/")}
    return converters[kind](cell) if kind in converters else _typed(kind, cell)


async def graphql_lineages(gql, persona: str) -> dict[str, dict[str, Any]]:
    """Every lineage `dealLineages` gives `persona`, as the export's columns, by registration id."""
    found, after = {}, None
    while True:
        page = (await gql.data(LINEAGES_QUERY, persona=persona, variables={"after": after}))["dealLineages"]
        for edge in page["edges"]:
            row = _as_columns(edge["node"])
            found[row["registrationId"]] = row
        if not page["pageInfo"]["hasNextPage"]:
            return found
        after = page["pageInfo"]["endCursor"]


def _as_columns(node: dict[str, Any]) -> dict[str, Any]:
    r, o = node["registration"], node["opportunity"] or {}
    accepted = next((q for q in node["quotes"] if q["status"] == "ACCEPTED"), {})
    order = node["orders"][0] if node["orders"] else {}
    return {
        "registrationId": r["key"], "deleted": False, "registrationName": r["name"],
        "registrationStatus": r["status"], "registrationClosureCode": r["closureCode"],
        "registrationCreatedAt": _time(r["createdAt"]), "registrationSubmittedAt": _time(r["submittedAt"]),
        "registrationDecidedAt": _time((r["decision"] or {}).get("decidedAt")),
        "registrationProtectedUntil": _time(r["protectedUntil"]), "registrationClosedAt": _time(r["closedAt"]),
        "registrationExpectedCloseDate": date.fromisoformat(r["expectedCloseDate"]) if r["expectedCloseDate"]
        else None,
        "lineageChangedAt": _time(r["lineageChangedAt"]),
        **_money("estimatedAmount", "estimatedCurrency", "estimatedAmountReporting", r["estimatedAmount"]),
        "programId": r["program"]["key"], "partnerId": r["partner"]["key"], "partnerName": r["partner"]["name"],
        "partnerType": r["partner"]["type"], "accountId": r["account"]["key"], "accountName": r["account"]["name"],
        "opportunityId": o.get("key"), "opportunityStage": o.get("stage"),
        "opportunityCreatedAt": _time(o.get("createdAt")), "opportunityClosedAt": _time(o.get("closedAt")),
        **_money("opportunityAmount", "opportunityCurrency", "opportunityAmountReporting", o.get("amount")),
        "quoteCount": len(node["quotes"]), "acceptedQuoteId": accepted.get("key"),
        "acceptedQuoteVersion": accepted.get("version"),
        **_money("acceptedQuoteTotal", "acceptedQuoteCurrency", "acceptedQuoteTotalReporting", accepted.get("total")),
        "orderId": order.get("key"), "orderStatus": order.get("status"), "orderPlacedAt": _time(order.get("placedAt")),
        **_money("orderTotal", "orderCurrency", "orderTotalReporting", order.get("total")),
        "reportingCurrency": "USD",
    }


def _money(amount: str, currency: str, reporting: str, money: dict | None) -> dict[str, Any]:
    money = money or {}
    return {amount: money.get("amount"), currency: money.get("currency"),
            reporting: (money.get("in") or {}).get("amount")}


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text).astimezone(UTC) if text else None


def _without_path(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("partnerPath", "rootPartnerId")}


@pytest.mark.parametrize("export_format", FORMATS)
async def test_each_format_round_trips_the_lineages_graphql_gives(client, gql, session, export_format):
    response = await export(client, "lineages", gql.token("enterprise-admin"), format=export_format)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == MEDIA_TYPES[export_format]
    seq = int(response.headers["x-change-seq"])
    assert seq == (await session.read("changes/reads/horizon"))[0]["last"]
    rows = parse(LINEAGES, export_format, response.content)
    assert [r["registrationId"] for r in rows] == sorted(r["registrationId"] for r in rows)  # keyset order
    expected = await graphql_lineages(gql, "enterprise-admin")
    assert len(expected) >= 14
    assert {r["registrationId"]: _without_path(r) for r in rows} == expected
    assert any(r["orderId"] for r in rows) and any(r["estimatedCurrency"] != "USD" for r in rows)
    by_id = {r["registrationId"]: r for r in rows}
    # Tailspin sits under Fabrikam, Contoso and Northwind: its path runs from the root down.
    tailspin = next(r for r in rows if r["partnerId"] == "p-tailspin")
    assert tailspin["partnerPath"] == ["p-northwind", "p-contoso", "p-fabrikam", "p-tailspin"]
    assert tailspin["rootPartnerId"] == "p-northwind"
    assert by_id["dr-demo-alpine-expired"]["partnerPath"] == ["p-eurolink", "p-alpine"]
    if export_format == "parquet":
        parquet = pq.ParquetFile(io.BytesIO(response.content))
        assert parquet.metadata.num_row_groups == -(-len(rows) // 4)  # one a batch
        assert parquet.schema_arrow.metadata[b"partnergraph.change_seq"] == str(seq).encode()
        types = {f.name: str(f.type) for f in parquet.schema_arrow}
        assert types["registrationCreatedAt"] == "timestamp[us, tz=UTC]" and types["estimatedAmount"] == "int64"
        assert types["registrationExpectedCloseDate"] == "date32[day]"
        assert types["partnerPath"] == "list<element: string>"


async def test_the_three_formats_carry_the_same_rows(client, gql):
    token = gql.token("relationship-manager")
    bodies = {f: (await export(client, "lineages", token, format=f, currency="EUR")).content for f in FORMATS}
    rows = {f: parse(LINEAGES, f, body) for f, body in bodies.items()}
    assert rows["ndjson"] == rows["csv"] == rows["parquet"] and rows["ndjson"]
    assert {r["reportingCurrency"] for r in rows["ndjson"]} == {"EUR"}


@pytest.mark.parametrize("persona", ["enterprise-executive", "relationship-manager", "partner-admin",
                                     "partner-manager", "partner-associate", "partner-agent"])
async def test_each_persona_exports_exactly_the_lineages_it_may_see(client, gql, persona):
    response = await export(client, "lineages", gql.token(persona), format="ndjson")
    rows = parse(LINEAGES, "ndjson", response.content)
    expected = await graphql_lineages(gql, persona)
    assert {r["registrationId"]: _without_path(r) for r in rows} == expected
    organization = {"partner-admin": "p-contoso", "partner-manager": "p-fabrikam",
                    "partner-associate": "p-tailspin"}.get(persona)
    if organization:  # never a lineage of a partner above, beside or outside the viewer's own
        assert rows and all(organization in r["partnerPath"] for r in rows)
    if persona == "partner-agent":
        assert rows == []


async def test_the_batch_rows_carry_exactly_the_layouts_columns(session):
    rows = await SellingRepository(session, ENTERPRISE.scope).lineage_export_batch("", None, "USD", 3)
    assert len(rows) == 3 and all(set(row) == set(LINEAGES.names) for row in rows)


@pytest.fixture
async def change_log(session):
    """Change records after the current seq, written directly: an update of a test registration (Fabrikam's),
    the deletion of two registrations that no longer exist (Fabrikam's and Alpine's), a partner-scoped change
    with enterprise fields and an enterprise-only one; ChangeSequence.last moved past them, then put back."""
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (s:ChangeSequence {name: 'changes'}) RETURN s.last AS last"))
    base = rows[0]["last"]
    at = datetime(2026, 6, 1, 12, 0, 0, 250000, tzinfo=UTC)
    kept = f"{PREFIX}kept"
    await write(session, """
        MATCH (template:DealRegistration {id: 'dr-demo-fabrikam-globex'})-[:REGISTERED_BY]->(p:Partner),
              (template)-[:FOR]->(a:Account), (template)-[:IN]->(prog:Program), (template)-[:SUBMITTED_BY]->(by:Person)
        CREATE (dr:DealRegistration {id: $id, name: 'Export test', status: 'DRAFT', estimatedAmount: 12345,
                currency: 'EUR', createdAt: $at, updatedAt: $at, lineageChangedAt: $at, version: 0})
        CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(by)""",
                id=kept, at=at)
    changes = [
        _change(base + 1, "DealRegistration", kept, "UPDATED", "deal", kept, "p-fabrikam", kept, at),
        _change(base + 2, "DealRegistration", f"{PREFIX}gone", "DELETED", "deal", f"{PREFIX}gone", "p-fabrikam",
                f"{PREFIX}gone", at),
        _change(base + 3, "DealRegistration", f"{PREFIX}gone-alpine", "DELETED", "deal", f"{PREFIX}gone-alpine",
                "p-alpine", f"{PREFIX}gone-alpine", at),
        _change(base + 4, "Partner", "p-fabrikam", "UPDATED", "partner", "p-fabrikam", "p-fabrikam", None, at,
                enterprise_fields='[{"field": "notes", "old": null, "new": "watch"}]'),
        _change(base + 5, "SlaPolicy", f"{PREFIX}sla", "CREATED", "enterprise", None, None, None, at,
                enterprise_only=True),
    ]
    await write(session, """UNWIND $changes AS c CREATE (n:Change) SET n = c
                            WITH count(*) AS n MATCH (s:ChangeSequence {name: 'changes'}) SET s.last = $last""",
                changes=changes, last=base + len(changes))
    yield base
    await write(session, "MATCH (c:Change) WHERE c.seq > $base AND c.seq <= $last DETACH DELETE c",
                base=base, last=base + len(changes))
    await write(session, "MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n", prefix=PREFIX)
    await write(session, "MATCH (s:ChangeSequence {name: 'changes'}) SET s.last = $base", base=base)


def _change(seq: int, entity_type: str, entity_id: str, operation: str, scope: str, scope_id: str | None,
            partner_id: str | None, lineage_id: str | None, at: datetime, *, enterprise_fields: str | None = None,
            enterprise_only: bool = False) -> dict[str, Any]:
    return {"seq": seq, "at": at, "actorId": "demo-enterprise-admin", "actorPersona": "enterprise-admin",
            "entityType": entity_type, "entityId": entity_id, "operation": operation,
            "fields": '[{"field": "name", "old": "a", "new": "b"}]', "enterpriseFields": enterprise_fields,
            "enterpriseOnly": enterprise_only, "scope": scope, "scopeId": scope_id, "partnerId": partner_id,
            "lineageId": lineage_id}


@pytest.mark.parametrize("export_format", FORMATS)
async def test_since_exports_only_the_lineages_changed_after_it_with_tombstones(client, gql, change_log,
                                                                                export_format):
    base, token = change_log, gql.token("enterprise-admin")
    response = await export(client, "lineages", token, format=export_format, since=str(base))
    assert response.status_code == 200 and int(response.headers["x-change-seq"]) == base + 5
    rows = parse(LINEAGES, export_format, response.content)
    assert [(r["registrationId"], r["deleted"]) for r in rows] == [
        (f"{PREFIX}gone", True), (f"{PREFIX}gone-alpine", True), (f"{PREFIX}kept", False)]
    gone, kept = rows[0], rows[2]
    assert gone["partnerId"] == "p-fabrikam" and gone["registrationStatus"] is None
    assert kept["estimatedAmount"] == 12345 and kept["partnerPath"][-1] == "p-fabrikam"
    assert kept["registrationCreatedAt"] == datetime(2026, 6, 1, 12, 0, 0, 250000, tzinfo=UTC)
    later = parse(LINEAGES, export_format, (await export(client, "lineages", token, format=export_format,
                                                         since=str(base + 2))).content)
    assert [r["registrationId"] for r in later] == [f"{PREFIX}gone-alpine"]
    assert parse(LINEAGES, export_format, (await export(client, "lineages", token, format=export_format,
                                                        since=str(base + 5))).content) == []


async def test_since_keeps_to_what_the_viewer_may_see(client, gql, change_log):
    contoso = parse(LINEAGES, "ndjson", (await export(client, "lineages", gql.token("partner-admin"),
                                                      since=str(change_log))).content)
    assert [r["registrationId"] for r in contoso] == [f"{PREFIX}gone", f"{PREFIX}kept"]  # Alpine's is not theirs
    for persona in ("partner-agent", "partner-associate"):  # an agent sees no deals; Tina did not submit these
        rows = parse(LINEAGES, "ndjson", (await export(client, "lineages", gql.token(persona),
                                                       since=str(change_log))).content)
        assert [r["registrationId"] for r in rows if r["registrationId"].endswith("kept")] == []


@pytest.mark.parametrize("export_format", FORMATS)
async def test_changes_export_after_a_seq_with_enterprise_fields_for_the_enterprise_only(client, gql, change_log,
                                                                                          export_format):
    base = change_log
    admin = parse(CHANGES, export_format, (await export(client, "changes", gql.token("enterprise-admin"),
                                                        format=export_format, since=str(base))).content)
    assert [r["seq"] for r in admin] == [base + 1, base + 2, base + 3, base + 4, base + 5]
    partner_change = admin[3]
    assert partner_change["enterpriseFields"] == '[{"field": "notes", "old": null, "new": "watch"}]'
    assert partner_change["at"] == datetime(2026, 6, 1, 12, 0, 0, 250000, tzinfo=UTC)
    assert partner_change["entityType"] == "Partner" and partner_change["operation"] == "UPDATED"
    assert admin[0]["lineageId"] == f"{PREFIX}kept" and admin[0]["fields"].startswith('[{"field": "name"')
    contoso = parse(CHANGES, export_format, (await export(client, "changes", gql.token("partner-admin"),
                                                          format=export_format, since=str(base))).content)
    assert [r["seq"] for r in contoso] == [base + 1, base + 2, base + 4]
    assert contoso[2]["enterpriseFields"] is None and contoso[2]["fields"] == partner_change["fields"]


async def test_the_changes_batch_rows_carry_exactly_the_layouts_columns(session, change_log):
    rows = (await session.read("changes/reads/export", after=change_log, through=change_log + 5, limit=10,
                               scope=ENTERPRISE.scope))[0]["rows"]
    assert len(rows) == 5 and all(set(row) == set(CHANGES.names) for row in rows)


@pytest.mark.parametrize("name, params, message", [
    ("lineages", {"format": "xml"}, "format must be one of ndjson, csv, parquet"),
    ("lineages", {"since": "-1"}, "since must be a change sequence number"),
    ("lineages", {"since": "ten"}, "since must be a change sequence number"),
    ("lineages", {"since": "1e3"}, "since must be a change sequence number"),
    ("lineages", {"currency": "DOLLARS"}, "currency must be an ISO 4217 code"),
    ("changes", {"currency": "USD"}, "currency applies to the lineages export only"),
    ("changes", {"sinse": "3"}, "unknown query parameter(s) sinse"),
])
async def test_bad_parameters_are_400_before_any_cypher(client, gql, graph, name, params, message):
    token = gql.token("enterprise-admin")
    graph.recorded = []
    try:
        response = await export(client, name, token, **params)
        assert graph.recorded == []
    finally:
        graph.recorded = None
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    error = response.json()["errors"][0]
    assert message in error["message"] and error["extensions"]["code"] == "BAD_REQUEST"


async def test_a_repeated_parameter_is_400(client, gql):
    response = await client.get("/export/lineages?format=csv&format=parquet",
                                headers={"authorization": f"Bearer {gql.token('enterprise-admin')}"})
    assert response.status_code == 400 and "more than once: format" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("token", [None, "not-a-jwt"])
async def test_without_a_valid_token_it_is_401_as_on_graphql(client, token):
    for name in ("lineages", "changes"):
        response = await export(client, name, token)
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith('Bearer realm="partnergraph"')
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def _cli(settings, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PARTNERGRAPH_STATE_DIR": str(settings.state_dir),
           "PARTNERGRAPH_NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port)}
    return subprocess.run([sys.executable, "-c", "from gateway.cli import app; app()", "export", *args],
                          env=env, capture_output=True, timeout=120, check=False)


async def test_the_cli_writes_a_parquet_file_with_its_change_seq(settings, gql, session, tmp_path: Path):
    out = tmp_path / "lineages.parquet"
    done = await asyncio.to_thread(_cli, settings, "lineages", "--format", "parquet", "--out", str(out),
                                   "--batch-size", "5")
    assert done.returncode == 0, done.stderr.decode()
    seq = (await session.read("changes/reads/horizon"))[0]["last"]
    parquet = pq.ParquetFile(out)
    assert parquet.schema_arrow.metadata[b"partnergraph.change_seq"] == str(seq).encode()
    meta = orjson.loads((tmp_path / "lineages.parquet.meta.json").read_bytes())
    assert meta["changeSeq"] == seq and meta["format"] == "parquet" and meta["export"] == "lineages"
    rows = parquet.read().to_pylist()
    assert meta["rows"] == len(rows) and parquet.metadata.num_row_groups == -(-len(rows) // 5)
    # The CLI exports as the enterprise: everything GraphQL gives the enterprise admin.
    assert {r["registrationId"]: _without_path(r) for r in rows} == await graphql_lineages(gql, "enterprise-admin")
    assert f"consistent with change seq {seq}" in done.stderr.decode()


async def test_the_cli_writes_to_stdout_as_a_person(settings, gql, change_log):
    done = await asyncio.to_thread(_cli, settings, "lineages", "--as", "demo-partner-admin", "--out", "-")
    assert done.returncode == 0, done.stderr.decode()
    rows = parse(LINEAGES, "ndjson", done.stdout)  # nothing but the rows: no progress bar on stdout
    assert {r["registrationId"]: _without_path(r) for r in rows} == await graphql_lineages(gql, "partner-admin")
    changes = await asyncio.to_thread(_cli, settings, "changes", "--format", "csv", "--since", str(change_log))
    assert [r["seq"] for r in parse(CHANGES, "csv", changes.stdout)] == [change_log + n for n in range(1, 6)]
    unknown = await asyncio.to_thread(_cli, settings, "lineages", "--as", "nobody-at-all")
    assert unknown.returncode == 1 and "no person 'nobody-at-all'" in unknown.stderr.decode()


def test_the_docs_list_every_column():
    docs = (Path(__file__).parents[1] / "docs" / "CHANGES.md").read_text()
    section = docs[docs.index("## Bulk export"):]
    assert all(f"`{c.name}`" in section for layout in (LINEAGES, CHANGES) for c in layout.columns)
