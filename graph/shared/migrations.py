"""Numbered `.cypher` migrations under `cypher/migrations/`, applied once each and recorded in the graph."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from graph.shared.client import GraphSession
from graph.shared.cypher_files import CYPHER_DIR, split_statements

MIGRATIONS_DIR = CYPHER_DIR / "migrations"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.cypher$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    path: Path

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


def available() -> list[Migration]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.cypher")):
        match = _NAME.match(path.name)
        if not match:
            raise ValueError(f"migration file {path.name} is not named NNNN_name.cypher")
        found.append(Migration(int(match.group(1)), match.group(2), path))
    return found


async def applied_versions(session: GraphSession) -> set[int]:
    rows = await session.read("shared/applied_migrations")
    return {row["version"] for row in rows}


async def pending(session: GraphSession) -> list[Migration]:
    done = await applied_versions(session)
    return [m for m in available() if m.version not in done]


async def migrate(session: GraphSession) -> list[Migration]:
    """Apply what is pending, in order. Schema statements use IF NOT EXISTS, so a rerun is harmless."""
    applied = []
    for migration in await pending(session):
        # Schema changes cannot share a transaction with writes: one transaction per statement.
        for statement in split_statements(migration.path.read_text()):
            await session.write_transaction(lambda tx, s=statement: tx.run(s))
        await session.write("shared/record_migration", version=migration.version, name=migration.name,
                            checksum=migration.checksum)
        applied.append(migration)
    return applied
