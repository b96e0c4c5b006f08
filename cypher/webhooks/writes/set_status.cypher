// Pause or resume a webhook locked earlier in this transaction (the move was checked already).
MATCH (w:Webhook {id: $webhookId})
WITH w, {{webhook_fields(w)}} AS before
SET w.status = $status, w.updatedAt = $now
RETURN {{webhook_record(w)}} AS webhook,
       [{type: 'Webhook', id: w.id, before: before, after: {{webhook_fields(w)}}, partnerId: w.subtreeId}] AS changes
