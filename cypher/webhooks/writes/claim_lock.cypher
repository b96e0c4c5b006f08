// Worker: lock up to $limit ACTIVE webhooks whose lease expired or is this worker's, for this transaction;
// claim.cypher checks each again under the lock, so two workers never both claim one. Not those this worker is
// delivering right now ($serving): their own writes renew their leases, and locking them here too only made the
// two transactions wait on each other.
MATCH (w:Webhook)
WHERE w.status = 'ACTIVE' AND (w.leaseUntil IS NULL OR w.leaseUntil < datetime() OR w.leaseOwner = $worker)
  AND NOT w.id IN $serving
WITH w ORDER BY w.id
LIMIT $limit
{{...write_lock(w)}}
SET w.version = coalesce(w.version, 0) + 1
RETURN w.id AS id
