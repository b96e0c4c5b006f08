// Lock a partner application for its review (reviewers only: $reviewer) and read what the decision depends on:
// its status and fields, its program (status, default segment), the segment asked for (found, in the program)
// and whether a person already has its admin e-mail.
MATCH (a:PartnerApplication {id: $id})
WHERE $reviewer
{{...write_lock(a)}}
SET a.version = coalesce(a.version, 0) + 1
WITH a, head(COLLECT { MATCH (a)-[:TO]->(owner:Program) RETURN owner }) AS prog
OPTIONAL MATCH (seg:Segment {id: $segmentId})
RETURN a {.status, .company, .country, .type, .adminName, .adminEmail} AS application,
       prog.id AS programId, prog.status AS programStatus,
       head(COLLECT { MATCH (prog)-[:HAS_SEGMENT]->(d:Segment {isDefault: true}) RETURN d.id }) AS defaultSegmentId,
       seg IS NOT NULL AS segmentFound,
       EXISTS { MATCH (prog)-[:HAS_SEGMENT]->(seg) } AS segmentInProgram,
       EXISTS { MATCH (:Person {email: a.adminEmail}) } AS emailTaken
