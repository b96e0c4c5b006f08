"""What the change log's reads return."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from graph.shared.records import Record


@dataclass(frozen=True, slots=True)
class ChangeRecord(Record):
    """One change record (docs/CHANGES.md). `fields` and `enterprise_fields` are JSON text, the latter only
    read for enterprise staff."""

    seq: int
    at: datetime
    actor_persona: str
    entity_type: str
    entity_id: str
    operation: str
    actor_id: str | None = None
    from_state: str | None = None
    to_state: str | None = None
    state: str | None = None  # the lifecycle value after the change (null in records made before it was kept)
    relationship: str | None = None
    other_type: str | None = None
    other_id: str | None = None
    fields: str | None = None
    enterprise_fields: str | None = None
    partner_id: str | None = None
    lineage_id: str | None = None
    scope_id: str | None = None  # the key of the entity whose visibility rule applies (a comment's case)

    def changed_fields(self) -> list[tuple[dict[str, Any], bool]]:
        """Each changed field with whether it is enterprise-only, in field order."""
        visible = [(f, False) for f in orjson.loads(self.fields or "[]")]
        internal = [(f, True) for f in orjson.loads(self.enterprise_fields or "[]")]
        return sorted(visible + internal, key=lambda pair: pair[0]["field"])


@dataclass(frozen=True, slots=True)
class ChangeSummary(Record):
    """What pruning kept of one entity's records (docs/CHANGES.md, "Retention"): how many, their seq and time
    range, the creation (when it was pruned), the deletion, and the last state they moved it to."""

    changes: int
    first_seq: int
    last_seq: int
    first_at: datetime
    last_at: datetime
    created_at: datetime | None = None
    created_by_id: str | None = None
    created_by_persona: str | None = None
    deleted_at: datetime | None = None
    last_state: str | None = None


@dataclass(frozen=True, slots=True)
class Horizon:
    """The ends of the change log: the last seq given, and the highest one pruned."""

    last: int
    pruned_through: int


@dataclass(frozen=True)
class TrailFilter:
    """Which records of an audit trail: by actor (person id), operations, and time range [since, until)."""

    actor_id: str | None = None
    operations: tuple[str, ...] | None = None
    since: datetime | None = None
    until: datetime | None = None

    def as_param(self) -> dict[str, Any]:
        return {"actorId": self.actor_id, "operations": list(self.operations) if self.operations else None,
                "since": self.since, "until": self.until}
