// Lock a delivery of a webhook the viewer may read for this transaction and read its status; no row when
// there is none.
MATCH (w:Webhook)-[:DELIVERS]->(d:WebhookDelivery {id: $deliveryId})
WHERE {{webhook_visible(w)}}
{{...write_lock(d)}}
SET d.version = coalesce(d.version, 0) + 1
RETURN d.status AS status
