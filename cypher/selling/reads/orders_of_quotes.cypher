// The order of each visible quote, when accepted.
UNWIND $ids AS quoteId
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(q:Quote {id: quoteId})-[:ORDERED_AS]->(ord:Order)
WHERE {{deal_visible(dr)}}
RETURN quoteId, ord {.*, {{...order_times(ord)}}, quoteId: q.id, registrationId: dr.id, partnerId: p.id} AS order
