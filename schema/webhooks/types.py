"""Object types of webhooks: the webhook, its deliveries and their attempts. No type exposes a secret."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry import relay
from strawberry.types import Info

from graph.webhooks.records import AttemptRecord, DeliveryRecord, WebhookRecord
from resolvers.webhooks import reads as webhook_reads
from schema.partners import types as partner_types
from schema.shared.keys import KeyedNode
from schema.shared.nodes import LoadedNode
from schema.shared.pagination import AfterArg, FirstArg, to_connection
from schema.shared.partner_references import LazyPartner, LazyPerson
from schema.webhooks.enums import DeliveryStatus, WebhookStatus


@strawberry.type(description="One POST of a delivery.")
class WebhookAttempt:
    number: int = strawberry.field(description="1 for the first attempt, then 2, 3, …")
    at: datetime = strawberry.field(description="When it was made.")
    response_code: int | None = strawberry.field(description="The receiver's HTTP status; null when none came "
                                                 "(a timeout, a connection error, an address refused).")
    error: str | None = strawberry.field(description="Why it failed, when it did.")
    milliseconds: int = strawberry.field(description="How long it took.")

    @classmethod
    def from_record(cls, r: AttemptRecord) -> WebhookAttempt:
        return cls(number=r.number, at=r.at, response_code=r.response_code, error=r.error,
                   milliseconds=r.milliseconds)


@strawberry.type(description="One change record sent to one webhook. Its key is the idempotency key the receiver "
                 "gets in `PartnerGraph-Delivery` and the body's `id`: the same on every retry and replay.")
class WebhookDelivery(LoadedNode, relay.Node, KeyedNode):
    loader = "webhook_delivery"
    id: relay.NodeID[str]
    seq: int = strawberry.field(description="The change record's seq.")
    event: str = strawberry.field(description="`<EntityType>.<OPERATION>`, as in `PartnerGraph-Event`.")
    entity_key: str = strawberry.field(description="The key of the entity changed.")
    status: DeliveryStatus = strawberry.field(description="Its progress.")
    attempt_count: int = strawberry.field(description="How many POSTs were made.")
    replay: bool = strawberry.field(description="Replayed after it failed: sent out of band of the in-order stream.")
    created_at: datetime = strawberry.field(description="When the worker read the change for this webhook.")
    next_attempt_at: datetime | None = strawberry.field(description="PENDING: when it is (re)tried next.")
    delivered_at: datetime | None = strawberry.field(description="SUCCEEDED: when the 2xx answer came.")
    last_response_code: int | None = strawberry.field(description="The last attempt's HTTP status, if any.")
    last_error: str | None = strawberry.field(description="The last attempt's error, if it failed.")
    body: str = strawberry.field(description="The exact JSON sent (what the signature covers).")

    @classmethod
    def from_record(cls, r: DeliveryRecord) -> WebhookDelivery:
        return cls(id=r.id, seq=r.seq, event=f"{r.entity_type}.{r.operation}", entity_key=r.entity_id,
                   status=DeliveryStatus(r.status), attempt_count=r.attempts, replay=r.replay,
                   created_at=r.created_at, next_attempt_at=r.next_attempt_at if r.status == "PENDING" else None,
                   delivered_at=r.delivered_at, last_response_code=r.last_response_code, last_error=r.last_error,
                   body=r.body)

    @strawberry.field(description="Every attempt, first first.")
    async def attempts(self, info: Info) -> list[WebhookAttempt]:
        return [WebhookAttempt.from_record(a) for a in await webhook_reads.attempts(info.context, self.id)]


@strawberry.type(description="An endpoint that receives the change log's records its registrant may see, signed "
                 "(docs/WEBHOOKS.md). Its secret is shown once, by registerWebhook, and never again.")
class Webhook(LoadedNode, relay.Node, KeyedNode):
    loader = "webhook"
    id: relay.NodeID[str]
    url: str = strawberry.field(description="Where deliveries are POSTed.")
    event_types: list[str] = strawberry.field(description="What it receives: entity types, or `Type.OPERATION`.")
    status: WebhookStatus = strawberry.field(description="Whether it receives deliveries.")
    status_reason: str | None = strawberry.field(description="HELD: why nothing is sent.")
    cursor: int = strawberry.field(description="The seq of the change log read through for it: every record up to "
                                   "it has its delivery (or was not for this webhook).")
    created_at: datetime = strawberry.field(description="When it was registered.")
    subtree_id: strawberry.Private[str | None]
    created_by_id: strawberry.Private[str]

    @classmethod
    def from_record(cls, r: WebhookRecord) -> Webhook:
        held = r.status == "ACTIVE" and r.held_reason is not None
        return cls(id=r.id, url=r.url, event_types=list(r.event_types),
                   status=WebhookStatus.HELD if held else WebhookStatus(r.status),
                   status_reason=r.held_reason if held else None, cursor=r.cursor, created_at=r.created_at,
                   subtree_id=r.subtree_id, created_by_id=r.created_by_id)

    @strawberry.field(description="The partner whose subtree it covers; null for an enterprise webhook of everything.")
    async def partner_subtree(self, info: Info) -> LazyPartner | None:
        return await partner_types.partner_of(info, self.subtree_id)

    @strawberry.field(description="Who registered it: its deliveries carry what this person may see.")
    async def created_by(self, info: Info) -> LazyPerson | None:
        return await partner_types.person_of(info, self.created_by_id)

    @strawberry.field(description="Its deliveries, newest seq first.")
    async def deliveries(
        self, info: Info,
        status: Annotated[DeliveryStatus | None, strawberry.argument(description="Only this status.")] = None,
        first: FirstArg = None, after: AfterArg = None,
    ) -> relay.Connection[WebhookDelivery]:
        page = await webhook_reads.deliveries(info.context, self.id, status.value if status else None, first, after)
        return to_connection(page, WebhookDelivery.from_record)
