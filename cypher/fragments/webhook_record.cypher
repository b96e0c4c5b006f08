// needs: none
// The map of webhook {var} that graph.webhooks.records.WebhookRecord reads: never its secret's ciphertext, nor
// the worker's lease.
{var} {.id, .url, .eventTypes, .status, .cursor, .subtreeId, .createdById, .heldReason,
       createdAt: toString({var}.createdAt)}
