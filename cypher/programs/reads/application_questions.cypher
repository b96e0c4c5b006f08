// The questions each program asks of applicants, in their order; a program the viewer may not see has none.
UNWIND $ids AS programId
MATCH (prog:Program {id: programId})
WHERE {{program_visible(prog)}}
RETURN prog.id AS programId,
       COLLECT { MATCH (prog)-[:ASKS]->(q:ApplicationQuestion) WITH q ORDER BY q.position
                 RETURN q {.key, .text, .required} } AS questions
