// One page of each partner's visible quotes (optionally of one status), by name then id.
UNWIND $parentIds AS parentId
MATCH (p:Partner {id: parentId})
WHERE {{partner_visible(p)}}
MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)-[:QUOTED_AS]->(q:Quote)
WHERE {{deal_record_visible(dr)}} AND ($status IS NULL OR q.status = $status) AND {{after_cursor(q)}}
OPTIONAL MATCH (q)-[:REVISES]->(previous:Quote)
WITH parentId, q {.*, {{...quote_times(q)}}, opportunityId: o.id, registrationId: dr.id, partnerId: p.id, revisesId: previous.id} AS quote
ORDER BY quote.name, quote.id
WITH parentId, collect(quote)[..$limit] AS page
RETURN parentId, page
