// Worker: lock up to $limit ACTIVE webhooks whose lease expired or is this worker's, for this transaction;
// claim.cypher checks each again under the lock, so two workers never both claim one.
MATCH (w:Webhook)
WHERE w.status = 'ACTIVE' AND (w.leaseUntil IS NULL OR w.leaseUntil < datetime() OR w.leaseOwner = $worker)
WITH w ORDER BY w.id
LIMIT $limit
SET w.version = coalesce(w.version, 0) + 1
RETURN w.id AS id
