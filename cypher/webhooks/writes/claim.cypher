// Worker: lease the webhooks locked by claim_lock.cypher that are still free (or this worker's) to $worker
// until now + $leaseSeconds (Neo4j's clock, the same for every worker), with the secret's ciphertext to sign with.
UNWIND $ids AS id
MATCH (w:Webhook {id: id})
WHERE w.status = 'ACTIVE' AND (w.leaseUntil IS NULL OR w.leaseUntil < datetime() OR w.leaseOwner = $worker)
SET w.leaseOwner = $worker, w.leaseUntil = datetime() + duration({seconds: $leaseSeconds})
RETURN {{webhook_record(w)}} AS webhook, w.secretCiphertext AS secretCiphertext
