// Every version of the quotes of each visible opportunity, newest version first.
UNWIND $ids AS opportunityId
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity {id: opportunityId})-[:QUOTED_AS]->(q:Quote)
WHERE {{deal_visible(dr)}}
OPTIONAL MATCH (q)-[:REVISES]->(previous:Quote)
WITH opportunityId, q, o, dr, p, previous ORDER BY q.version DESC, q.id
RETURN opportunityId, collect(q {.*, {{...quote_times(q)}}, opportunityId: o.id, registrationId: dr.id, partnerId: p.id,
                                 revisesId: previous.id}) AS quotes
