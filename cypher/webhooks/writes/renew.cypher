// Worker: extend the lease on a webhook this worker holds (checked by lease.cypher in the same transaction).
MATCH (w:Webhook {id: $webhookId})
SET w.leaseUntil = datetime() + duration({seconds: $leaseSeconds})
RETURN w.id AS id
