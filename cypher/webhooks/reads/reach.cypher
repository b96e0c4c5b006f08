// Whether a webhook's registrant, by the scope their roles give them now ($scope), may still read it: the
// worker delivers nothing while they may not.
MATCH (w:Webhook {id: $webhookId})
RETURN {{webhook_visible(w)}} AS reaches
