// Register an ACTIVE webhook. Its cursor starts at the last seq committed: it delivers what changes from now on.
// The secret is stored only as its ciphertext, which no read returns and no change record lists.
OPTIONAL MATCH (s:ChangeSequence {name: 'changes'})
CREATE (w:Webhook {id: $id, url: $url, eventTypes: $eventTypes, subtreeId: $subtreeId, status: 'ACTIVE',
                   cursor: coalesce(s.last, 0), secretCiphertext: $secretCiphertext, createdAt: $now,
                   createdById: $createdById, version: 0})
RETURN {{webhook_record(w)}} AS webhook,
       [{type: 'Webhook', id: w.id, before: null, after: {{webhook_fields(w)}}, partnerId: w.subtreeId}] AS changes
