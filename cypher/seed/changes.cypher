// The seeded change history (seed/history.py), numbered by the change sequence without gaps: the batch takes
// the next size($rows) seqs (the SET locks the sequence before reading it), in row order. MERGE, because a
// wipe deletes the sequence node and the migration that created it does not run again.
MERGE (sequence:ChangeSequence {name: 'changes'}) ON CREATE SET sequence.last = 0, sequence.prunedThrough = 0
SET sequence.last = sequence.last + size($rows)
WITH sequence.last - size($rows) AS base
UNWIND range(0, size($rows) - 1) AS i
WITH $rows[i] AS row, base + i + 1 AS seq
CREATE (:Change {seq: seq, at: datetime(row.at), actorId: row.actorId, actorPersona: row.actorPersona,
                 entityType: row.entityType, entityId: row.entityId, operation: row.operation,
                 fromState: row.fromState, toState: row.toState, fields: row.fields, enterpriseOnly: false,
                 scope: row.scope, scopeId: row.scopeId, partnerId: row.partnerId, lineageId: row.lineageId})
