// Create PENDING partnerships, each in its segment (AT) with the first entry of its segment history; each
// reports itself created, with its partner, program, segment and the reason it is in that segment.
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId}), (prog:Program {id: row.programId}), (seg:Segment {id: row.segmentId})
CREATE (p)-[:HAS]->(ps:Partnership {id: row.id, status: 'PENDING', createdAt: datetime.transaction()})-[:IN]->(prog)
CREATE (ps)-[:AT {since: datetime.transaction()}]->(seg)
CREATE (ps)-[:HAD]->(:SegmentAssignment {id: 'sa-' + randomUUID(), from: datetime.transaction(), reason: 'onboarding',
                                         assignedBy: $assignedBy})-[:OF]->(seg)
RETURN ps {.id, .status, .createdAt, .onboardedAt, .offboardedAt, name: p.name + ' in ' + prog.name,
           partnerId: p.id, programId: prog.id, segmentId: seg.id} AS partnership,
       [{type: 'Partnership', id: ps.id, before: null, partnerId: p.id,
         after: ps {.*, partner: p.id, program: prog.id, segment: seg.id, segmentReason: 'onboarding'}}] AS changes
