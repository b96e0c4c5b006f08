// Move an order locked earlier in this transaction (checked already).
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(q:Quote)-[:ORDERED_AS]->(ord:Order {id: $id})
WITH p, dr, q, ord, properties(ord) AS before
SET ord.status = $status, ord.updatedAt = $now, dr.lineageChangedAt = $now
RETURN ord {.*, {{...order_times(ord)}}, quoteId: q.id, registrationId: dr.id, partnerId: p.id} AS order,
       [{type: 'Order', id: ord.id, before: before, after: properties(ord), partnerId: p.id, lineageId: dr.id}] AS changes
