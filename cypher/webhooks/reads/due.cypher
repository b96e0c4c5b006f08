// A webhook's next in-order delivery (its lowest PENDING seq that is not a replay, due or not), and its replays
// due now (sent out of band).
MATCH (w:Webhook {id: $webhookId})
RETURN head(COLLECT {
  MATCH (d:WebhookDelivery {webhookId: w.id})
  WHERE d.status = 'PENDING' AND NOT d.replay
  WITH d ORDER BY d.seq
  LIMIT 1
  RETURN {{webhook_delivery_record(d)}}
}) AS head, COLLECT {
  MATCH (d:WebhookDelivery {webhookId: w.id})
  WHERE d.status = 'PENDING' AND d.replay AND d.nextAttemptAt <= $now
  WITH d ORDER BY d.seq
  LIMIT $limit
  RETURN {{webhook_delivery_record(d)}}
} AS replays
