// needs: none
// The fields of webhook {var} its change records list (docs/CHANGES.md): never the secret's ciphertext, the
// cursor or the worker's lease, which are bookkeeping.
{var} {.url, .eventTypes, .status, partner: {var}.subtreeId, createdBy: {var}.createdById}
