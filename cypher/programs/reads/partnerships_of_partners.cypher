// One page of each visible partner's partnerships (optionally of one status), by program name then
// id; one round trip for all partners.
UNWIND $parentIds AS parentId
MATCH (p:Partner {id: parentId})-[:HAS]->(ps:Partnership)-[:IN]->(prog:Program)
WHERE {{partner_visible(p)}} AND ($status IS NULL OR ps.status = $status)
WITH parentId, p, ps, prog, {name: p.name + ' in ' + prog.name, id: ps.id} AS sortKey
WHERE {{after_cursor(sortKey)}}
OPTIONAL MATCH (ps)-[:AT]->(s:Segment)
WITH parentId, sortKey, ps {.id, .status, .createdAt, .onboardedAt, .offboardedAt, name: sortKey.name,
                            partnerId: p.id, programId: prog.id, segmentId: s.id} AS partnership
ORDER BY sortKey.name, sortKey.id
WITH parentId, collect(partnership)[..$limit] AS page
RETURN parentId, page
