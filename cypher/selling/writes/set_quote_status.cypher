// Move a quote locked earlier in this transaction (checked already); ACCEPTED places its order.
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)-[:QUOTED_AS]->(q:Quote {id: $id})
SET q.status = $status, q.updatedAt = $now, dr.lineageChangedAt = $now
WITH p, dr, o, q
CALL (q, dr) {
  WITH q, dr WHERE $status = 'ACCEPTED'
  CREATE (q)-[:ORDERED_AS]->(:Order {id: $orderId, name: q.name, status: 'PLACED', total: q.total,
                                     currency: q.currency, placedAt: $now, updatedAt: $now})
}
RETURN q {.*, {{...quote_times(q)}}, opportunityId: o.id, registrationId: dr.id, partnerId: p.id,
          revisesId: head(COLLECT { MATCH (q)-[:REVISES]->(previous:Quote) RETURN previous.id })} AS quote
