"""Webhook writes: registration (URL safety, event types, subtree, a secret shown once), pause, resume, delete,
and replaying a failed delivery (docs/WEBHOOKS.md)."""

from __future__ import annotations

from typing import Any

from auth.permissions import Action
from auth.personas import Persona
from auth.signatures import new_secret
from graph.shared.changes import ENTITIES, OPERATIONS
from graph.shared.errors import ErrorCode
from graph.webhooks.records import DeliveryRecord, WebhookRecord
from graph.webhooks.writes import NewWebhook, WebhookSetup
from resolvers.shared.checks import Checks, Field
from resolvers.shared.context import RequestContext
from resolvers.shared.endpoints import MAX_URL_LENGTH, resolved_problem
from resolvers.shared.mutations import Outcome, run

MAX_EVENT_TYPES = 50


def _setup(ctx: RequestContext) -> WebhookSetup:
    return WebhookSetup(ctx.graph, ctx.viewer.scope, ctx.now)


def _event_types(checks: Checks, values: list[str], at: Field) -> tuple[str, ...]:
    """Entity types (`DealRegistration`) or a type and an operation (`DealRegistration.STATE_CHANGED`), once each."""
    if not values:
        checks.fail(ErrorCode.VALIDATION, "give at least one event type", at)
    elif len(values) > MAX_EVENT_TYPES:
        checks.fail(ErrorCode.VALIDATION, f"at most {MAX_EVENT_TYPES} event types", at)
    for n, value in enumerate(values):
        type_name, _, operation = value.partition(".")
        if type_name not in ENTITIES or (operation and operation not in OPERATIONS):
            checks.fail(ErrorCode.VALIDATION, f"{value!r} is not an event type: an entity type of the change log "
                        f"({', '.join(sorted(ENTITIES))}), optionally with an operation ({', '.join(OPERATIONS)}) "
                        "after a dot", at + (str(n),))
    return tuple(dict.fromkeys(values))


async def register_webhook(ctx: RequestContext, item: Any) -> Outcome[tuple[WebhookRecord, str]]:
    async def work() -> tuple[WebhookRecord, str]:
        checks = Checks()
        at = ("input",)
        url = checks.text(item.url, at + ("url",), max_length=MAX_URL_LENGTH) or ""
        if url:
            problem = await resolved_problem(url, ctx.webhooks.local_endpoints)
            if problem:
                checks.fail(ErrorCode.VALIDATION, f"not a webhook URL: {problem}", at + ("url",))
        event_types = _event_types(checks, item.event_types, at + ("eventTypes",))
        subtree = checks.node_id(item.partner_subtree, "Partner", at + ("partnerSubtree",))
        if subtree is None and item.partner_subtree is None and ctx.viewer.persona is Persona.PARTNER_ADMIN:
            subtree = ctx.viewer.organization_id  # a partner admin's webhook covers their organization by default
        checks.done()
        if ctx.webhooks.box is None:
            raise RuntimeError("webhook secrets need a key (PARTNERGRAPH_WEBHOOK_KEY or the state folder's)")
        secret = new_secret()
        webhook = NewWebhook(id=checks.key(None, "wh", at), url=url, event_types=event_types, subtree_id=subtree,
                             secret_ciphertext=ctx.webhooks.box.seal(secret), created_by_id=ctx.viewer.person_id)
        return await _setup(ctx).register(webhook, at), secret

    return await run(ctx, Action.MANAGE_WEBHOOKS, work)


async def change_webhook_status(ctx: RequestContext, webhook: str, status: str) -> Outcome[WebhookRecord]:
    async def work() -> WebhookRecord:
        checks = Checks()
        webhook_id = checks.node_id(webhook, "Webhook", ("webhook",))
        checks.done()
        return await _setup(ctx).change_status(webhook_id or "", status, ("webhook",))

    return await run(ctx, Action.MANAGE_WEBHOOKS, work)


async def delete_webhook(ctx: RequestContext, webhook: str) -> Outcome[str]:
    async def work() -> str:
        checks = Checks()
        webhook_id = checks.node_id(webhook, "Webhook", ("webhook",))
        checks.done()
        await _setup(ctx).delete(webhook_id or "", ("webhook",))
        return webhook

    return await run(ctx, Action.MANAGE_WEBHOOKS, work)


async def replay_delivery(ctx: RequestContext, delivery: str) -> Outcome[DeliveryRecord]:
    async def work() -> DeliveryRecord:
        checks = Checks()
        delivery_id = checks.node_id(delivery, "WebhookDelivery", ("delivery",))
        checks.done()
        return await _setup(ctx).replay(delivery_id or "", ("delivery",))

    return await run(ctx, Action.MANAGE_WEBHOOKS, work)
