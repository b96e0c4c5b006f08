"""Types of the applications domain: partner applications (for their reviewers), what they may duplicate, the
receipt an applicant gets, and the public application form of a program."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.applications.records import (
    ApplicationAnswerRecord,
    ApplicationFormRecord,
    ApplicationReceiptRecord,
    PartnerApplicationRecord,
)
from resolvers.applications import reads as applications_reads
from schema.applications.enums import ApplicationStatus
from schema.partners import types as partner_types
from schema.partners.enums import PartnerType
from schema.programs.types import ApplicationQuestion, Program
from schema.shared.keys import KeyedNode
from schema.shared.nodes import LoadedNode
from schema.shared.partner_references import LazyPartner, LazyPerson


@strawberry.type(description="The application form of an APPROVED program: what an applicant reads before "
                 "submitPartnerApplication, with or without a token.")
class ApplicationForm:
    program: strawberry.ID = strawberry.field(description="Global ID of the program, as the application names it.")
    name: str = strawberry.field(description="The program's name.")
    questions: list[ApplicationQuestion] = strawberry.field(description="The program's questions, in order.")

    @classmethod
    def from_record(cls, r: ApplicationFormRecord) -> ApplicationForm:
        return cls(program=strawberry.ID(str(relay.GlobalID("Program", r.program_id))), name=r.name,
                   questions=[ApplicationQuestion.from_record(q) for q in r.questions])


@strawberry.type(description="What an applicant is told of a submitted application: the same for every accepted "
                 "submission, whatever the partner graph holds already.")
class ApplicationReceipt:
    reference: strawberry.ID = strawberry.field(description="The application's reference, for correspondence.")
    status: ApplicationStatus = strawberry.field(description="SUBMITTED: it waits for a review.")
    submitted_at: datetime = strawberry.field(description="When it was submitted.")

    @classmethod
    def from_record(cls, r: ApplicationReceiptRecord) -> ApplicationReceipt:
        return cls(reference=strawberry.ID(str(relay.GlobalID("PartnerApplication", r.id))),
                   status=ApplicationStatus(r.status), submitted_at=r.submitted_at)


@strawberry.type(description="An answer to one of the program's questions.")
class ApplicationAnswer:
    question: str = strawberry.field(description="The question's key.")
    answer: str = strawberry.field(description="The answer.")

    @classmethod
    def from_record(cls, r: ApplicationAnswerRecord) -> ApplicationAnswer:
        return cls(question=r.key, answer=r.answer)


@strawberry.type(description="What an application may duplicate, for its reviewer to weigh: partners with the same "
                 "company name (case-insensitive) and country, people with the same e-mail, other applications "
                 "with either. The partner and admin an approval created are not counted.")
class ApplicationDuplicates:
    partner_ids: strawberry.Private[tuple[str, ...]]
    person_ids: strawberry.Private[tuple[str, ...]]
    application_ids: strawberry.Private[tuple[str, ...]]

    @strawberry.field(description="Whether anything is flagged.")
    def found(self) -> bool:
        return bool(self.partner_ids or self.person_ids or self.application_ids)

    @strawberry.field(description="Whether a partner with the same company name and country exists.")
    def same_company(self) -> bool:
        return bool(self.partner_ids)

    @strawberry.field(description="Whether a person with the same e-mail exists.")
    def same_email(self) -> bool:
        return bool(self.person_ids)

    @strawberry.field(description="Whether another application has the same company and country or e-mail.")
    def other_applications(self) -> bool:
        return bool(self.application_ids)

    @strawberry.field(description="The partners with the same company name and country.")
    async def partners(self, info: Info) -> list[LazyPartner]:
        return [p for p in await partner_types.Partner.resolve_nodes(info=info, node_ids=self.partner_ids) if p]

    @strawberry.field(description="The people with the same e-mail.")
    async def people(self, info: Info) -> list[LazyPerson]:
        return [p for p in await partner_types.Person.resolve_nodes(info=info, node_ids=self.person_ids) if p]

    @strawberry.field(description="The other applications with the same company and country, or e-mail.")
    async def applications(self, info: Info) -> list[PartnerApplication]:
        return [a for a in await PartnerApplication.resolve_nodes(info=info, node_ids=self.application_ids) if a]


@strawberry.type(description="A prospective partner's application to join a program. Only its reviewers (enterprise "
                 "admins; relationship managers when the gateway lets them) see applications.")
class PartnerApplication(LoadedNode, relay.Node, KeyedNode):
    loader = "application"
    id: relay.NodeID[str]
    status: ApplicationStatus = strawberry.field(description="SUBMITTED, APPROVED or REJECTED.")
    company: str = strawberry.field(description="The company's name.")
    country: str = strawberry.field(description="ISO 3166-1 alpha-2 country code.")
    type: PartnerType = strawberry.field(description="The kind of partner it would be.")
    admin_name: str = strawberry.field(description="Who would be the partner's first admin.")
    admin_email: str = strawberry.field(description="Their e-mail address (lower case).")
    answers: list[ApplicationAnswer] = strawberry.field(description="The answers, in the order given.")
    submitted_at: datetime = strawberry.field(description="When it was submitted.")
    decided_at: datetime | None = strawberry.field(description="When it was approved or rejected.")
    decision_reason: str | None = strawberry.field(description="Why, as the reviewer wrote it.")
    duplicates: ApplicationDuplicates = strawberry.field(description="What it may duplicate.")
    program_id: strawberry.Private[str]
    partner_id: strawberry.Private[str | None]
    decided_by_id: strawberry.Private[str | None]

    @classmethod
    def from_record(cls, r: PartnerApplicationRecord) -> PartnerApplication:
        d = r.duplicates
        return cls(id=r.id, status=ApplicationStatus(r.status), company=r.company, country=r.country,
                   type=PartnerType(r.type), admin_name=r.admin_name, admin_email=r.admin_email,
                   answers=[ApplicationAnswer.from_record(a) for a in r.answers], submitted_at=r.submitted_at,
                   decided_at=r.decided_at, decision_reason=r.decision_reason,
                   duplicates=ApplicationDuplicates(partner_ids=d.partner_ids, person_ids=d.person_ids,
                                                    application_ids=d.application_ids),
                   program_id=r.program_id, partner_id=r.partner_id, decided_by_id=r.decided_by)

    @classmethod
    async def load_records(cls, context: Any, keys: list[str]) -> list[Any]:
        # Through the resolvers, which decide whether the viewer reviews applications under the settings.
        return await applications_reads.applications(context, keys)

    @strawberry.field(description="The program applied to.")
    async def program(self, info: Info) -> Program | None:
        (found,) = await Program.resolve_nodes(info=info, node_ids=[self.program_id])
        return found

    @strawberry.field(description="The partner its approval created; null before.")
    async def partner(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.partner_id)

    @strawberry.field(description="Who approved or rejected it.")
    async def decided_by(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.decided_by_id)
