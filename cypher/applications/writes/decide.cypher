// Record the decision on a partner application locked earlier in this transaction (the move was checked already):
// who decided, when and why; an approval links it to the partner it created (BECAME). Reports the application with
// its `partner`, and that partner as the record's `partnerId`, so the approval is in the partner's feed.
MATCH (a:PartnerApplication {id: $id})
WITH a, a {.*, partner: null} AS before
OPTIONAL MATCH (p:Partner {id: $partnerId})
SET a.status = $status, a.decidedAt = $now, a.decidedBy = $personId, a.decisionReason = $reason
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (a)-[:BECAME]->(p))
RETURN a.id AS id,
       [{type: 'PartnerApplication', id: a.id, before: before, after: a {.*, partner: p.id}, partnerId: p.id}]
       AS changes
