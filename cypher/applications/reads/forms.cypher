// The application form of each APPROVED program: its name and questions in order. Public (anyone may apply), so
// it reads no scope, and a program in any other status has no form.
UNWIND $ids AS programId
MATCH (prog:Program {id: programId})
WHERE prog.status = 'APPROVED'
RETURN {programId: prog.id, name: prog.name,
        questions: COLLECT { MATCH (prog)-[:ASKS]->(q:ApplicationQuestion) WITH q ORDER BY q.position
                             RETURN q {.key, .text, .required} }} AS form
