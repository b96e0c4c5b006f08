"""Partnerships: a partner's membership in a program, its current segment and segment history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.records import PartnershipRecord, SegmentAssignmentRecord
from resolvers import partnerships as partnership_resolvers
from resolvers import programs as program_resolvers
from schema.keys import KeyedNode
from schema.partners import Partner
from schema.programs import Program, Segment


@strawberry.enum(description="A partnership's lifecycle: PENDING → ACTIVE ⇄ SUSPENDED → TERMINATED "
                 "(PENDING may also go to TERMINATED). TERMINATED is final.")
class PartnershipStatus(Enum):
    PENDING = "PENDING"
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    TERMINATED = "TERMINATED"


async def _segment(info: Info, segment_id: str | None) -> Segment | None:
    if segment_id is None:
        return None
    record = await program_resolvers.segment(info.context, segment_id)
    return Segment.from_record(record) if record else None


@strawberry.type(description="One entry of a partnership's segment history: which segment, from when until when, why.")
class SegmentAssignment:
    start: datetime = strawberry.field(name="from", description="When the partnership entered the segment (UTC).")
    until: datetime | None = strawberry.field(description="When it left the segment; null for the current one.")
    reason: str | None = strawberry.field(description="Why: \"onboarding\" for the first, else the reason given.")
    segment_id: strawberry.Private[str]

    @classmethod
    def from_record(cls, r: SegmentAssignmentRecord) -> SegmentAssignment:
        return cls(start=r.start, until=r.until, reason=r.reason, segment_id=r.segment_id)

    @strawberry.field(description="The segment; null when its program is not visible to the viewer.")
    async def segment(self, info: Info) -> Segment | None:
        return await _segment(info, self.segment_id)


@strawberry.type(description="A partner's membership in a program: its status, its current segment and the "
                 "history of its segments. Visible whenever its partner is.")
class Partnership(relay.Node, KeyedNode):
    id: relay.NodeID[str]
    status: PartnershipStatus = strawberry.field(description="Lifecycle status.")
    onboarded_at: datetime | None = strawberry.field(description="When it first became ACTIVE (UTC); null before.")
    offboarded_at: datetime | None = strawberry.field(description="When it was TERMINATED (UTC); null before.")
    partner_id: strawberry.Private[str]
    program_id: strawberry.Private[str]
    segment_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, r: PartnershipRecord) -> Partnership:
        return cls(id=r.id, status=PartnershipStatus(r.status), onboarded_at=r.onboarded_at,
                   offboarded_at=r.offboarded_at, partner_id=r.partner_id, program_id=r.program_id,
                   segment_id=r.segment_id)

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Iterable[str], required: bool = False) -> list[Partnership | None]:
        records = await info.context.loaders.partnership.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]

    @strawberry.field(description="The partner that is a member.")
    async def partner(self, info: Info) -> Partner | None:
        record = await info.context.loaders.partner.load(self.partner_id)
        return Partner.from_record(record) if record else None

    @strawberry.field(description="The program; null when the viewer may not see it (a DRAFT program, for partner staff).")
    async def program(self, info: Info) -> Program | None:
        record = await program_resolvers.program(info.context, self.program_id)
        return Program.from_record(record) if record else None

    @strawberry.field(description="The segment the partnership is in now (for a TERMINATED one: its last); null "
                      "when the viewer may not see the program.")
    async def segment(self, info: Info) -> Segment | None:
        return await _segment(info, self.segment_id)

    @strawberry.field(description="Every segment the partnership has been in, oldest first; the current one last.")
    async def segment_history(self, info: Info) -> list[SegmentAssignment]:
        records = await partnership_resolvers.segment_history(info.context, self.id)
        return [SegmentAssignment.from_record(r) for r in records]
