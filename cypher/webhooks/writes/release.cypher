// Worker: give up the leases of $worker (a clean stop), so another worker takes its webhooks over at once.
MATCH (w:Webhook)
WHERE w.leaseOwner = $worker
SET w.leaseOwner = null, w.leaseUntil = null
RETURN count(w) AS released
