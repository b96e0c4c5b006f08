"""Reads of webhooks: the scoped reads of the GraphQL API, and the worker's (its registrant's scope, passed in)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graph.changes.records import ChangeRecord
from graph.shared.client import GraphSession
from graph.shared.records import Page, SortKey, cursor_param
from graph.webhooks.records import AttemptRecord, Batch, DeliveryRecord, Due, WebhookRecord

# Records one read of the worker scans past its cursor, per delivery it may make: a webhook of a few event types
# skips over the others in large steps.
SCAN_FACTOR = 20


class WebhookRepository:
    def __init__(self, session: GraphSession, scope: dict[str, Any]):
        self.session = session
        self.scope = scope

    async def webhooks(self, ids: list[str]) -> dict[str, WebhookRecord]:
        rows = await self.session.read("webhooks/reads/by_ids", ids=ids, scope=self.scope)
        return {r.id: r for r in (WebhookRecord.from_map(row["webhook"]) for row in rows)}

    async def page(self, first: int, after: SortKey | None) -> Page[WebhookRecord]:
        rows = await self.session.read("webhooks/reads/page", scope=self.scope, after=cursor_param(after),
                                       limit=first + 1)
        items = [WebhookRecord.from_map(row["webhook"]) for row in rows]
        return Page.from_rows(items, first, [SortKey(w.id, w.id) for w in items])

    async def deliveries(self, webhook_ids: list[str], status: str | None, first: int,
                         after: SortKey | None) -> dict[str, Page[DeliveryRecord]]:
        """A page of each webhook's deliveries, newest seq first."""
        rows = await self.session.read("webhooks/reads/deliveries", webhookIds=webhook_ids, status=status,
                                       scope=self.scope, limit=first + 1, after=cursor_param(after))
        result = {}
        for row in rows:
            items = [DeliveryRecord.from_map(d) for d in row["page"]]
            result[row["parentId"]] = Page.from_rows(items, first, [SortKey(d.seq, d.id) for d in items])
        return result

    async def deliveries_by_ids(self, ids: list[str]) -> dict[str, DeliveryRecord]:
        rows = await self.session.read("webhooks/reads/deliveries_by_ids", ids=ids, scope=self.scope)
        return {d.id: d for d in (DeliveryRecord.from_map(row["delivery"]) for row in rows)}

    async def attempts(self, delivery_ids: list[str]) -> dict[str, list[AttemptRecord]]:
        rows = await self.session.read("webhooks/reads/attempts", ids=delivery_ids, scope=self.scope)
        return {row["deliveryId"]: [AttemptRecord.from_map(a) for a in row["attempts"]] for row in rows}


# The worker's reads run on a maintenance session, with the scope of each webhook's registrant as the graph
# gives their roles now.

async def reaches(session: GraphSession, webhook_id: str, scope: dict[str, Any]) -> bool:
    """Whether the registrant (by `scope`) may still read the webhook: else its deliveries are held."""
    rows = await session.read("webhooks/reads/reach", webhookId=webhook_id, scope=scope)
    return bool(rows and rows[0]["reaches"])


async def next_changes(session: GraphSession, webhook: WebhookRecord, scope: dict[str, Any], limit: int) -> Batch:
    """The change records after the webhook's cursor that its registrant may see, of its event types and subtree,
    in seq order (at most `limit`), and the seq the cursor may move to."""
    query = "webhooks/reads/changes_in_subtree" if webhook.subtree_id else "webhooks/reads/changes_everywhere"
    (row,) = await session.read(query, scope=scope, after=webhook.cursor, types=list(webhook.event_types),
                                subtreeId=webhook.subtree_id, limit=limit, scan=limit * SCAN_FACTOR)
    changes = [ChangeRecord.from_map(c) for c in row["changes"]]
    if len(changes) == limit:  # cut short: the rest of the scan comes next time
        return Batch(changes, changes[-1].seq)
    return Batch(changes, row["scannedThrough"] or webhook.cursor)


async def due(session: GraphSession, webhook_id: str, now: datetime, limit: int) -> Due:
    rows = await session.read("webhooks/reads/due", webhookId=webhook_id, now=now, limit=limit)
    if not rows:
        return Due([], [])
    return Due([DeliveryRecord.from_map(d) for d in rows[0]["stream"]],
               [DeliveryRecord.from_map(d) for d in rows[0]["replays"]])
