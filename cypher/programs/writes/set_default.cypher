// Make $segmentId its program's one default segment, in one statement: every other segment stops being it.
// Every segment of the program reports itself (the new default first); those left as they were diff to nothing.
MATCH (prog:Program)-[:HAS_SEGMENT]->(target:Segment {id: $segmentId})
MATCH (prog)-[:HAS_SEGMENT]->(s:Segment)
WITH prog, target, s, properties(s) AS before
ORDER BY s = target DESC, s.rank, s.id
SET s.isDefault = (s.id = $segmentId)
WITH prog, target,
     collect({type: 'Segment', id: s.id, before: before, after: properties(s), scopeId: prog.id}) AS changes
RETURN target {.id, .name, .rank, .isDefault, programId: prog.id} AS segment, changes
