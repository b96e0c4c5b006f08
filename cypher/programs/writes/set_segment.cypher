// Move a partnership locked earlier in this transaction to $segmentId: close the open assignment,
// replace the AT relationship (exactly one afterwards) and open a new assignment. It reports its `segment`
// (and `segmentReason`, the reason of the open assignment) before and after.
MATCH (p:Partner)-[:HAS]->(ps:Partnership {id: $id})-[:IN]->(prog:Program), (seg:Segment {id: $segmentId})
WITH p, ps, prog, seg,
     ps {.*, segment: head(COLLECT { MATCH (ps)-[:AT]->(was:Segment) RETURN was.id ORDER BY was.id }),
         segmentReason: head(COLLECT { MATCH (ps)-[:HAD]->(open:SegmentAssignment) WHERE open.until IS NULL
                                       RETURN open.reason ORDER BY open.from DESC })} AS before
CALL (ps) {
  MATCH (ps)-[at:AT]->(:Segment)
  DELETE at
}
CALL (ps) {
  MATCH (ps)-[:HAD]->(open:SegmentAssignment) WHERE open.until IS NULL
  SET open.until = datetime.transaction()
}
CREATE (ps)-[:AT {since: datetime.transaction()}]->(seg)
CREATE (ps)-[:HAD]->(:SegmentAssignment {id: 'sa-' + randomUUID(), from: datetime.transaction(), reason: $reason,
                                         assignedBy: $assignedBy})-[:OF]->(seg)
SET ps.updatedAt = datetime.transaction()
RETURN ps {.id, .status, .createdAt, .onboardedAt, .offboardedAt, name: p.name + ' in ' + prog.name,
           partnerId: p.id, programId: prog.id, segmentId: seg.id} AS partnership,
       [{type: 'Partnership', id: ps.id, before: before, partnerId: p.id,
         after: ps {.*, segment: seg.id, segmentReason: $reason}}] AS changes
