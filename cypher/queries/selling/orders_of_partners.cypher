// One page of each partner's visible orders (optionally of one status), by name then id.
UNWIND $parentIds AS parentId
MATCH (p:Partner {id: parentId})<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(q:Quote)-[:ORDERED_AS]->(ord:Order)
WHERE {{deal_visible(dr)}} AND ($status IS NULL OR ord.status = $status) AND {{after_cursor(ord)}}
WITH parentId, ord {.*, quoteId: q.id, registrationId: dr.id, partnerId: p.id} AS order
ORDER BY order.name, order.id
WITH parentId, collect(order)[..$limit] AS page
RETURN parentId, page
