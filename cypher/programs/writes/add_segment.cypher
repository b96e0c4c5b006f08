// Add a segment (with its criteria) to a program locked earlier in this transaction; it reports the segment,
// then its criteria, as created.
MATCH (prog:Program {id: $programId})
CREATE (prog)-[:HAS_SEGMENT]->(s:Segment {id: $segment.id, name: $segment.name, rank: $segment.rank,
                                          isDefault: $segment.isDefault})
WITH prog, s
CALL (prog, s) {
  UNWIND $segment.criteria AS crit
  CREATE (s)-[:REQUIRES]->(c:Criterion {id: crit.id, metric: crit.metric, operator: crit.operator,
                                        threshold: crit.threshold})
  RETURN collect({type: 'Criterion', id: c.id, before: null, after: c {.*, segment: s.id}, scopeId: prog.id})
           AS criteria
}
RETURN {{segment_record(s)}} AS segment,
       [{type: 'Segment', id: s.id, before: null, after: s {.*, program: prog.id}, scopeId: prog.id}] + criteria
         AS changes
