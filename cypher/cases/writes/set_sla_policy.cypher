// Create or replace the SLA policy of segment $segmentId (null: the default policy) for $priority
// (checked already). $policyId is the policy holding those targets now, or a new id; MERGE on the unique
// id makes concurrent creations of the same policy meet on one node. The node is updated in place, so
// the cases opened under it keep their UNDER_SLA link; they keep the minutes copied at opening. Any
// other policy of the segment (or default) for the priority stops applying: it is unlinked from the
// segment (or loses isDefault) but kept for the cases opened under it. Every policy changed reports
// itself, with the `segments` that set it (ids in order).
OPTIONAL MATCH (was:SlaPolicy {id: $policyId})
WITH CASE WHEN was IS NULL THEN null
          ELSE was {.*, segments: COLLECT { MATCH (s:Segment)-[:HAS_SLA]->(was) RETURN s.id ORDER BY s.id }}
     END AS before
MERGE (pol:SlaPolicy {id: $policyId})
  ON CREATE SET pol.priority = $priority, pol.isDefault = $segmentId IS NULL
SET pol.responseMinutes = $responseMinutes, pol.resolutionMinutes = $resolutionMinutes, pol.updatedAt = $now
WITH pol, before
CALL (pol) {
  MATCH (s:Segment {id: $segmentId})
  MERGE (s)-[:HAS_SLA]->(pol)
  WITH s
  MATCH (s)-[old:HAS_SLA]->(other:SlaPolicy {priority: $priority}) WHERE other <> pol
  WITH s, old, other,
       other {.*, segments: COLLECT { MATCH (x:Segment)-[:HAS_SLA]->(other) RETURN x.id ORDER BY x.id }} AS otherBefore
  DELETE old
  RETURN collect({type: 'SlaPolicy', id: other.id, before: otherBefore,
                  after: other {.*, segments: [x IN otherBefore.segments WHERE x <> s.id]}}) AS unlinked
}
CALL (pol) {
  MATCH (other:SlaPolicy {isDefault: true, priority: $priority}) WHERE $segmentId IS NULL AND other <> pol
  WITH other, properties(other) AS otherBefore
  SET other.isDefault = false
  RETURN collect({type: 'SlaPolicy', id: other.id, before: otherBefore, after: properties(other)}) AS undefaulted
}
RETURN pol {.id, .priority, .responseMinutes, .resolutionMinutes, .isDefault, .updatedAt,
            segmentId: $segmentId} AS policy,
       [{type: 'SlaPolicy', id: pol.id, before: before,
         after: pol {.*, segments: COLLECT { MATCH (s:Segment)-[:HAS_SLA]->(pol) RETURN s.id ORDER BY s.id }}}]
         + unlinked + undefaulted AS changes
