// Add criteria to a segment whose program was locked earlier in this transaction.
MATCH (prog:Program)-[:HAS_SEGMENT]->(s:Segment {id: $segmentId})
FOREACH (crit IN $criteria |
  CREATE (s)-[:REQUIRES]->(:Criterion {id: crit.id, metric: crit.metric, operator: crit.operator,
                                       threshold: crit.threshold}))
RETURN s {.id, .name, .rank, .isDefault, programId: prog.id} AS segment
