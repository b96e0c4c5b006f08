"""What a delivery sends: its JSON body (the change record as the GraphQL `Change` type shows it) and headers."""

from __future__ import annotations

from typing import Any

import orjson
from strawberry import relay

from auth.signatures import SIGNATURE_HEADER, signature
from graph.changes.records import ChangeRecord

DELIVERY_HEADER = "PartnerGraph-Delivery"
EVENT_HEADER = "PartnerGraph-Event"


def delivery_id(webhook_id: str, seq: int) -> str:
    """The idempotency key: one per webhook and change record, the same on every retry and replay."""
    return f"{webhook_id}-{seq}"


def change_document(change: ChangeRecord) -> dict[str, Any]:
    """The fields of the GraphQL `Change` type, by their GraphQL names."""
    return {
        "seq": change.seq,
        "at": change.at.isoformat(),
        "actor": {"key": change.actor_id, "persona": change.actor_persona},
        "entityType": change.entity_type,
        "entityKey": change.entity_id,
        "entityId": str(relay.GlobalID(change.entity_type, change.entity_id)),
        "operation": change.operation,
        "fromState": change.from_state,
        "toState": change.to_state,
        "relationship": change.relationship,
        "otherType": change.other_type,
        "otherKey": change.other_id,
        "fields": [{"field": f["field"], "old": f["old"], "new": f["new"], "enterpriseOnly": internal}
                   for f, internal in change.changed_fields()],
        "lineageKey": change.lineage_id,
    }


def delivery_row(webhook_id: str, change: ChangeRecord) -> dict[str, Any]:
    """A new delivery of `change` as enqueue.cypher creates it, with the exact body it will send."""
    key = delivery_id(webhook_id, change.seq)
    body = orjson.dumps({"id": key, "webhook": str(relay.GlobalID("Webhook", webhook_id)), "seq": change.seq,
                         "change": change_document(change)})
    return {"id": key, "seq": change.seq, "entityType": change.entity_type, "entityId": change.entity_id,
            "operation": change.operation, "body": body.decode()}


def headers(key: str, event: str, secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    return {"Content-Type": "application/json", "User-Agent": "PartnerGraph-Webhooks/1", DELIVERY_HEADER: key,
            EVENT_HEADER: event, SIGNATURE_HEADER: signature(secret, body, timestamp)}
