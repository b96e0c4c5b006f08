"""Root subscription fields of the change log: the feed, live."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated

import strawberry
from strawberry.types import Info

from resolvers.changes import reads as change_reads
from schema.changes.types import AfterSeqArg, Change


@strawberry.type
class ChangeSubscriptions:
    @strawberry.subscription(description="The change feed, live: each change the viewer may see, in commit order, "
                             "as it commits (the same records as `changes`). Resumable from any cursor without a "
                             "gap: store the last `seq` received and pass it as `after` when reconnecting.")
    async def changes(
        self, info: Info,
        after: AfterSeqArg = None,
        types: Annotated[list[str] | None, strawberry.argument(description="Only these entity types (GraphQL type "
                                                              "names such as `DealRegistration`).")] = None,
    ) -> AsyncGenerator[Change, None]:
        async for batch in change_reads.follow(info.context, after, types):
            for record in batch:
                yield Change.from_record(record)
