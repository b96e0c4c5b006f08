// Visible quotes by id (visible through their registration).
UNWIND $ids AS quoteId
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)-[:QUOTED_AS]->(q:Quote {id: quoteId})
WHERE {{deal_visible(dr)}}
OPTIONAL MATCH (q)-[:REVISES]->(previous:Quote)
RETURN q {.*, {{...quote_times(q)}}, opportunityId: o.id, registrationId: dr.id, partnerId: p.id, revisesId: previous.id} AS quote
