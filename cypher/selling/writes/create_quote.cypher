// A new quote version on an opportunity locked earlier in this transaction, revising the latest one.
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity {id: $opportunityId})
CREATE (o)-[:QUOTED_AS]->(q:Quote {id: $id, name: o.name + ' v' + toString($version), version: $version,
                                   status: 'DRAFT', currency: $currency, discountPercent: $discountPercent,
                                   subtotal: $subtotal, total: $total, createdAt: $now, updatedAt: $now})
WITH p, dr, o, q
CALL (q) {
  UNWIND $lines AS line
  MATCH (prod:Product {id: line.productId})
  CREATE (q)-[:HAS_LINE]->(:LineItem {id: line.id, quantity: line.quantity, unitPrice: line.unitPrice})-[:OF]->(prod)
}
CALL (q) {
  MATCH (previous:Quote {id: $revisesId})
  CREATE (q)-[:REVISES]->(previous)
}
SET dr.lineageChangedAt = $now, o.updatedAt = $now
RETURN q {.*, {{...quote_times(q)}}, opportunityId: o.id, registrationId: dr.id, partnerId: p.id, revisesId: $revisesId} AS quote,
       [{type: 'Quote', id: q.id, before: null, partnerId: p.id, lineageId: dr.id,
         after: q {.*, opportunity: o.id, revises: $revisesId,
                   lines: COLLECT { MATCH (q)-[:HAS_LINE]->(li:LineItem)-[:OF]->(prod:Product)
                                    RETURN {product: prod.id, quantity: li.quantity, unitPrice: li.unitPrice}
                                    ORDER BY li.id }}}] AS changes
