// Set the status of a program locked earlier in this transaction (the move was checked already).
MATCH (prog:Program {id: $programId})
WITH prog, properties(prog) AS before
SET prog.status = $status, prog.updatedAt = datetime()
RETURN prog {.id, .name, .kind, .status, .startDate, .endDate,
             internalOrgId: head(COLLECT { MATCH (org:InternalOrg)-[:RUNS]->(prog) RETURN org.id })} AS program,
       [{type: 'Program', id: prog.id, before: before, after: properties(prog)}] AS changes
