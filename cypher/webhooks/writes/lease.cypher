// Worker: lock a webhook for this transaction, then read whether $worker still holds its lease (another worker
// takes it over only once it expired) and its status; no row when it was deleted.
MATCH (w:Webhook {id: $webhookId})
{{...write_lock(w)}}
SET w.version = coalesce(w.version, 0) + 1
RETURN w.leaseOwner = $worker AS held, w.status AS status
