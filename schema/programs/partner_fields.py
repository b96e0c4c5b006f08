"""The fields the programs domain adds to `Partner`."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.programs import reads as programs_reads
from schema.programs.enums import PartnershipStatus
from schema.programs.types import Partnership
from schema.shared.pagination import AfterArg, FirstArg, to_connection


@strawberry.type
class PartnerProgramFields:
    @strawberry.field(description="The partner's memberships in programs (partnerships), by program name.")
    async def partnerships(
        self,
        info: Info,
        status: Annotated[PartnershipStatus | None, strawberry.argument(description="Only this status.")] = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> relay.Connection[Partnership]:
        page = await programs_reads.partnerships_of_partner(info.context, self.id, status.value if status else None,
                                                            first, after)
        return to_connection(page, Partnership.from_record)
