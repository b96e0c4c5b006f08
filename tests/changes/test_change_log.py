"""The change log's guarantees across domains: the domains' tables (tests/change_log.py) cover every mutation;
a write that reports nothing cannot commit; a refused batch and a write that changes nothing leave no record."""

from __future__ import annotations

import importlib
import uuid
from datetime import UTC, datetime

import pytest
from graphql import GraphQLObjectType

from gateway.app import schema_limits
from graph.shared.changes import Actor, ChangeNotRecorded
from schema import build_schema
from tests.change_log import last_seq, mutate, records_after
from tests.conftest import global_id, write
from tests.selling.test_selling_changes import ASSIGN, OWNER
from tests.selling.test_selling_flow import CREATE, _deal

NOWHERE = global_id("Account", "no-such-account")
TABLES = ["tests.partners.test_partner_changes", "tests.programs.test_program_changes",
          "tests.selling.test_selling_changes", "tests.leads.test_leads_changes", "tests.cases.test_case_changes",
          "tests.insights.test_insights_changes", "tests.webhooks.test_webhook_changes",
          "tests.applications.test_application_changes", "tests.mdf.test_mdf_changes",
          "tests.languages.test_language_changes"]


def test_the_tables_cover_every_mutation(settings):
    mutation = build_schema(schema_limits(settings))._schema.mutation_type
    assert isinstance(mutation, GraphQLObjectType)
    covered = [case.mutation for name in TABLES for case in importlib.import_module(name).LOGGED]
    assert sorted(set(covered)) == sorted(mutation.fields)


async def test_a_logged_write_that_reports_nothing_does_not_commit(graph, session):
    key = f"t-unlogged-{uuid.uuid4().hex[:8]}"
    logged = graph.session(actor=Actor("demo-enterprise-admin", "enterprise-admin", datetime.now(UTC)))
    before = await last_seq(session)
    with pytest.raises(ChangeNotRecorded):
        await logged.write_transaction(lambda tx: tx.run("CREATE (:Partner {id: $id, name: $id})", id=key))
    rows = await session.read_transaction(lambda tx: tx.run("MATCH (p:Partner {id: $id}) RETURN p", id=key))
    assert rows == [] and await last_seq(session) == before


async def test_a_refused_batch_writes_no_record(gql, session):
    prefix = f"t-refused-{uuid.uuid4().hex[:8]}"
    before = await last_seq(session)
    data = await gql.data(CREATE, persona="partner-manager",
                          variables={"r": [_deal(f"{prefix}-ok"), _deal(f"{prefix}-bad", account=NOWHERE)]})
    assert data["createDealRegistrations"]["errors"]
    assert await records_after(session, before) == [] and await last_seq(session) == before


async def test_a_write_that_changes_nothing_leaves_no_record(gql, session):
    prefix = f"t-same-{uuid.uuid4().hex[:8]}"
    try:
        (reg,) = (await mutate(gql, "partner-manager", CREATE, r=[_deal(f"{prefix}-a")]))["registrations"]
        await mutate(gql, "partner-manager", ASSIGN, id=reg["id"], owner=OWNER)
        before = await last_seq(session)
        again = await mutate(gql, "partner-manager", ASSIGN, id=reg["id"], owner=OWNER)
        assert again["registration"]["key"] == f"{prefix}-a"
        assert await records_after(session, before) == []
    finally:
        await write(session, "MATCH (dr:DealRegistration) WHERE dr.id STARTS WITH $p "
                    "OPTIONAL MATCH (dr)-[:HAS_LINE]->(li) DETACH DELETE dr, li", p=prefix)
