// One page of each partner's visible descendants down to $maxDepth levels (all when null).
UNWIND $parentIds AS parentId
MATCH path = (:Partner {id: parentId})-[:PARENT_OF*1..]->(p:Partner)
WHERE ($maxDepth IS NULL OR length(path) <= $maxDepth)
  AND {{partner_visible(p)}} AND {{partner_filter(p)}} AND {{after_cursor(p)}}
WITH parentId, p ORDER BY p.name, p.id
WITH parentId, collect(p {.*, {{...partner_times(p)}}})[..$limit] AS page
RETURN parentId, page
