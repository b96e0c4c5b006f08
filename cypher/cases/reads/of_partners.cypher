// One page of each visible partner's visible cases (with $subtree: of the partner and every visible
// partner below it), filtered by $filter and the SLA figures as of $now, newest number first; one
// round trip for all partners.
UNWIND $parentIds AS parentId
MATCH (p:Partner {id: parentId})
WHERE {{partner_visible(p)}}
CALL (p) {
  MATCH (p)<-[:FOR_PARTNER]-(c:Case)
  RETURN c
  UNION
  MATCH (p)-[:PARENT_OF*1..]->(below:Partner)<-[:FOR_PARTNER]-(c:Case)
  WHERE $subtree AND {{partner_visible(below)}}
  RETURN c
}
WITH parentId, c WHERE {{case_visible(c)}} AND ($after IS NULL OR c.number < $after.value)
WITH parentId, c, {{case_sla(c)}} AS sla
WHERE {{case_filter(c)}}
WITH parentId, c, sla, {{case_fields(c)}} AS fields ORDER BY c.number DESC
WITH parentId, collect(fields {.*, sla: sla {.*, {{...sla_times(sla)}}}})[..$limit] AS page
RETURN parentId, page
