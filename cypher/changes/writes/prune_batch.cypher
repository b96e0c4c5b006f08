// One batch of `partnergraph changes prune` (docs/CHANGES.md, "Retention"): the oldest $limit records above
// the horizon, up to the first one made at or after $before; each entity's records folded into its
// ChangeSummary, then deleted, and the horizon (prunedThrough) moved to the last seq pruned. Only ever a
// prefix of the seq order goes, so a feed cursor at or above the horizon misses nothing, and `last` is never
// touched. The ChangeRetention node is locked first: a second prune waits for this batch to commit. The
// sequence node is written last, so writers appending changes wait for it only while the batch commits.
MERGE (retention:ChangeRetention {name: 'changes'})
SET retention.ranAt = $now, retention.before = $before
WITH retention
MATCH (sequence:ChangeSequence {name: 'changes'})
WITH sequence, coalesce(sequence.prunedThrough, 0) AS through
CALL (through) {
  MATCH (c:Change) WHERE c.seq > through
  WITH c ORDER BY c.seq
  LIMIT $limit
  RETURN collect(c) AS head
}
WITH sequence, through, head, [i IN range(0, size(head) - 1) WHERE head[i].at >= $before] AS later
WITH sequence, through, size(head) AS scanned, CASE WHEN later = [] THEN head ELSE head[..later[0]] END AS pruned
WITH sequence, scanned, pruned, CASE WHEN pruned = [] THEN through ELSE last(pruned).seq END AS prunedThrough
CALL (pruned) {
  UNWIND pruned AS c
  WITH c ORDER BY c.seq
  WITH c.entityType AS type, c.entityId AS id, collect(c) AS records
  MERGE (summary:ChangeSummary {entityType: type, entityId: id})
    ON CREATE SET summary.changes = 0, summary.firstSeq = records[0].seq, summary.firstAt = records[0].at,
                  summary.enterpriseOnly = false
  WITH summary, records, last(records) AS newest,
       [r IN records WHERE r.operation = 'CREATED'][0] AS created,
       [r IN records WHERE r.operation = 'DELETED'][0] AS deleted,
       [r IN records WHERE r.toState IS NOT NULL] AS moves
  SET summary.changes = summary.changes + size(records),
      summary.lastSeq = newest.seq, summary.lastAt = newest.at,
      summary.scope = newest.scope, summary.scopeId = newest.scopeId,
      summary.partnerId = newest.partnerId, summary.lineageId = newest.lineageId,
      summary.enterpriseOnly = summary.enterpriseOnly OR any(r IN records WHERE r.enterpriseOnly),
      summary.createdAt = CASE WHEN created IS NULL THEN summary.createdAt ELSE created.at END,
      summary.createdById = CASE WHEN created IS NULL THEN summary.createdById ELSE created.actorId END,
      summary.createdByPersona = CASE WHEN created IS NULL THEN summary.createdByPersona
                                      ELSE created.actorPersona END,
      summary.deletedAt = CASE WHEN deleted IS NULL THEN summary.deletedAt ELSE deleted.at END,
      summary.lastState = CASE WHEN moves = [] THEN summary.lastState ELSE last(moves).toState END
  FOREACH (r IN records | DELETE r)
}
SET sequence.prunedThrough = prunedThrough
RETURN scanned, size(pruned) AS pruned, prunedThrough
