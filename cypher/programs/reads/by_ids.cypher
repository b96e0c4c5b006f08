// Programs by id, with the internal organization that runs each; DRAFT programs only for enterprise staff.
UNWIND $ids AS programId
MATCH (prog:Program {id: programId})
WHERE {{program_visible(prog)}}
RETURN prog {.id, name: {{localized_name(prog)}}, description: {{localized_description(prog)}}, .kind, .status, .startDate, .endDate,
             internalOrgId: head(COLLECT { MATCH (org:InternalOrg)-[:RUNS]->(prog) RETURN org.id })} AS program
