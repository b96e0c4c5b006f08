// Visible cases by id, with their SLA figures as of $now.
UNWIND $ids AS caseId
MATCH (c:Case {id: caseId})
WHERE {{case_visible(c)}}
RETURN {{case_fields(c)}} AS kase, {{case_sla(c)}} AS sla
