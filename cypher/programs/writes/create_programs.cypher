// Create DRAFT programs with their segments and each segment's criteria.
UNWIND $rows AS row
MATCH (org:InternalOrg {id: row.internalOrgId})
CREATE (org)-[:RUNS]->(prog:Program {id: row.id, name: row.name, kind: row.kind, status: 'DRAFT',
                                     startDate: row.startDate, endDate: row.endDate, createdAt: datetime()})
FOREACH (seg IN row.segments |
  CREATE (prog)-[:HAS_SEGMENT]->(s:Segment {id: seg.id, name: seg.name, rank: seg.rank, isDefault: seg.isDefault})
  FOREACH (crit IN seg.criteria |
    CREATE (s)-[:REQUIRES]->(:Criterion {id: crit.id, metric: crit.metric, operator: crit.operator,
                                         threshold: crit.threshold})))
RETURN prog {.id, .name, .kind, .status, .startDate, .endDate, internalOrgId: org.id} AS program
