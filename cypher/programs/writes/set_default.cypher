// Make $segmentId its program's one default segment, in one statement: every other segment stops being it.
MATCH (prog:Program)-[:HAS_SEGMENT]->(target:Segment {id: $segmentId})
MATCH (prog)-[:HAS_SEGMENT]->(s:Segment)
SET s.isDefault = (s.id = $segmentId)
WITH DISTINCT prog, target
RETURN target {.id, .name, .rank, .isDefault, programId: prog.id} AS segment
