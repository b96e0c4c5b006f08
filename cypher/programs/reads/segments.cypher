// The segments of each visible program, top rank (1) first. A program has a handful: no paging.
UNWIND $programIds AS programId
MATCH (prog:Program {id: programId})-[:HAS_SEGMENT]->(s:Segment)
WHERE {{program_visible(prog)}}
WITH programId, s ORDER BY s.rank, s.id
RETURN programId, collect(s {.id, .name, .rank, .isDefault, programId: programId}) AS segments
