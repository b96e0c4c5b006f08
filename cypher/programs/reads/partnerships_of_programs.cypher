// One page of each visible program's partnerships whose partner is visible (optionally of one
// status), by partner name then id; one round trip for all programs.
UNWIND $parentIds AS parentId
MATCH (p:Partner)-[:HAS]->(ps:Partnership)-[:IN]->(prog:Program {id: parentId})
WHERE {{program_visible(prog)}} AND {{partner_visible(p)}} AND ($status IS NULL OR ps.status = $status)
WITH parentId, p, ps, prog, {name: p.name + ' in ' + prog.name, id: ps.id} AS sortKey
WHERE {{after_cursor(sortKey)}}
OPTIONAL MATCH (ps)-[:AT]->(s:Segment)
WITH parentId, sortKey, ps {.id, .status, .createdAt, .onboardedAt, .offboardedAt, name: sortKey.name,
                            partnerId: p.id, programId: prog.id, segmentId: s.id} AS partnership
ORDER BY sortKey.name, sortKey.id
WITH parentId, collect(partnership)[..$limit] AS page
RETURN parentId, page
