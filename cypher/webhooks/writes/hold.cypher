// Worker: say why a webhook's deliveries are held (its registrant may no longer read it), or null once they
// flow again.
MATCH (w:Webhook {id: $webhookId})
SET w.heldReason = $reason
RETURN w.id AS id
