// Replay a FAILED delivery locked earlier in this transaction: PENDING again, due now, with a fresh retry window,
// out of band of the webhook's in-order stream (docs/WEBHOOKS.md, "Replay"). Its id, the idempotency key, stays.
MATCH (w:Webhook)-[:DELIVERS]->(d:WebhookDelivery {id: $deliveryId})
WITH w, d, d {.status} AS before
SET d.status = 'PENDING', d.replay = true, d.nextAttemptAt = $now, d.firstAttemptAt = null
RETURN {{webhook_delivery_record(d)}} AS delivery,
       [{type: 'WebhookDelivery', id: d.id, before: before, after: d {.status}, partnerId: w.subtreeId,
         scopeId: w.id}] AS changes
