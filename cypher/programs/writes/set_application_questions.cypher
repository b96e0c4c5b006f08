// Replace the application questions of a program locked earlier in this transaction, keeping the given order;
// reports the program with its questions before and after (`applicationQuestions`, a list of {key, text, required}).
MATCH (prog:Program {id: $programId})
WITH prog, prog {.*, applicationQuestions: COLLECT {
       MATCH (prog)-[:ASKS]->(q:ApplicationQuestion) WITH q ORDER BY q.position RETURN q {.key, .text, .required} }}
     AS before
CALL (prog) {
  MATCH (prog)-[:ASKS]->(q:ApplicationQuestion)
  DETACH DELETE q
}
CALL (prog) {
  UNWIND range(0, size($questions) - 1) AS n
  CREATE (prog)-[:ASKS]->(:ApplicationQuestion {key: $questions[n].key, text: $questions[n].text,
                                                required: $questions[n].required, position: n})
}
SET prog.updatedAt = datetime()
RETURN prog {.id, .name, .kind, .status, .startDate, .endDate,
             internalOrgId: head(COLLECT { MATCH (org:InternalOrg)-[:RUNS]->(prog) RETURN org.id })} AS program,
       [{type: 'Program', id: prog.id, before: before,
         after: prog {.*, applicationQuestions: [q IN $questions | q {.key, .text, .required}]}}] AS changes
