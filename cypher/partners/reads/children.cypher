// One page of visible children for each parent in $parentIds (one round trip for all parents).
UNWIND $parentIds AS parentId
MATCH (:Partner {id: parentId})-[:PARENT_OF]->(p:Partner)
WHERE {{partner_visible(p)}}
  AND {{after_cursor(p)}} AND {{partner_filter(p)}}
WITH parentId, p ORDER BY p.name, p.id
WITH parentId, collect(p {.*, {{...partner_times(p)}}})[..$limit] AS page
RETURN parentId, page
