// Segments by id; a segment is visible when its program is.
UNWIND $ids AS segmentId
MATCH (prog:Program)-[:HAS_SEGMENT]->(s:Segment {id: segmentId})
WHERE {{program_visible(prog)}}
RETURN s {.id, .name, .rank, .isDefault, programId: prog.id} AS segment
