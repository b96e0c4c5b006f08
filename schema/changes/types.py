"""Object types of the change log, and `Audited`, the `auditTrail` field of every audited node type."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.scalars import JSON
from strawberry.types import Info

from graph.changes.records import ChangeRecord, ChangeSummary, TrailFilter
from resolvers.changes import reads as change_reads
from resolvers.shared.global_ids import key_of
from schema.changes.enums import ChangeOperation
from schema.changes.inputs import AuditTrailFilter
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.type(description="One changed field: its value before and after (null when it had none).")
class FieldChange:
    field: str = strawberry.field(description="The field's name, as the entity stores it.")
    old: JSON | None = strawberry.field(description="The value before; dates and times as ISO 8601 text.")
    new: JSON | None = strawberry.field(description="The value after; dates and times as ISO 8601 text.")
    enterprise_only: bool = strawberry.field(description="An enterprise-only field (a deal's decision reason): "
                                             "shown to enterprise staff only.")


@strawberry.type(description="Who made a change.")
class ChangeActor:
    key: str | None = strawberry.field(description="The person's key; null for the system (expiry, seeding).")
    persona: str = strawberry.field(description="Their persona when they made it (`partner-admin`, …, `system`).")


@strawberry.type(description="One entry of the change log: what one mutation did to one entity.")
class Change:
    record: strawberry.Private[ChangeRecord]

    @strawberry.field(description="Position in the log: gap-free and increasing in commit order. Its text is "
                      "its cursor in the feed.")
    def seq(self) -> int:
        return self.record.seq

    @strawberry.field(description="When the change was made (the request's clock).")
    def at(self) -> datetime:
        return self.record.at

    @strawberry.field(description="Who made it.")
    def actor(self) -> ChangeActor:
        return ChangeActor(key=self.record.actor_id, persona=self.record.actor_persona)

    @strawberry.field(description="The GraphQL type of the entity changed (`DealComment` and `CaseComment` for "
                      "comments).")
    def entity_type(self) -> str:
        return self.record.entity_type

    @strawberry.field(description="The key of the entity changed; kept after it is deleted.")
    def entity_key(self) -> str:
        return self.record.entity_id

    @strawberry.field(description="The global ID of the entity changed (node(id:) reads it while it exists and "
                      "is visible).")
    def entity_id(self) -> strawberry.ID:
        return strawberry.ID(str(relay.GlobalID(self.record.entity_type, self.record.entity_id)))

    @strawberry.field(description="What the change did.")
    def operation(self) -> ChangeOperation:
        return ChangeOperation(self.record.operation)

    @strawberry.field(description="STATE_CHANGED: the lifecycle value before.")
    def from_state(self) -> str | None:
        return self.record.from_state

    @strawberry.field(description="STATE_CHANGED: the lifecycle value after.")
    def to_state(self) -> str | None:
        return self.record.to_state

    @strawberry.field(description="The lifecycle value the change left the entity in (for a deletion, the one it "
                      "was deleted in); null for types without a lifecycle and for records made before it was kept.")
    def state(self) -> str | None:
        return self.record.state

    @strawberry.field(description="RELATED or UNRELATED: the relationship (`PARENT_OF`, `OWNED_BY`, …).")
    def relationship(self) -> str | None:
        return self.record.relationship

    @strawberry.field(description="RELATED or UNRELATED: the GraphQL type of the entity at the other end.")
    def other_type(self) -> str | None:
        return self.record.other_type

    @strawberry.field(description="RELATED or UNRELATED: the key of the entity at the other end.")
    def other_key(self) -> str | None:
        return self.record.other_id

    @strawberry.field(description="The fields it changed, by name; enterprise-only ones for enterprise staff only.")
    def fields(self) -> list[FieldChange]:
        return [FieldChange(field=f["field"], old=f["old"], new=f["new"], enterprise_only=internal)
                for f, internal in self.record.changed_fields()]

    @strawberry.field(description="The key of the deal registration of the lineage, for selling records.")
    def lineage_key(self) -> str | None:
        return self.record.lineage_id

    @classmethod
    def from_record(cls, record: ChangeRecord) -> Change:
        return cls(record=record)


@strawberry.type(description="What pruning kept of an entity's older records (`partnergraph changes prune`): their "
                   "count, seq and time range, its creation and deletion, and the last state they moved it to. "
                   "Who changed which field is not kept.")
class PrunedChanges:
    summary: strawberry.Private[ChangeSummary]

    @strawberry.field(description="How many of its records were pruned.")
    def changes(self) -> int:
        return self.summary.changes

    @strawberry.field(description="The seq of the first pruned record.")
    def first_seq(self) -> int:
        return self.summary.first_seq

    @strawberry.field(description="The seq of the last pruned record: its trail's records now start after it.")
    def last_seq(self) -> int:
        return self.summary.last_seq

    @strawberry.field(description="When the first pruned record was made.")
    def first_at(self) -> datetime:
        return self.summary.first_at

    @strawberry.field(description="When the last pruned record was made.")
    def last_at(self) -> datetime:
        return self.summary.last_at

    @strawberry.field(description="When it was created, if its CREATED record was pruned.")
    def created_at(self) -> datetime | None:
        return self.summary.created_at

    @strawberry.field(description="Who created it, if its CREATED record was pruned.")
    def created_by(self) -> ChangeActor | None:
        if self.summary.created_by_persona is None:
            return None
        return ChangeActor(key=self.summary.created_by_id, persona=self.summary.created_by_persona)

    @strawberry.field(description="When it was deleted, if its DELETED record (its tombstone) was pruned.")
    def deleted_at(self) -> datetime | None:
        return self.summary.deleted_at

    @strawberry.field(description="The state the last pruned state change moved it to.")
    def last_state(self) -> str | None:
        return self.summary.last_state


@strawberry.type(description="An entity's audit trail: its change records, newest first, and what pruning kept of "
                 "the older ones.")
class AuditTrailConnection(relay.Connection[Change]):
    entity: strawberry.Private[tuple[str, str]]  # (type, key)

    @strawberry.field(description="What pruning kept of its records older than the log's horizon; null when none "
                      "were pruned or the viewer may not see them. Not narrowed by the trail's filter.")
    async def pruned(self, info: Info) -> PrunedChanges | None:
        summary = await change_reads.summary(info.context, *self.entity)
        return PrunedChanges(summary=summary) if summary else None


def trail_filter(f: AuditTrailFilter | None) -> TrailFilter:
    if f is None:
        return TrailFilter()
    return TrailFilter(key_of(f.actor, "Person", "filter.actor"),
                       tuple(op.value for op in f.operations) if f.operations else None, f.since, f.until)


AfterSeqArg = Annotated[str | None, strawberry.argument(
    description="Resume after this cursor (the seq of the last change received, as text; a feed cursor or an "
                "export's seq works too): every change after it is delivered first, then the new ones. Left out: "
                "only changes committed from now on. Below the pruned horizon: CURSOR_EXPIRED.")]
AuditFilterArg = Annotated[AuditTrailFilter | None, strawberry.argument(description="Only records matching this.")]


async def audit_trail(info: Info, type_name: str, key: str, filter: AuditTrailFilter | None, first: int | None,
                      after: str | None) -> AuditTrailConnection:
    page = await change_reads.trail(info.context, type_name, key, trail_filter(filter), first, after)
    connection = to_connection(page, Change.from_record)
    return AuditTrailConnection(edges=connection.edges, page_info=connection.page_info, entity=(type_name, key))


@strawberry.type
class Audited:
    """The `auditTrail` of a node type: a base of every audited type (Partner, DealRegistration, …)."""

    @strawberry.field(description="The change log's records of this entity, newest first, as the viewer may see "
                      "them (never enterprise-only fields or records for a partner).")
    async def audit_trail(self, info: Info, filter: AuditFilterArg = None, first: FirstArg = None,
                          after: AfterArg = None) -> AuditTrailConnection:
        return await audit_trail(info, type(self).__strawberry_definition__.name, self.id, filter, first, after)
