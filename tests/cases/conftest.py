"""Fixtures of the case tests."""

from __future__ import annotations

import uuid

import pytest


async def _delete_cases(session, prefix: str) -> None:
    await session.write_transaction(lambda tx: tx.run(
        """MATCH (c:Case) WHERE c.id STARTS WITH $prefix
           OPTIONAL MATCH (c)<-[:ON]-(cm:CaseComment)
           DETACH DELETE c, cm""", prefix=prefix))


@pytest.fixture
async def prefix(session):
    value = f"t-case-{uuid.uuid4().hex[:8]}"
    yield value
    await _delete_cases(session, value)
