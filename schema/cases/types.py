"""Types of the cases domain: partner cases, their SLA figures, comments and work notes, queues and SLA
policies."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.cases.records import CaseCategoryRecord, CaseCommentRecord, CaseRecord, SlaPolicyRecord
from graph.cases.records import CaseFilter as CaseFilterRecord
from resolvers.cases import reads as cases_reads
from resolvers.shared.global_ids import key_of
from schema.cases.enums import CaseCommentVisibility, CasePriority, CaseStatus
from schema.changes.types import Audited, Change
from schema.languages.types import NAME_DESCRIPTION, TRANSLATIONS, TRANSLATIONS_DESCRIPTION, Translation
from schema.partners import types as partner_types
from schema.programs.types import Segment, segment_of
from schema.shared.declared_reads import reached
from schema.shared.graph_mapping import reach, value
from schema.shared.keys import KeyedNode
from schema.shared.nodes import LoadedNode
from schema.shared.pagination import AfterArg, FirstArg, to_connection
from schema.shared.partner_references import LazyAccount, LazyPartner, LazyPerson


def case_filter(status: list[CaseStatus] | None = None, priority: list[CasePriority] | None = None,
                open: bool | None = None, breached: bool | None = None, account: str | None = None,
                opened_by: str | None = None, queue: str | None = None) -> CaseFilterRecord:
    return CaseFilterRecord(
        statuses=tuple(s.value for s in status) if status is not None else None,
        priorities=tuple(p.value for p in priority) if priority is not None else None,
        open=open, breached=breached,
        account_id=key_of(account, "Account", "account"),
        opened_by_id=key_of(opened_by, "Person", "openedBy"),
        queue_id=key_of(queue, "Queue", "queue"),
    )


@strawberry.type(description="A queue of cases worked by enterprise partner agents.")
class Queue(LoadedNode, relay.Node, KeyedNode):
    loader = "queue"
    lookup = "true"  # queue names are not scoped
    id: relay.NodeID[str]
    name: str = strawberry.field(description="The queue's name.")
    is_default: bool = strawberry.field(description="New cases land in the default queue.",
                                        metadata=value("coalesce({node}.isDefault, false)"))

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Queue:
        return cls(id=row["id"], name=row["name"], is_default=row["isDefault"])


@strawberry.type(description="A category of cases (TECHNICAL, LICENSING …): a case's `category` holds its code. Its "
                 "name and description are translated (docs/LANGUAGES.md).")
class CaseCategory(LoadedNode, relay.Node, KeyedNode):
    loader = "case_category"
    lookup = "true"  # categories are not scoped
    id: relay.NodeID[str]
    code: str = strawberry.field(description="The code a case's `category` holds, e.g. TECHNICAL (the key).",
                                 metadata=value("{node}.id"))
    name: str = strawberry.field(description="Display name, e.g. Technical issue." + NAME_DESCRIPTION,
                                 metadata=value("{{localized_name({node})}}"))
    description: str | None = strawberry.field(description="What belongs in the category; null: none."
                                               + NAME_DESCRIPTION, metadata=value("{{localized_description({node})}}"))

    @classmethod
    def from_record(cls, r: CaseCategoryRecord) -> CaseCategory:
        return cls(id=r.id, code=r.id, name=r.name, description=r.description)

    @strawberry.field(description=TRANSLATIONS_DESCRIPTION, metadata=TRANSLATIONS)
    async def translations(self, info: Info) -> list[Translation]:
        return await reached(info, Translation, self.id)


@strawberry.type(description="A case's service levels as of now. The clock pauses while the case awaits the "
                 "partner (and while it is resolved, until a reopen).")
class CaseSla:
    response_minutes: int = strawberry.field(description="Response target: minutes from opening to the first response.")
    resolution_minutes: int = strawberry.field(
        description="Resolution target: minutes from opening to resolution, not counting paused time.")
    response_due_at: datetime = strawberry.field(description="When the first response is due (UTC).")
    resolution_due_at: datetime = strawberry.field(
        description="When resolution is due (UTC), paused time added; while paused it moves with the clock.")
    paused_seconds: int = strawberry.field(description="Seconds the clock has been paused so far.")
    paused: bool = strawberry.field(description="Whether the clock is paused now.")
    response_breached: bool = strawberry.field(description="No first response by the response target.")
    resolution_breached: bool = strawberry.field(description="Not resolved by the resolution target.")
    breached: bool = strawberry.field(description="Either target breached.")
    response_remaining_seconds: int | None = strawberry.field(
        description="Seconds left until the response target (negative when overdue); null once responded or closed.")
    resolution_remaining_seconds: int | None = strawberry.field(
        description="Seconds left until the resolution target (negative when overdue); null once resolved.")

    @classmethod
    def from_record(cls, case: CaseRecord) -> CaseSla:
        r = case.sla
        return cls(response_minutes=case.response_minutes, resolution_minutes=case.resolution_minutes,
                   response_due_at=r.response_due_at, resolution_due_at=r.resolution_due_at,
                   paused_seconds=r.paused_seconds, paused=r.paused, response_breached=r.response_breached,
                   resolution_breached=r.resolution_breached, breached=r.breached,
                   response_remaining_seconds=r.response_remaining_seconds,
                   resolution_remaining_seconds=r.resolution_remaining_seconds)


@strawberry.type(description="SLA targets for one priority: those of a program segment, or the default ones used "
                 "when none of a partner's segments sets any. A case copies the minutes of its policy when it is "
                 "opened, so changing a policy moves the targets of cases opened afterwards only.")
class SlaPolicy:
    key: str = strawberry.field(description="The policy's stable key.")
    priority: CasePriority = strawberry.field(description="The case priority the targets are for.")
    response_minutes: int = strawberry.field(description="Minutes from opening to the first response.")
    resolution_minutes: int = strawberry.field(
        description="Minutes from opening to resolution, not counting time paused.")
    is_default: bool = strawberry.field(description="Whether this is a default policy (no segment).")
    updated_at: datetime | None = strawberry.field(
        description="When setSlaPolicy last set it (UTC); null for policies loaded from data files.")
    segment_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, r: SlaPolicyRecord) -> SlaPolicy:
        return cls(key=r.id, priority=CasePriority(r.priority), response_minutes=r.response_minutes,
                   resolution_minutes=r.resolution_minutes, is_default=r.is_default, updated_at=r.updated_at,
                   segment_id=r.segment_id)

    @strawberry.field(description="The segment that sets these targets; null for a default policy or when the "
                      "viewer may not see the segment.")
    async def segment(self, info: Info) -> Segment | None:
        return await segment_of(info, self.segment_id)


@strawberry.type(description="A comment on a case: partner-visible, or an enterprise-only work note.")
class CaseComment:
    key: str = strawberry.field(description="The comment's stable key.")
    body: str = strawberry.field(description="The text.")
    visibility: CaseCommentVisibility = strawberry.field(description="Who may read it.")
    at: datetime = strawberry.field(description="When it was written (UTC).")
    author_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, r: CaseCommentRecord) -> CaseComment:
        return cls(key=r.id, body=r.body, visibility=CaseCommentVisibility(r.visibility), at=r.at,
                   author_id=r.author_id)

    @strawberry.field(description="Who wrote it; null when the viewer may not see that person.")
    async def author(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.author_id)


@strawberry.type(description="A partner case: opened by partner staff for their organization or one of its "
                 "end-customer accounts, worked by the enterprise's partner agents under SLA targets that "
                 "follow the partner's segment.")
class Case(LoadedNode, relay.Node, KeyedNode, Audited):
    lookup = "{{case_visible({node})}}"
    id: relay.NodeID[str]
    number: str = strawberry.field(description="Human-readable number, e.g. CASE-000123.")
    subject: str = strawberry.field(description="One-line summary.")
    description: str | None = strawberry.field(description="The details.")
    category: str | None = strawberry.field(description="Category, free text (e.g. TECHNICAL, LICENSING); "
                                            "`categoryDetails` names it in the request's language.")
    priority: CasePriority = strawberry.field(description="Priority.")
    status: CaseStatus = strawberry.field(description="Lifecycle status.")
    opened_at: datetime = strawberry.field(description="When it was opened (UTC).")
    first_response_at: datetime | None = strawberry.field(
        description="The enterprise's first response: its first partner-visible comment or status move (UTC).")
    resolved_at: datetime | None = strawberry.field(description="When it was last resolved (UTC); null if not "
                                                                "resolved.")
    closed_at: datetime | None = strawberry.field(description="When it was closed or cancelled (UTC).")
    updated_at: datetime | None = strawberry.field(description="Last change (UTC).")
    sla: CaseSla = strawberry.field(description="Targets, time remaining and breaches, as of now.", metadata=value(
        "head([_sla IN [{{case_sla({node})}}] | _sla {.*, {{...sla_times(_sla)}}, "
        "responseMinutes: {node}.responseMinutes, resolutionMinutes: {node}.resolutionMinutes}])"))
    record: strawberry.Private[CaseRecord]

    @classmethod
    def from_record(cls, r: CaseRecord) -> Case:
        return cls(id=r.id, number=r.number, subject=r.subject, description=r.description, category=r.category,
                   priority=CasePriority(r.priority), status=CaseStatus(r.status), opened_at=r.opened_at,
                   first_response_at=r.first_response_at, resolved_at=r.resolved_at, closed_at=r.closed_at,
                   updated_at=r.updated_at, sla=CaseSla.from_record(r), record=r)

    @classmethod
    async def load_records(cls, context: Any, keys: list[str]) -> list[CaseRecord | None]:
        return await cases_reads.cases(context, keys)  # keyed with the request's "now" for the SLA figures

    @strawberry.field(description="The case category its `category` names (code, translated name and description); "
                      "null when it names none.",
                      metadata=reach("MATCH ({node}:CaseCategory {id: {parent}.category})"))
    async def category_details(self, info: Info) -> CaseCategory | None:
        if self.category is None:
            return None
        record = await cases_reads.case_category(info.context, self.category)
        return CaseCategory.from_record(record) if record else None

    @strawberry.field(description="The partner the case is for.", metadata=reach(
        "MATCH ({parent})-[:FOR_PARTNER]->({node}:Partner) WHERE {{partner_visible({node})}}"))
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.record.partner_id)

    @strawberry.field(description="The end-customer account the case is for; null for the partner's own case.",
                      metadata=reach("MATCH ({parent})-[:FOR_ACCOUNT]->({node}:Account) "
                                     "WHERE {{account_visible({node})}}"))
    async def account(self, info: Info) -> LazyAccount | None:
        return await partner_types.account_of(info, self.record.account_id)

    @strawberry.field(description="What the case is about (a product, an order or a deal registration); null "
                      "when none or not visible.")
    async def about(self, info: Info) -> relay.Node | None:
        if self.record.about_id is None or self.record.about_type is None:
            return None
        definition = info.schema.get_type_by_name(self.record.about_type)
        node_type = getattr(definition, "origin", None)
        if not (isinstance(node_type, type) and issubclass(node_type, relay.Node)):
            return None
        (found,) = await node_type.resolve_nodes(info=info, node_ids=[self.record.about_id])
        return found

    @strawberry.field(description="The partner person who opened it.", metadata=reach(
        "MATCH ({parent})-[:OPENED_BY]->({node}:Person) WHERE {{person_visible({node})}}"))
    async def opened_by(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.record.opened_by_id)

    @strawberry.field(description="The partner-side owner, if any.", metadata=reach(
        "MATCH ({parent})-[:OWNED_BY]->({node}:Person) WHERE {{person_visible({node})}}"))
    async def owner(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.record.owner_id)

    @strawberry.field(description="The enterprise partner agent it is assigned to; null when in a queue.",
                      metadata=reach("MATCH ({parent})-[:ASSIGNED_TO]->({node}:Person) "
                                     "WHERE {{person_visible({node})}}"))
    async def assignee(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.record.assignee_id)

    @strawberry.field(description="The queue it waits in; null when assigned to an agent.",
                      metadata=reach("MATCH ({parent})-[:IN_QUEUE]->({node}:Queue)"))
    async def queue(self, info: Info) -> Queue | None:
        if self.record.queue_id is None:
            return None
        (found,) = await Queue.resolve_nodes(info=info, node_ids=[self.record.queue_id])
        return found

    @strawberry.field(description="Comments, oldest first; enterprise work notes (INTERNAL) only for enterprise staff.")
    async def comments(
        self, info: Info,
        visibility: Annotated[CaseCommentVisibility | None,
                              strawberry.argument(description="Only this visibility.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[CaseComment]:
        page = await cases_reads.comments(info.context, self.id, visibility.value if visibility else None,
                                             first, after)
        return to_connection(page, CaseComment.from_record)


@strawberry.type(description="A change to a case, delivered by `caseChanged` as it commits.")
class CaseEvent:
    change: Change = strawberry.field(description="The change record: what changed, who changed it and when.")
    case: Case = strawberry.field(description="The case as the viewer may see it when the event is delivered (so "
                                  "possibly later than the change).")

    @strawberry.field(description="Pass it as `after` when subscribing again to resume after this event, missing "
                      "nothing (the change's seq, as text: a feed cursor).")
    def cursor(self) -> str:
        return str(self.change.record.seq)
