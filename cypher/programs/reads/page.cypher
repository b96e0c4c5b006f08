// One page of the programs the viewer may see (optionally of one status), by name then id.
MATCH (prog:Program)
WHERE {{program_visible(prog)}} AND ($status IS NULL OR prog.status = $status) AND {{after_cursor(prog)}}
RETURN prog {.id, name: {{localized_name(prog)}}, description: {{localized_description(prog)}}, .kind, .status, .startDate, .endDate,
             internalOrgId: head(COLLECT { MATCH (org:InternalOrg)-[:RUNS]->(prog) RETURN org.id })} AS program
ORDER BY prog.name, prog.id
LIMIT $limit
