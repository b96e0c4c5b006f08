// A page of each visible webhook's deliveries, newest seq first, by status when given, after the keyset cursor
// (its seq).
UNWIND $webhookIds AS webhookId
MATCH (w:Webhook {id: webhookId})
WHERE {{webhook_visible(w)}}
RETURN webhookId AS parentId, COLLECT {
  MATCH (d:WebhookDelivery {webhookId: webhookId})
  WHERE ($status IS NULL OR d.status = $status) AND ($after IS NULL OR d.seq < $after.value)
  WITH d ORDER BY d.seq DESC
  LIMIT $limit
  RETURN {{webhook_delivery_record(d)}}
} AS page
