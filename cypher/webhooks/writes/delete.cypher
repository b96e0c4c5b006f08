// Delete a webhook locked earlier in this transaction, with its deliveries and their attempts (bookkeeping,
// not logged); the webhook leaves its tombstone in the change log.
MATCH (w:Webhook {id: $webhookId})
WITH w, {{webhook_fields(w)}} AS before, w.id AS id, w.subtreeId AS partnerId
CALL (w) {
  OPTIONAL MATCH (w)-[:DELIVERS]->(d:WebhookDelivery)
  OPTIONAL MATCH (d)-[:ATTEMPTED]->(a:WebhookAttempt)
  WITH collect(DISTINCT d) AS deliveries, collect(a) AS attempts
  FOREACH (x IN attempts | DETACH DELETE x)
  FOREACH (x IN deliveries | DETACH DELETE x)
}
DETACH DELETE w
RETURN id AS deleted, [{type: 'Webhook', id: id, before: before, after: null, partnerId: partnerId}] AS changes
