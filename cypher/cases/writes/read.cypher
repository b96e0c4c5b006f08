// A case as the writer sees it now, with its SLA figures as of $now (no scope: the write checked it).
MATCH (c:Case {id: $id})
RETURN {{case_fields(c)}} AS kase, {{case_sla(c)}} AS sla
