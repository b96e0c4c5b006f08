// One page of every case the viewer may see (a partner agent: assigned to them or their queues),
// filtered by $filter and the SLA figures as of $now, newest number first.
MATCH (c:Case)
WHERE {{case_visible(c)}} AND ($after IS NULL OR c.number < $after.value)
  AND ($filter.queueId IS NULL OR EXISTS { MATCH (c)-[:IN_QUEUE]->(q:Queue) WHERE q.id = $filter.queueId })
WITH c, {{case_sla(c)}} AS sla
WHERE {{case_filter(c)}}
WITH c, sla ORDER BY c.number DESC LIMIT $limit
RETURN {{case_fields(c)}} AS kase, sla {.*, {{...sla_times(sla)}}} AS sla
