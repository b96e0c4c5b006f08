// The partner holding lead $id lets it go: its pending offer closes with $outcome (REJECTED, TIMED_OUT or
// HANDED_OFF) and $reason, the lead is no longer ROUTED_TO it nor assigned to its staff, and takes $status.
MATCH (l:Lead {id: $id})-[held:ROUTED_TO]->(p:Partner)
WITH l, p, held, {{lead_logged(l)}} AS before
CALL (l) {
  MATCH (l)-[:OFFERED]->(o:LeadOffer {outcome: 'PENDING'})
  SET o.outcome = $outcome, o.reason = $reason, o.closedAt = $now
}
CALL (l) {
  MATCH (l)-[assigned:ASSIGNED_TO]->(:Person)
  DELETE assigned
}
DELETE held
SET l.status = $status, l.acceptBy = null, l.updatedAt = $now
RETURN l.id AS id,
       [{type: 'Lead', id: l.id, before: before, after: {{lead_logged(l)}}, partnerId: p.id}] AS changes
