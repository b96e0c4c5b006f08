// Move a quote locked earlier in this transaction (checked already); ACCEPTED places its order.
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)-[:QUOTED_AS]->(q:Quote {id: $id})
WITH p, dr, o, q, properties(q) AS before
SET q.status = $status, q.updatedAt = $now, dr.lineageChangedAt = $now
WITH p, dr, o, q, before
CALL (q, dr) {
  WITH q, dr WHERE $status = 'ACCEPTED'
  CREATE (q)-[:ORDERED_AS]->(:Order {id: $orderId, name: q.name, status: 'PLACED', total: q.total,
                                     currency: q.currency, placedAt: $now, updatedAt: $now})
}
RETURN q {.*, {{...quote_times(q)}}, opportunityId: o.id, registrationId: dr.id, partnerId: p.id,
          revisesId: head(COLLECT { MATCH (q)-[:REVISES]->(previous:Quote) RETURN previous.id })} AS quote,
       [{type: 'Quote', id: q.id, before: before, after: properties(q), partnerId: p.id, lineageId: dr.id}]
         + COLLECT { MATCH (q)-[:ORDERED_AS]->(ord:Order) WHERE $status = 'ACCEPTED'
                     RETURN {type: 'Order', id: ord.id, before: null, after: ord {.*, quote: q.id}, partnerId: p.id,
                             lineageId: dr.id} } AS changes
