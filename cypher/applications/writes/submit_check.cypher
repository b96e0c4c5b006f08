// Before a partner application is stored: its program's status (null when there is no such program) and the
// questions it asks.
OPTIONAL MATCH (prog:Program {id: $programId})
RETURN prog.status AS programStatus,
       COLLECT { MATCH (prog)-[:ASKS]->(q:ApplicationQuestion) RETURN q {.key, .required} } AS questions
