// One page of each partner's visible opportunities: $open true = not closed, false = closed, null =
// all; optionally of one stage; by name then id. Each comes with its deal registration (visible exactly
// when the opportunity is) and the registration's account (null unless account_visible), which the
// resolver primes those loaders with, saving two round trips.
UNWIND $parentIds AS parentId
MATCH (p:Partner {id: parentId})
WHERE {{partner_visible(p)}}
MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)
WHERE {{deal_record_visible(dr)}} AND ($stage IS NULL OR o.stage = $stage)
  AND ($open IS NULL OR $open = {{opportunity_open(o)}}) AND {{after_cursor(o)}}
WITH parentId, p, dr, o ORDER BY o.name, o.id
WITH parentId, p, collect({dr: dr, o: o})[..$limit] AS page
RETURN parentId, [row IN page | {
         opportunity: head([o IN [row.o] | o {.*, {{...opportunity_times(o)}}, registrationId: row.dr.id, partnerId: p.id}]),
         registration: head([dr IN [row.dr] | {{registration_fields(dr)}}]),
         account: head([dr IN [row.dr] | {{deal_account(dr)}}])}] AS page
