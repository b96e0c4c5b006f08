"""Root query fields of the change log: the feed, and any entity's audit trail."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.changes import reads as change_reads
from schema.changes.types import AuditFilterArg, AuditTrailConnection, Change, audit_trail
from schema.shared.pagination import AfterArg, FirstArg


@strawberry.type
class ChangeQueries:
    @strawberry.field(description="The change log in commit order, as the viewer may see it: creations, updates, "
                      "state changes, relationship changes and deletions (tombstones). Resumable: store "
                      "`pageInfo.endCursor` (the seq of the last change read, as text; the `after` given, or the "
                      "pruned horizon, when the page is empty) and pass it as `after`; nothing is missed or read "
                      "twice, however writes go on.")
    async def changes(
        self, info: Info,
        after: Annotated[str | None, strawberry.argument(description="A cursor of this feed (or an export's seq): "
                                                         "the changes after it; from the start when left out.")] = None,
        types: Annotated[list[str] | None, strawberry.argument(description="Only these entity types (GraphQL type "
                                                              "names such as `DealRegistration`).")] = None,
        first: FirstArg = None,
    ) -> relay.Connection[Change]:
        page, position = await change_reads.feed(info.context, after, types, first)
        edges = [relay.Edge(node=Change.from_record(r), cursor=str(r.seq)) for r in page.items]
        end = edges[-1].cursor if edges else str(position)
        return relay.Connection(edges=edges, page_info=relay.PageInfo(
            has_next_page=page.has_next, has_previous_page=False,
            start_cursor=edges[0].cursor if edges else None, end_cursor=end))

    @strawberry.field(description="The cursor of the last change committed now (its seq, as text): pass it as "
                      "`after` to a subscription, or to `changes`, to follow the log from this moment without missing "
                      "anything.")
    async def last_change_cursor(self, info: Info) -> str:
        return str(await change_reads.last_seq(info.context))

    @strawberry.field(description="The audit trail of any audited entity by global ID, newest first; also of a "
                      "deleted one (its tombstone) while the viewer may see its partner.")
    async def audit_trail(
        self, info: Info,
        entity: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the entity.")],
        filter: AuditFilterArg = None,
        first: FirstArg = None,
        after: AfterArg = None,
    ) -> AuditTrailConnection:
        type_name, key = change_reads.audited_entity(entity)
        return await audit_trail(info, type_name, key, filter, first, after)
