"""Mutations of webhooks: register (the secret is shown here, once), pause, resume, delete, replay a delivery."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from auth.permissions import Action
from resolvers.webhooks import writes as webhook_writes
from schema.shared.admission import requires
from schema.shared.payloads import NOTHING_CREATED, Result, payload
from schema.webhooks.inputs import RegisterWebhookInput
from schema.webhooks.types import Webhook, WebhookDelivery

RegisterWebhookPayload = payload(
    "RegisterWebhookPayload", "Result of registerWebhook.",
    Result("webhook", Webhook, "The webhook registered"),
    Result("secret", str, "Its signing secret: shown here once, stored encrypted, never readable again"),
    errors=NOTHING_CREATED)

WebhookPayload = payload("WebhookPayload", "Result of a mutation on one webhook.",
                         Result("webhook", Webhook, "The webhook as it is now"))

DeleteWebhookPayload = payload("DeleteWebhookPayload", "Result of deleteWebhook.",
                               Result("deleted", strawberry.ID, "Global ID of the webhook deleted"))

WebhookDeliveryPayload = payload("WebhookDeliveryPayload", "Result of replayWebhookDelivery.",
                                 Result("delivery", WebhookDelivery, "The delivery as it is now"))

WebhookArg = Annotated[strawberry.ID, strawberry.argument(description="Global ID of the webhook.")]


@strawberry.type
class WebhookMutations:
    @strawberry.mutation(description="Register a webhook (enterprise admin for any partner subtree or none; partner "
                         "admin for their organization or a partner below it). Deliveries start with the changes "
                         "made after it. The payload carries its secret, once.",
                         metadata=requires(Action.MANAGE_WEBHOOKS))
    async def register_webhook(
        self, info: Info,
        input: Annotated[RegisterWebhookInput, strawberry.argument(description="The webhook.")],
    ) -> RegisterWebhookPayload:
        return RegisterWebhookPayload.from_outcome(await webhook_writes.register_webhook(info.context, input))

    @strawberry.mutation(description="Pause an ACTIVE webhook: nothing is sent until resumeWebhook, which delivers "
                         "what changed meanwhile.", metadata=requires(Action.MANAGE_WEBHOOKS))
    async def pause_webhook(self, info: Info, webhook: WebhookArg) -> WebhookPayload:
        return WebhookPayload.from_outcome(await webhook_writes.change_webhook_status(info.context, webhook, "PAUSED"))

    @strawberry.mutation(description="Resume a PAUSED webhook, from where it stopped.",
                         metadata=requires(Action.MANAGE_WEBHOOKS))
    async def resume_webhook(self, info: Info, webhook: WebhookArg) -> WebhookPayload:
        return WebhookPayload.from_outcome(await webhook_writes.change_webhook_status(info.context, webhook, "ACTIVE"))

    @strawberry.mutation(description="Delete a webhook with its deliveries and their attempts.",
                         metadata=requires(Action.MANAGE_WEBHOOKS))
    async def delete_webhook(self, info: Info, webhook: WebhookArg) -> DeleteWebhookPayload:
        return DeleteWebhookPayload.from_outcome(await webhook_writes.delete_webhook(info.context, webhook))

    @strawberry.mutation(description="Send a FAILED delivery again, with the same idempotency key, out of band of "
                         "the webhook's in-order stream (docs/WEBHOOKS.md, \"Replay\").",
                         metadata=requires(Action.MANAGE_WEBHOOKS))
    async def replay_webhook_delivery(
        self, info: Info,
        delivery: Annotated[strawberry.ID, strawberry.argument(description="Global ID of the delivery.")],
    ) -> WebhookDeliveryPayload:
        return WebhookDeliveryPayload.from_outcome(await webhook_writes.replay_delivery(info.context, delivery))
