// Each visible partnership's segment assignments, oldest first (the open one last).
UNWIND $ids AS partnershipId
MATCH (p:Partner)-[:HAS]->(:Partnership {id: partnershipId})-[:HAD]->(a:SegmentAssignment)-[:OF]->(s:Segment)
WHERE {{partner_visible(p)}}
WITH partnershipId, a, s ORDER BY a.from, a.until IS NULL, a.until, a.id
RETURN partnershipId, collect(a {.id, .from, .until, .reason, .assignedBy, segmentId: s.id}) AS history
