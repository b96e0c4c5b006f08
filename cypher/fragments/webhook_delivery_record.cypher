// needs: none
// The map of delivery {var} that graph.webhooks.records.DeliveryRecord reads, temporals as ISO text.
{var} {.id, .webhookId, .seq, .entityType, .entityId, .operation, .status, .attempts, .replay, .body,
       .lastResponseCode, .lastError,
       createdAt: toString({var}.createdAt), nextAttemptAt: toString({var}.nextAttemptAt),
       firstAttemptAt: toString({var}.firstAttemptAt), deliveredAt: toString({var}.deliveredAt)}
