// A page of the webhooks the viewer may read, by id after the keyset cursor.
MATCH (w:Webhook)
WHERE ($after IS NULL OR w.id > $after.id) AND {{webhook_visible(w)}}
WITH w ORDER BY w.id
LIMIT $limit
RETURN {{webhook_record(w)}} AS webhook
