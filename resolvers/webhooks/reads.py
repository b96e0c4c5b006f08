"""Webhook reads: the viewer's webhooks, a webhook's deliveries, a delivery's attempts."""

from __future__ import annotations

from graph.shared.records import Page
from graph.webhooks.records import AttemptRecord, DeliveryRecord, WebhookRecord
from resolvers.shared.context import RequestContext
from resolvers.shared.pagination import decode_cursor, page_size


async def webhooks(ctx: RequestContext, first: int | None, after: str | None) -> Page[WebhookRecord]:
    return await ctx.loaders.webhooks.page(page_size(first, ctx.page_limits), decode_cursor(after))


async def deliveries(ctx: RequestContext, webhook_id: str, status: str | None, first: int | None,
                     after: str | None) -> Page[DeliveryRecord]:
    cursor = decode_cursor(after)
    return await ctx.loaders.webhook_deliveries.load((webhook_id, status, page_size(first, ctx.page_limits), cursor))


async def attempts(ctx: RequestContext, delivery_id: str) -> list[AttemptRecord]:
    return await ctx.loaders.webhook_attempts.load(delivery_id) or []
