// Add a segment (with its criteria) to a program locked earlier in this transaction.
MATCH (prog:Program {id: $programId})
CREATE (prog)-[:HAS_SEGMENT]->(s:Segment {id: $segment.id, name: $segment.name, rank: $segment.rank,
                                          isDefault: $segment.isDefault})
FOREACH (crit IN $segment.criteria |
  CREATE (s)-[:REQUIRES]->(:Criterion {id: crit.id, metric: crit.metric, operator: crit.operator,
                                       threshold: crit.threshold}))
RETURN {{segment_record(s)}} AS segment
