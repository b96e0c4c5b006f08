// Per onboarding item: is the partner in scope, the program visible (and its status, default segment),
// where the given segment belongs, whether the partner keeps a partnership in the program, is the key taken.
UNWIND $items AS item
OPTIONAL MATCH (p:Partner {id: item.partnerId}) WHERE {{partner_visible(p)}}
OPTIONAL MATCH (prog:Program {id: item.programId}) WHERE {{program_visible(prog)}}
OPTIONAL MATCH (seg:Segment {id: item.segmentId})
RETURN item.index AS index,
       p IS NOT NULL AS partnerFound,
       prog.status AS programStatus,
       head(COLLECT { MATCH (prog)-[:HAS_SEGMENT]->(d:Segment {isDefault: true}) RETURN d.id }) AS defaultSegmentId,
       seg IS NOT NULL AS segmentFound,
       head(COLLECT { MATCH (owner:Program)-[:HAS_SEGMENT]->(seg) RETURN owner.id }) AS segmentProgramId,
       EXISTS { MATCH (p)-[:HAS]->(ps:Partnership)-[:IN]->(prog) WHERE ps.status <> 'TERMINATED' } AS alreadyMember,
       EXISTS { MATCH (:Partnership {id: item.id}) } AS keyTaken
ORDER BY index
