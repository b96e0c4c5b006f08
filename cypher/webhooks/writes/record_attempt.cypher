// Worker: one attempt of a delivery, and the delivery's state after it (SUCCEEDED, PENDING with its next
// attempt, or FAILED), written right after the POST so that a restart neither loses nor repeats more than it.
MATCH (w:Webhook {id: $webhookId})-[:DELIVERS]->(d:WebhookDelivery {id: $deliveryId})
CREATE (d)-[:ATTEMPTED]->(:WebhookAttempt {number: d.attempts + 1, at: $at, responseCode: $responseCode,
                                           error: $error, milliseconds: $milliseconds})
SET d.attempts = d.attempts + 1, d.status = $status, d.lastResponseCode = $responseCode, d.lastError = $error,
    d.nextAttemptAt = $nextAttemptAt, d.firstAttemptAt = coalesce(d.firstAttemptAt, $at),
    d.deliveredAt = CASE WHEN $status = 'SUCCEEDED' THEN $at ELSE d.deliveredAt END,
    w.leaseUntil = datetime() + duration({seconds: $leaseSeconds})
RETURN d.attempts AS attempts
