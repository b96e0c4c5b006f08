"""Enums of the change log: what a change did."""

from __future__ import annotations

from enum import Enum

import strawberry


@strawberry.enum(description="What a change did to its entity: CREATED, UPDATED (fields), STATE_CHANGED (its "
                 "lifecycle field, with from and to), RELATED or UNRELATED (a relationship to another entity), "
                 "DELETED (a tombstone that keeps the entity's type and key).")
class ChangeOperation(Enum):
    CREATED = "CREATED"
    UPDATED = "UPDATED"
    STATE_CHANGED = "STATE_CHANGED"
    RELATED = "RELATED"
    UNRELATED = "UNRELATED"
    DELETED = "DELETED"
