"""Root query fields of the applications domain: the public application form, and applications for reviewers."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.applications import reads as applications_reads
from resolvers.shared.global_ids import key_of
from schema.applications.enums import ApplicationStatus
from schema.applications.types import ApplicationForm, PartnerApplication
from schema.shared.admission import public
from schema.shared.nodes import GlobalIdArg, node_by_id
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.type
class ApplicationQueries:
    @strawberry.field(description="The application form of a program: its name and questions. Public: a request "
                      "without a token may read it. Null unless the program is APPROVED.", metadata=public())
    async def application_form(
        self, info: Info,
        program: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the program.")],
    ) -> ApplicationForm | None:
        record = await applications_reads.form(info.context, key_of(program, "Program", "program"))
        return ApplicationForm.from_record(record) if record else None

    @strawberry.field(description="A partner application by global ID; null unless the viewer reviews applications.")
    async def partner_application(self, info: Info, id: GlobalIdArg) -> PartnerApplication | None:
        return await node_by_id(info, id, PartnerApplication)

    @strawberry.field(description="Partner applications, newest first; empty unless the viewer reviews applications.")
    async def partner_applications(
        self, info: Info,
        status: Annotated[ApplicationStatus | None, strawberry.argument(
            description="Only applications in this status.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[PartnerApplication]:
        page = await applications_reads.page(info.context, status.value if status else None, first, after)
        return to_connection(page, PartnerApplication.from_record)
