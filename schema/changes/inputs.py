"""Inputs of the change log's reads."""

from __future__ import annotations

from datetime import datetime

import strawberry

from schema.changes.enums import ChangeOperation


@strawberry.input(description="Which records of an audit trail; every criterion given must hold.")
class AuditTrailFilter:
    actor: strawberry.ID | None = strawberry.field(default=None, description="Global ID of the person who made "
                                                   "the change.")
    operations: list[ChangeOperation] | None = strawberry.field(default=None, description="Only these operations.")
    since: datetime | None = strawberry.field(default=None, description="Only changes at or after this moment.")
    until: datetime | None = strawberry.field(default=None, description="Only changes before this moment.")
