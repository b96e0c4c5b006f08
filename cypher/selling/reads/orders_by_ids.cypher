// Visible orders by id (visible through their registration).
UNWIND $ids AS orderId
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(:Opportunity)-[:QUOTED_AS]->(q:Quote)-[:ORDERED_AS]->(ord:Order {id: orderId})
WHERE {{deal_visible(dr)}}
RETURN ord {.*, {{...order_times(ord)}}, quoteId: q.id, registrationId: dr.id, partnerId: p.id} AS order
