// Lock a program for this transaction (by its id, or as the owner of $segmentId) and read its state
// and segments. Segment changes lock the program, so two writers cannot both pass a default or rank check.
OPTIONAL MATCH (byId:Program {id: $programId})
OPTIONAL MATCH (bySegment:Program)-[:HAS_SEGMENT]->(:Segment {id: $segmentId})
WITH coalesce(byId, bySegment) AS prog
WHERE prog IS NOT NULL AND {{program_visible(prog)}}
{{...write_lock(prog)}}
SET prog.version = coalesce(prog.version, 0) + 1
RETURN prog {.id, .status} AS program,
       [(prog)-[:HAS_SEGMENT]->(s:Segment) | s {.id, .rank, .isDefault}] AS segments,
       EXISTS { MATCH (:Segment {id: $newSegmentKey}) } AS segmentKeyTaken
