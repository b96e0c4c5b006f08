"""Root query fields of webhooks: the webhooks the viewer may read, one by ID."""

from __future__ import annotations

import strawberry
from strawberry import relay
from strawberry.types import Info

from resolvers.webhooks import reads as webhook_reads
from schema.shared.nodes import GlobalIdArg, node_by_id
from schema.shared.pagination import AfterArg, FirstArg, to_connection
from schema.webhooks.types import Webhook


@strawberry.type
class WebhookQueries:
    @strawberry.field(description="The webhooks the viewer may read, by key: enterprise staff every one (those "
                      "of partner subtrees they see), a partner admin those of their organization's subtree.")
    async def webhooks(self, info: Info, first: FirstArg = None, after: AfterArg = None) -> relay.Connection[Webhook]:
        page = await webhook_reads.webhooks(info.context, first, after)
        return to_connection(page, Webhook.from_record)

    @strawberry.field(description="A webhook by global ID; null when it does not exist or the viewer may not read it.")
    async def webhook(self, info: Info, id: GlobalIdArg) -> Webhook | None:
        return await node_by_id(info, id, Webhook)
