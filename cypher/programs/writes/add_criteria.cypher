// Add criteria to a segment whose program was locked earlier in this transaction; each reports itself created.
MATCH (prog:Program)-[:HAS_SEGMENT]->(s:Segment {id: $segmentId})
CALL (prog, s) {
  UNWIND $criteria AS crit
  CREATE (s)-[:REQUIRES]->(c:Criterion {id: crit.id, metric: crit.metric, operator: crit.operator,
                                        threshold: crit.threshold})
  RETURN collect({type: 'Criterion', id: c.id, before: null, after: c {.*, segment: s.id}, scopeId: prog.id})
           AS changes
}
RETURN s {.id, .name, .rank, .isDefault, programId: prog.id} AS segment, changes
