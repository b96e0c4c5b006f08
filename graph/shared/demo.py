"""The demo channel (cypher/demo/*.cypher, in name order), loaded into an empty database."""

from __future__ import annotations

from graph.shared.client import GraphSession
from graph.shared.cypher_files import CYPHER_DIR, split_statements

DEMO_DIR = CYPHER_DIR / "demo"
BULK_TIMEOUT_SECONDS = 300.0  # one transaction for the whole demo: not bound by the per-query timeout


async def is_empty(session: GraphSession) -> bool:
    rows = await session.read("shared/partner_count")
    return rows[0]["partners"] == 0


async def load(session: GraphSession) -> None:
    """All statements in one write transaction: a failure leaves the database as it was."""

    async def work(tx):
        for path in sorted(DEMO_DIR.glob("*.cypher")):
            for statement in split_statements(path.read_text()):
                await tx.run(statement)

    await session.write_transaction(work, timeout=BULK_TIMEOUT_SECONDS)
