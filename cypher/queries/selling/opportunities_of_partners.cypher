// One page of each partner's visible opportunities: $open true = not closed, false = closed, null =
// all; optionally of one stage; by name then id.
UNWIND $parentIds AS parentId
MATCH (p:Partner {id: parentId})<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
WHERE {{deal_visible(dr)}} AND ($stage IS NULL OR o.stage = $stage)
  AND ($open IS NULL OR $open = (NOT o.stage IN ['CLOSED_WON', 'CLOSED_LOST'])) AND {{after_cursor(o)}}
WITH parentId, o {.*, registrationId: dr.id, partnerId: p.id} AS opportunity
ORDER BY opportunity.name, opportunity.id
WITH parentId, collect(opportunity)[..$limit] AS page
RETURN parentId, page
