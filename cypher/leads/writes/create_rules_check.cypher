// The facts createLeadRoutingRules checks: per item, whether its key is taken, its program's status (null: not
// found) and which of its segments are not the program's.
UNWIND $items AS item
OPTIONAL MATCH (prog:Program {id: item.programId})
RETURN item.index AS index, EXISTS { MATCH (:LeadRoutingRule {id: item.id}) } AS keyTaken,
       prog.status AS programStatus,
       [s IN item.segmentIds WHERE NOT EXISTS { MATCH (:Program {id: item.programId})-[:HAS_SEGMENT]->(:Segment {id: s}) }]
         AS foreignSegments
ORDER BY index
