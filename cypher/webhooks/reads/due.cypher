// A webhook's next in-order deliveries (its lowest PENDING seqs that are not replays, due or not, at most $limit),
// and its replays due now (sent out of band).
MATCH (w:Webhook {id: $webhookId})
RETURN COLLECT {
  MATCH (d:WebhookDelivery {webhookId: w.id})
  WHERE d.status = 'PENDING' AND NOT d.replay
  WITH d ORDER BY d.seq
  LIMIT $limit
  RETURN {{webhook_delivery_record(d)}}
} AS stream, COLLECT {
  MATCH (d:WebhookDelivery {webhookId: w.id})
  WHERE d.status = 'PENDING' AND d.replay AND d.nextAttemptAt <= $now
  WITH d ORDER BY d.seq
  LIMIT $limit
  RETURN {{webhook_delivery_record(d)}}
} AS replays
