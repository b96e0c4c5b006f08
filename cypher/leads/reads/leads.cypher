// A page of the visible leads by name: only $statuses (all when null), of partners in the subtree of $subtreeId
// (itself included; all when null: unrouted leads too, for those who see them), of $country (all when null).
MATCH (l:Lead)
WHERE {{lead_visible(l)}} AND ($statuses IS NULL OR l.status IN $statuses)
  AND ($country IS NULL OR l.country = $country) AND {{after_cursor(l)}}
  AND ($subtreeId IS NULL OR EXISTS { MATCH (l)-[:ROUTED_TO]->(:Partner)<-[:PARENT_OF*0..]-(:Partner {id: $subtreeId}) })
WITH l ORDER BY l.name, l.id LIMIT $limit
RETURN {{lead_record(l)}} AS item, {value: l.name, id: l.id} AS sortKey
