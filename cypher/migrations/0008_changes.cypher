// The change log (docs/CHANGES.md): one Change node per entity a mutation touched, numbered by the one
// ChangeSequence without gaps. Feed pages seek on seq; the audit trail on (entityType, entityId); a scoped
// viewer's feed on (partnerId, seq) from its partners; program-side changes on (scope, seq); prune on at.
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (n:Change) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT change_sequence_name IF NOT EXISTS FOR (n:ChangeSequence) REQUIRE n.name IS UNIQUE;
CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityType, n.entityId);
CREATE INDEX change_partner IF NOT EXISTS FOR (n:Change) ON (n.partnerId, n.seq);
CREATE INDEX change_lineage IF NOT EXISTS FOR (n:Change) ON (n.lineageId);
CREATE INDEX change_scope IF NOT EXISTS FOR (n:Change) ON (n.scope, n.seq);
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
MERGE (s:ChangeSequence {name: 'changes'}) ON CREATE SET s.last = 0, s.prunedThrough = 0;
