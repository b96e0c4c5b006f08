// Lock a visible partnership for this transaction and read its state, and where $segmentId belongs.
MATCH (p:Partner)-[:HAS]->(ps:Partnership {id: $id})-[:IN]->(prog:Program)
WHERE {{partner_visible(p)}}
{{...write_lock(ps)}}
SET ps.version = coalesce(ps.version, 0) + 1
RETURN ps.status AS status,
       prog.id AS programId,
       head(COLLECT { MATCH (ps)-[:AT]->(s:Segment) RETURN s.id }) AS segmentId,
       head(COLLECT { MATCH (owner:Program)-[:HAS_SEGMENT]->(:Segment {id: $segmentId}) RETURN owner.id })
         AS targetProgramId
