"""Partner programs, their segments (tiers) and the criteria of each segment."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.records import CriterionRecord, ProgramRecord, SegmentRecord
from resolvers import partnerships as partnership_resolvers
from resolvers import programs as program_resolvers
from schema.criterion_metrics import METRIC_DESCRIPTION, CriterionMetric, criterion_metric
from schema.keys import KeyedNode
from schema.organizations import InternalOrg
from schema.pagination import to_connection
from schema.partners import AfterArg, FirstArg, Partner

if TYPE_CHECKING:
    from schema.partnerships import Partnership, PartnershipStatus

# Partnerships refer back to programs: a lazy reference keeps the import one way.
LazyPartnership = Annotated["Partnership", strawberry.lazy("schema.partnerships")]
LazyPartnershipStatus = Annotated["PartnershipStatus", strawberry.lazy("schema.partnerships")]


@strawberry.enum(description="The kind of partner program.")
class ProgramKind(Enum):
    RESELLER = "RESELLER"
    SERVICE_PROVIDER = "SERVICE_PROVIDER"
    BUILD = "BUILD"
    AUTHORIZED_TRAINING = "AUTHORIZED_TRAINING"
    REFERRAL = "REFERRAL"
    OEM = "OEM"


@strawberry.enum(description="A program's lifecycle: DRAFT → APPROVED → RETIRED (or DRAFT → RETIRED). "
                 "Partner staff do not see DRAFT programs; a RETIRED program takes no partnerships.")
class ProgramStatus(Enum):
    DRAFT = "DRAFT"
    APPROVED = "APPROVED"
    RETIRED = "RETIRED"


@strawberry.enum(description="How a partner's metric compares with a criterion's threshold.")
class CriterionOperator(Enum):
    GT = "GT"
    GTE = "GTE"
    LT = "LT"
    LTE = "LTE"
    EQ = "EQ"


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
class Segment(relay.Node, KeyedNode):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Display name, e.g. Gold.")
    rank: int = strawberry.field(description="Position in the program, 1 being the top segment.")
    is_default: bool = strawberry.field(description="Whether new partnerships start here; exactly one per program.")
    program_id: strawberry.Private[str]

    @classmethod
    def from_record(cls, r: SegmentRecord) -> Segment:
        return cls(id=r.id, name=r.name, rank=r.rank, is_default=r.is_default, program_id=r.program_id)

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Iterable[str], required: bool = False) -> list[Segment | None]:
        records = await info.context.loaders.segment.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]

    @strawberry.field(description="The program this segment belongs to.")
    async def program(self, info: Info) -> Program | None:
        record = await program_resolvers.program(info.context, self.program_id)
        return Program.from_record(record) if record else None

    @strawberry.field(description="What a partner must meet to be in this segment.")
    async def criteria(self, info: Info) -> list[Criterion]:
        return [Criterion.from_record(r) for r in await program_resolvers.criteria(info.context, self.id)]

    @strawberry.field(description="The visible partners in this segment now (through a partnership that is not "
                      "TERMINATED), by name.")
    async def partners(self, info: Info, first: FirstArg = None, after: AfterArg = None) -> relay.Connection[Partner]:
        page = await program_resolvers.segment_partners(info.context, self.id, first, after)
        return to_connection(page, Partner.from_record)


@strawberry.type(description="A partner program run by an internal organization: partners join it through a "
                 "partnership and sit in one of its segments.")
class Program(relay.Node, KeyedNode):
    id: relay.NodeID[str]
    name: str = strawberry.field(description="Display name, e.g. Reseller Program.")
    kind: ProgramKind = strawberry.field(description="The kind of program.")
    status: ProgramStatus = strawberry.field(description="Lifecycle status.")
    start_date: date = strawberry.field(description="The first day of the program.")
    end_date: date | None = strawberry.field(description="The last day of the program; null when open-ended.")
    internal_org_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, r: ProgramRecord) -> Program:
        return cls(id=r.id, name=r.name, kind=ProgramKind(r.kind), status=ProgramStatus(r.status),
                   start_date=r.start_date, end_date=r.end_date, internal_org_id=r.internal_org_id)

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Iterable[str], required: bool = False) -> list[Program | None]:
        records = await info.context.loaders.program.load_many(list(node_ids))
        return [cls.from_record(r) if r else None for r in records]

    @strawberry.field(description="The internal organization that runs the program.")
    async def internal_org(self, info: Info) -> InternalOrg | None:
        if self.internal_org_id is None:
            return None
        record = await info.context.loaders.internal_org.load(self.internal_org_id)
        return InternalOrg.from_record(record) if record else None

    @strawberry.field(description="The program's segments, top rank first.")
    async def segments(self, info: Info) -> list[Segment]:
        return [Segment.from_record(r) for r in await program_resolvers.segments(info.context, self.id)]

    @strawberry.field(description="The program's partnerships whose partner the viewer may see, by partner name.")
    async def partnerships(
        self,
        info: Info,
        status: Annotated[LazyPartnershipStatus | None, strawberry.argument(description="Only this status.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[LazyPartnership]:
        from schema.partnerships import Partnership

        page = await partnership_resolvers.of_program(info.context, self.id, status.value if status else None,
                                                      first, after)
        return to_connection(page, Partnership.from_record)


StatusArg = Annotated[ProgramStatus | None, strawberry.argument(description="Only programs of this status.")]
