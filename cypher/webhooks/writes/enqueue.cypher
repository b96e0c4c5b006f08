// Worker: the deliveries of the change records read after a webhook's cursor, PENDING and due now, and the
// cursor moved to the seq read through, in one transaction: a restart resumes exactly there.
MATCH (w:Webhook {id: $webhookId})
SET w.cursor = $cursor, w.heldReason = null, w.leaseUntil = datetime() + duration({seconds: $leaseSeconds})
WITH w
UNWIND $deliveries AS row
CREATE (w)-[:DELIVERS]->(d:WebhookDelivery {id: row.id, webhookId: w.id, seq: row.seq, entityType: row.entityType,
                                            entityId: row.entityId, operation: row.operation, body: row.body,
                                            status: 'PENDING', attempts: 0, replay: false, createdAt: $now,
                                            nextAttemptAt: $now})
RETURN count(d) AS enqueued
