// Set the status of a partnership locked earlier in this transaction (the move was checked already):
// the first ACTIVE sets onboardedAt; TERMINATED sets offboardedAt and closes the open segment assignment.
MATCH (p:Partner)-[:HAS]->(ps:Partnership {id: $id})-[:IN]->(prog:Program)
WITH p, ps, prog, properties(ps) AS before
SET ps.status = $status, ps.updatedAt = datetime.transaction(),
    ps.onboardedAt = CASE WHEN $status = 'ACTIVE' THEN coalesce(ps.onboardedAt, datetime.transaction())
                          ELSE ps.onboardedAt END,
    ps.offboardedAt = CASE WHEN $status = 'TERMINATED' THEN datetime.transaction() ELSE ps.offboardedAt END
WITH p, ps, prog, before
CALL (ps) {
  MATCH (ps)-[:HAD]->(open:SegmentAssignment) WHERE open.until IS NULL AND $status = 'TERMINATED'
  SET open.until = datetime.transaction()
}
RETURN ps {.id, .status, .createdAt, .onboardedAt, .offboardedAt, name: p.name + ' in ' + prog.name,
           partnerId: p.id, programId: prog.id,
           segmentId: head(COLLECT { MATCH (ps)-[:AT]->(s:Segment) RETURN s.id })} AS partnership,
       [{type: 'Partnership', id: ps.id, before: before, after: properties(ps), partnerId: p.id}] AS changes
