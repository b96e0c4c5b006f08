"""Migrations apply once, are recorded in the graph, and a rerun changes nothing."""

from __future__ import annotations

from graph.shared import migrations


async def test_all_migrations_recorded(session):
    recorded = await session.read("shared/applied_migrations")
    assert [row["version"] for row in recorded] == [m.version for m in migrations.available()]
    assert all(row["checksum"] == m.checksum for row, m in zip(recorded, migrations.available(), strict=True))


async def test_rerun_is_a_no_op(session):
    before = await session.read_transaction(lambda tx: tx.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n"))
    assert await migrations.migrate(session) == []
    assert await migrations.pending(session) == []
    after = await session.read_transaction(lambda tx: tx.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n"))
    assert before == after


async def test_every_label_has_a_unique_id(session):
    rows = await session.read_transaction(lambda tx: tx.run(
        "SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' "
        "RETURN labelsOrTypes[0] AS label, properties AS props"))
    unique = {row["label"] for row in rows if row["props"] == ["id"]}
    assert {"Partner", "InternalOrg", "Program", "Segment", "Partnership", "Person", "Account",
            "DealRegistration", "Opportunity", "Quote", "Order", "Case"} <= unique


async def test_statements_rerun_safely_even_without_the_record(session):
    """IF NOT EXISTS: re-applying a migration whose record was lost does not fail."""
    first = migrations.available()[0]
    await session.write_transaction(lambda tx: tx.run("MATCH (m:Migration {version: $v}) DELETE m", v=first.version))
    assert [m.version for m in await migrations.migrate(session)] == [first.version]
    assert await migrations.pending(session) == []
