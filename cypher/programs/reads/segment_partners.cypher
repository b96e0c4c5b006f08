// One page of the visible partners each segment holds now (through a partnership that is not
// TERMINATED), by name then id; one round trip for all segments.
UNWIND $parentIds AS parentId
MATCH (prog:Program)-[:HAS_SEGMENT]->(:Segment {id: parentId})<-[:AT]-(ps:Partnership)<-[:HAS]-(p:Partner)
WHERE {{program_visible(prog)}} AND ps.status IN ['PENDING', 'ACTIVE', 'SUSPENDED']
  AND {{partner_visible(p)}} AND {{after_cursor(p)}}
WITH DISTINCT parentId, p
ORDER BY p.name, p.id
WITH parentId, collect({{partner_record(p)}})[..$limit] AS page
RETURN parentId, page
