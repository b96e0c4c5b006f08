// Create or replace the SLA policy of segment $segmentId (null: the default policy) for $priority
// (checked already). $policyId is the policy holding those targets now, or a new id; MERGE on the unique
// id makes concurrent creations of the same policy meet on one node. The node is updated in place, so
// the cases opened under it keep their UNDER_SLA link; they keep the minutes copied at opening. Any
// other policy of the segment (or default) for the priority stops applying: it is unlinked from the
// segment (or loses isDefault) but kept for the cases opened under it.
MERGE (pol:SlaPolicy {id: $policyId})
  ON CREATE SET pol.priority = $priority, pol.isDefault = $segmentId IS NULL
SET pol.responseMinutes = $responseMinutes, pol.resolutionMinutes = $resolutionMinutes, pol.updatedAt = $now
WITH pol
CALL (pol) {
  MATCH (s:Segment {id: $segmentId})
  MERGE (s)-[:HAS_SLA]->(pol)
  WITH s
  MATCH (s)-[old:HAS_SLA]->(other:SlaPolicy {priority: $priority}) WHERE other <> pol
  DELETE old
}
CALL (pol) {
  MATCH (other:SlaPolicy {isDefault: true, priority: $priority}) WHERE $segmentId IS NULL AND other <> pol
  SET other.isDefault = false
}
RETURN pol {.id, .priority, .responseMinutes, .resolutionMinutes, .isDefault, .updatedAt,
            segmentId: $segmentId} AS policy
