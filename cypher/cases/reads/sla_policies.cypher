// The SLA policies in force for each of $segmentIds (a null entry: the default policies), by priority.
// A segment is readable when its program is (fragment program_visible); an invisible or unknown one
// returns no row.
UNWIND $segmentIds AS segmentId
CALL (segmentId) {
  MATCH (prog:Program)-[:HAS_SEGMENT]->(s:Segment {id: segmentId})
  WHERE {{program_visible(prog)}}
  RETURN true AS found
  UNION
  RETURN segmentId IS NULL AS found
}
WITH segmentId, found WHERE found
RETURN segmentId,
       CASE WHEN segmentId IS NULL
            THEN COLLECT { MATCH (pol:SlaPolicy {isDefault: true})
                           RETURN pol {.id, .priority, .responseMinutes, .resolutionMinutes, .isDefault, .updatedAt,
                                       segmentId: null} ORDER BY pol.priority, pol.id }
            ELSE COLLECT { MATCH (:Segment {id: segmentId})-[:HAS_SLA]->(pol:SlaPolicy)
                           RETURN pol {.id, .priority, .responseMinutes, .resolutionMinutes, .isDefault, .updatedAt,
                                       segmentId: segmentId} ORDER BY pol.priority, pol.id }
       END AS policies
