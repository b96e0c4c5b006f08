// One page of each partner's visible orders (optionally of one status), by name then id.
UNWIND $parentIds AS parentId
MATCH (p:Partner {id: parentId})
WHERE {{partner_visible(p)}}
MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(q:Quote)-[:ORDERED_AS]->(ord:Order)
WHERE {{deal_record_visible(dr)}} AND ($status IS NULL OR ord.status = $status) AND {{after_cursor(ord)}}
WITH parentId, ord {.*, {{...order_times(ord)}}, quoteId: q.id, registrationId: dr.id, partnerId: p.id} AS order
ORDER BY order.name, order.id
WITH parentId, collect(order)[..$limit] AS page
RETURN parentId, page
