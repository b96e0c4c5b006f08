"""The table-driven check of the change log: each domain's `tests/<domain>/test_<domain>_changes.py` lists, for
every mutation of its schema, how to run it once and the change records it must write (`Logged`);
tests/test_change_log.py checks that the tables cover every field of `Mutation`."""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from graph.shared.client import GraphSession
from tests.conftest import GatewayClient, write

# A step gets the gateway client, a maintenance session, and the case's own state (a dict it may fill:
# ids made by `setup` for `act`, starting with a unique `prefix`).
Step = Callable[[GatewayClient, GraphSession, dict[str, Any]], Awaitable[None]]


async def _nothing(gql: GatewayClient, session: GraphSession, state: dict[str, Any]) -> None:
    return None


@dataclass(frozen=True)
class Logged:
    """One mutation: `setup` prepares (its own changes are not checked), `act` runs the mutation once as
    `persona`, `expected` is what it must write: (entityType, operation) per record, in order. An unnamed case
    (`mutation` "") is a sequence of requests checked together."""

    mutation: str
    act: Step
    expected: list[tuple[str, str]]
    persona: str = "enterprise-admin"
    setup: Step = _nothing
    cleanup: Step = _nothing


async def last_seq(session: GraphSession) -> int:
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (s:ChangeSequence {name: 'changes'}) RETURN s.last AS last"))
    return rows[0]["last"]


async def records_after(session: GraphSession, seq: int) -> list[dict[str, Any]]:
    rows = await session.read_transaction(lambda tx: tx.run(
        "MATCH (c:Change) WHERE c.seq > $seq RETURN properties(c) AS c ORDER BY c.seq", seq=seq))
    out = []
    for row in rows:
        record = dict(row["c"])
        for key in ("fields", "enterpriseFields"):
            record[key] = json.loads(record[key]) if record.get(key) else []
        out.append(record)
    return out


async def check_logged(case: Logged, gql: GatewayClient, session: GraphSession) -> list[dict[str, Any]]:
    """Run the case and check it wrote exactly its records, numbered on from the last, as its persona."""
    state: dict[str, Any] = {"prefix": f"t-log-{uuid.uuid4().hex[:10]}", "persona": case.persona}
    try:
        await case.setup(gql, session, state)
        before = await last_seq(session)
        await case.act(gql, session, state)
        records = await records_after(session, before)
        assert [(r["entityType"], r["operation"]) for r in records] == case.expected, records
        assert [r["seq"] for r in records] == list(range(before + 1, before + 1 + len(records)))
        assert await last_seq(session) == before + len(records)
        assert {r["actorPersona"] for r in records} <= {case.persona, "system"}
        if case.mutation:  # one request, one clock reading (an unnamed case runs several requests)
            assert len({r["at"] for r in records}) <= 1
        return records
    finally:
        await case.cleanup(gql, session, state)
        await write(session, "MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n", prefix=state["prefix"])


async def mutate(gql: GatewayClient, persona: str, document: str, **variables: Any) -> dict[str, Any]:
    """Run a mutation as `persona`; its payload (the one root field's value), which must hold no errors."""
    data = await gql.data(document, persona=persona, variables=variables)
    (payload,) = data.values()
    assert not payload.get("errors"), payload
    return payload
