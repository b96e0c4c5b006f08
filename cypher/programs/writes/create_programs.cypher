// Create DRAFT programs with their segments and each segment's criteria. Each program reports itself, then
// each of its segments followed by that segment's criteria, as created (docs/CHANGES.md).
UNWIND $rows AS row
MATCH (org:InternalOrg {id: row.internalOrgId})
CREATE (org)-[:RUNS]->(prog:Program {id: row.id, name: row.name, kind: row.kind, status: 'DRAFT',
                                     startDate: row.startDate, endDate: row.endDate, createdAt: datetime()})
WITH row, org, prog
CALL (row, prog) {
  UNWIND row.segments AS seg
  CREATE (prog)-[:HAS_SEGMENT]->(s:Segment {id: seg.id, name: seg.name, rank: seg.rank, isDefault: seg.isDefault})
  WITH prog, seg, s
  CALL (prog, seg, s) {
    UNWIND seg.criteria AS crit
    CREATE (s)-[:REQUIRES]->(c:Criterion {id: crit.id, metric: crit.metric, operator: crit.operator,
                                          threshold: crit.threshold})
    RETURN collect({type: 'Criterion', id: c.id, before: null, after: c {.*, segment: s.id}, scopeId: prog.id})
             AS criteria
  }
  RETURN reduce(acc = [], part IN collect([{type: 'Segment', id: s.id, before: null, after: s {.*, program: prog.id},
                                            scopeId: prog.id}] + criteria) | acc + part) AS segments
}
RETURN prog {.id, .name, .kind, .status, .startDate, .endDate, internalOrgId: org.id} AS program,
       [{type: 'Program', id: prog.id, before: null, after: prog {.*, internalOrg: org.id}}] + segments AS changes
