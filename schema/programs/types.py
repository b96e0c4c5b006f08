"""Types of the programs domain: partner programs, their segments (tiers) and criteria, partnerships and their
segment history."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.programs.records import (
    ApplicationQuestionRecord,
    CriterionRecord,
    PartnershipRecord,
    ProgramRecord,
    SegmentAssignmentRecord,
    SegmentRecord,
)
from resolvers.programs import reads as programs_reads
from schema.changes.types import Audited
from schema.languages.types import NAME_DESCRIPTION, TRANSLATIONS, TRANSLATIONS_DESCRIPTION, Translation
from schema.partners import types as partner_types
from schema.programs.enums import (
    METRIC_DESCRIPTION,
    CriterionMetric,
    CriterionOperator,
    PartnershipStatus,
    ProgramKind,
    ProgramStatus,
    criterion_metric,
)
from schema.shared.declared_reads import reached
from schema.shared.graph_mapping import Shape, reach, value
from schema.shared.keys import KeyedNode
from schema.shared.nodes import LoadedNode
from schema.shared.pagination import AfterArg, FirstArg, to_connection
from schema.shared.partner_references import LazyInternalOrg, LazyPartner
from schema.shared.payloads import Result, payload


@strawberry.type(description="A question a program asks of partners applying to join it (applicationForm, "
                 "submitPartnerApplication).")
class ApplicationQuestion:
    key: str = strawberry.field(description="The question's key, which an answer names.")
    text: str = strawberry.field(description="The question.")
    required: bool = strawberry.field(description="Whether an application must answer it.")

    @classmethod
    def from_record(cls, r: ApplicationQuestionRecord) -> ApplicationQuestion:
        return cls(key=r.key, text=r.text, required=r.required)


@strawberry.type(description="A condition a partner must meet to be in a segment, e.g. REVENUE GTE 1000000.")
class Criterion:
    key: str = strawberry.field(description="The criterion's stable key.")
    metric: CriterionMetric | None = strawberry.field(description=METRIC_DESCRIPTION)
    operator: CriterionOperator = strawberry.field(description="How the metric compares with the threshold.")
    threshold: float = strawberry.field(description="The value the metric is compared with.")

    @classmethod
    def from_record(cls, r: CriterionRecord) -> Criterion:
        return cls(key=r.id, metric=criterion_metric(r.metric), operator=CriterionOperator(r.operator),
                   threshold=r.threshold)


@strawberry.type(description="A segment (tier) of a program, e.g. Platinum, Gold, Silver, Bronze. Rank 1 is the "
                 "top; the one default segment is where onboarded partners start unless told otherwise.")
class Segment(LoadedNode, relay.Node, KeyedNode):
    loader = "segment"
    lookup = "EXISTS { MATCH (_program:Program)-[:HAS_SEGMENT]->({node}) WHERE {{program_visible(_program)}} }"
    record = "{{segment_record({node})}}"
    record_type = SegmentRecord
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Display name, e.g. Gold." + NAME_DESCRIPTION,
                                 metadata=value("{{localized_name({node})}}"))
    description: str | None = strawberry.field(description="What the segment offers; null: none." + NAME_DESCRIPTION,
                                               metadata=value("{{localized_description({node})}}"))
    rank: int = strawberry.field(description="Position in the program, 1 being the top segment.")
    is_default: bool = strawberry.field(description="Whether new partnerships start here; exactly one per program.")
    program_id: strawberry.Private[str]

    @classmethod
    def from_record(cls, r: SegmentRecord) -> Segment:
        return cls(id=r.id, name=r.name, description=r.description, rank=r.rank, is_default=r.is_default,
                   program_id=r.program_id)

    @strawberry.field(description=TRANSLATIONS_DESCRIPTION, metadata=TRANSLATIONS)
    async def translations(self, info: Info) -> list[Translation]:
        return await reached(info, Translation, self.id)

    @strawberry.field(description="The program this segment belongs to.", metadata=reach(
        "MATCH ({node}:Program)-[:HAS_SEGMENT]->({parent}) WHERE {{program_visible({node})}}"))
    async def program(self, info: Info) -> Program | None:
        record = await programs_reads.program(info.context, self.program_id)
        return Program.from_record(record) if record else None

    @strawberry.field(description="What a partner must meet to be in this segment.")
    async def criteria(self, info: Info) -> list[Criterion]:
        return [Criterion.from_record(r) for r in await programs_reads.criteria(info.context, self.id)]

    @strawberry.field(description="The visible partners in this segment now (through a partnership that is not "
                      "TERMINATED), by name.")
    async def partners(self, info: Info, first: FirstArg = None,
                       after: AfterArg = None) -> relay.Connection[LazyPartner]:
        page = await programs_reads.segment_partners(info.context, self.id, first, after)
        return to_connection(page, partner_types.Partner.from_record)


@strawberry.type(description="A partner program run by an internal organization: partners join it through a "
                 "partnership and sit in one of its segments.")
class Program(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "program"
    lookup = "{{program_visible({node})}}"
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Display name, e.g. Reseller Program." + NAME_DESCRIPTION,
                                 metadata=value("{{localized_name({node})}}"))
    description: str | None = strawberry.field(description="What the program is for; null: none." + NAME_DESCRIPTION,
                                               metadata=value("{{localized_description({node})}}"))
    kind: ProgramKind = strawberry.field(description="The kind of program.")
    status: ProgramStatus = strawberry.field(description="Lifecycle status.")
    start_date: date = strawberry.field(description="The first day of the program.")
    end_date: date | None = strawberry.field(description="The last day of the program; null when open-ended.")
    internal_org_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, r: ProgramRecord) -> Program:
        return cls(id=r.id, name=r.name, description=r.description, kind=ProgramKind(r.kind),
                   status=ProgramStatus(r.status), start_date=r.start_date, end_date=r.end_date,
                   internal_org_id=r.internal_org_id)

    @strawberry.field(description=TRANSLATIONS_DESCRIPTION, metadata=TRANSLATIONS)
    async def translations(self, info: Info) -> list[Translation]:
        return await reached(info, Translation, self.id)

    @strawberry.field(description="The internal organization that runs the program.",
                      metadata=reach("MATCH ({node}:InternalOrg)-[:RUNS]->({parent})"))
    async def internal_org(self, info: Info) -> LazyInternalOrg | None:
        return await partner_types.internal_org_of(info, self.internal_org_id)

    @strawberry.field(description="The program's segments, top rank first.", metadata=reach(
        "MATCH ({parent})-[:HAS_SEGMENT]->({node}:Segment)", Shape.LIST, order="{node}.rank, {node}.id"))
    async def segments(self, info: Info) -> list[Segment]:
        return await reached(info, Segment, self.id)

    @strawberry.field(description="The questions the program asks of partners applying to join it, in order "
                      "(setApplicationQuestions); visible to whoever sees the program.")
    async def application_questions(self, info: Info) -> list[ApplicationQuestion]:
        return [ApplicationQuestion.from_record(r) for r in await programs_reads.application_questions(info.context,
                                                                                                        self.id)]

    @strawberry.field(description="The program's partnerships whose partner the viewer may see, by partner name.")
    async def partnerships(
        self,
        info: Info,
        status: Annotated[PartnershipStatus | None, strawberry.argument(description="Only this status.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Partnership]:
        page = await programs_reads.partnerships_of_program(info.context, self.id, status.value if status else None,
                                                      first, after)
        return to_connection(page, Partnership.from_record)


StatusArg = Annotated[ProgramStatus | None, strawberry.argument(description="Only programs of this status.")]


async def segment_of(info: Info, segment_id: str | None) -> Segment | None:
    """The segment of an id a record holds; None when there is none or the viewer may not see its program."""
    if segment_id is None:
        return None
    record = await programs_reads.segment(info.context, segment_id)
    return Segment.from_record(record) if record else None


async def partnership_of(info: Info, partnership_id: str) -> Partnership | None:
    """The partnership of an id a record holds; None when the viewer may not see it."""
    record = await programs_reads.partnership(info.context, partnership_id)
    return Partnership.from_record(record) if record else None


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
        return await segment_of(info, self.segment_id)


@strawberry.type(description="A partner's membership in a program: its status, its current segment and the "
                 "history of its segments. Visible whenever its partner is.")
class Partnership(LoadedNode, relay.Node, KeyedNode, Audited):
    loader = "partnership"
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

    @strawberry.field(description="The partner that is a member.")
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.partner_id)

    @strawberry.field(description="The program; null when the viewer may not see it (a DRAFT program, for partner "
                                  "staff).")
    async def program(self, info: Info) -> Program | None:
        record = await programs_reads.program(info.context, self.program_id)
        return Program.from_record(record) if record else None

    @strawberry.field(description="The segment the partnership is in now (for a TERMINATED one: its last); null "
                      "when the viewer may not see the program.")
    async def segment(self, info: Info) -> Segment | None:
        return await segment_of(info, self.segment_id)

    @strawberry.field(description="Every segment the partnership has been in, oldest first; the current one last.")
    async def segment_history(self, info: Info) -> list[SegmentAssignment]:
        records = await programs_reads.segment_history(info.context, self.id)
        return [SegmentAssignment.from_record(r) for r in records]


# Here rather than in mutations.py: applySegmentRecommendation (insights) answers with it too, and domains
# meet through their types.
PartnershipPayload = payload("PartnershipPayload", "Result of a mutation on one partnership.",
                             Result("partnership", Partnership, "The partnership as it is now"))
