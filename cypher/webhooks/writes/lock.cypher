// Lock a webhook the viewer may read for this transaction and read its status; no row when there is none.
MATCH (w:Webhook {id: $webhookId})
WHERE {{webhook_visible(w)}}
{{...write_lock(w)}}
SET w.version = coalesce(w.version, 0) + 1
RETURN w.status AS status
