// Before setSlaPolicy: does segment $segmentId exist (null: the default policies), and which policy
// holds its targets for $priority now (null when none: a new one with id $newId is created; is that id
// taken by a policy of something else?).
OPTIONAL MATCH (s:Segment {id: $segmentId})
RETURN $segmentId IS NULL OR s IS NOT NULL AS segmentFound,
       CASE WHEN $segmentId IS NULL
            THEN head(COLLECT { MATCH (pol:SlaPolicy {isDefault: true, priority: $priority}) RETURN pol.id ORDER BY pol.id })
            ELSE head(COLLECT { MATCH (s)-[:HAS_SLA]->(pol:SlaPolicy {priority: $priority}) RETURN pol.id ORDER BY pol.id })
       END AS policyId,
       EXISTS { MATCH (:SlaPolicy {id: $newId}) } AS newIdTaken
