// Every attempt of each delivery (by id), first attempt first, where the viewer may read its webhook.
UNWIND $ids AS id
MATCH (w:Webhook)-[:DELIVERS]->(d:WebhookDelivery {id: id})
WHERE {{webhook_visible(w)}}
RETURN id AS deliveryId, COLLECT {
  MATCH (d)-[:ATTEMPTED]->(a:WebhookAttempt)
  WITH a ORDER BY a.number
  RETURN a {.number, .responseCode, .error, .milliseconds, at: toString(a.at)}
} AS attempts
