// Programs with their ordered segments and each segment's criteria.
UNWIND $programs AS row
MATCH (unit:InternalOrg {id: row.orgId})
CREATE (unit)-[:RUNS]->(prog:Program {id: row.id, name: row.name, kind: row.kind, status: row.status,
                                      startDate: date(row.startDate), createdAt: datetime(row.startDate + 'T00:00:00Z')})
WITH prog, row
UNWIND row.segments AS seg
CREATE (prog)-[:HAS_SEGMENT]->(s:Segment {id: seg.id, name: seg.name, rank: seg.rank, isDefault: seg.isDefault})
WITH s, seg
UNWIND seg.criteria AS criterion
CREATE (s)-[:REQUIRES]->(:Criterion {id: criterion.id, metric: criterion.metric, operator: criterion.operator,
                                     threshold: criterion.threshold})
