// Deliveries by id (their idempotency keys), where the viewer may read their webhook.
UNWIND $ids AS id
MATCH (w:Webhook)-[:DELIVERS]->(d:WebhookDelivery {id: id})
WHERE {{webhook_visible(w)}}
RETURN {{webhook_delivery_record(d)}} AS delivery
