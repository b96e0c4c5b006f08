// A page of the visible fund requests by name: only $statuses (all when null), of allocations to partners in the
// subtree of $subtreeId (itself included; all when null).
MATCH (r:FundRequest)
WHERE ($statuses IS NULL OR r.status IN $statuses) AND {{fund_request_visible(r)}} AND {{after_cursor(r)}}
  AND ($subtreeId IS NULL OR EXISTS {
    MATCH (r)-[:DRAWS_ON]->(:FundAllocation)-[:ALLOCATED_TO]->(:Partner)<-[:PARENT_OF*0..]-(:Partner {id: $subtreeId}) })
WITH r ORDER BY r.name, r.id LIMIT $limit
RETURN {{fund_request_record(r)}} AS item
