// Webhooks (docs/WEBHOOKS.md): endpoints by id, their deliveries by id (the idempotency key) and in seq order per
// webhook, which is how the worker finds a webhook's next delivery.
CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (n:Webhook) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (n:WebhookDelivery) REQUIRE n.id IS UNIQUE;
CREATE INDEX webhook_delivery_order IF NOT EXISTS FOR (n:WebhookDelivery) ON (n.webhookId, n.seq);
