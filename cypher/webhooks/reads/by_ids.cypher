// Webhooks by id, where the viewer may read them.
UNWIND $ids AS id
MATCH (w:Webhook {id: id})
WHERE {{webhook_visible(w)}}
RETURN {{webhook_record(w)}} AS webhook
