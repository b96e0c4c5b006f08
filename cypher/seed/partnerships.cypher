// Partnerships with their current segment and the assignment that put them there.
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId}), (prog:Program {id: row.programId}), (seg:Segment {id: row.segmentId})
CREATE (p)-[:HAS]->(ps:Partnership {id: row.id, status: row.status, createdAt: datetime(row.createdAt),
                                    onboardedAt: CASE WHEN row.onboarded THEN datetime(row.createdAt) END,
                                    offboardedAt: datetime(row.offboardedAt)})
       -[:IN]->(prog)
CREATE (ps)-[:AT {since: datetime(row.createdAt)}]->(seg)
CREATE (ps)-[:HAD]->(:SegmentAssignment {id: row.id + '-a1', from: datetime(row.createdAt), reason: 'onboarding',
                                         assignedBy: 'seed'})-[:OF]->(seg)
