// One page of each partner's visible deal registrations (optionally of one status), by name then id,
// each with its opportunity (null when not converted; visible exactly when the registration is) and its
// account (null unless account_visible): the resolver primes those loaders with them, saving two round
// trips when a portal lists deals with their stage and customer.
UNWIND $parentIds AS parentId
MATCH (p:Partner {id: parentId})
WHERE {{partner_visible(p)}}
MATCH (p)<-[:REGISTERED_BY]-(dr:DealRegistration)
WHERE {{deal_record_visible(dr)}} AND ($status IS NULL OR dr.status = $status) AND {{after_cursor(dr)}}
WITH parentId, p, dr ORDER BY dr.name, dr.id
WITH parentId, p, collect(dr)[..$limit] AS page
RETURN parentId, [dr IN page | {
         registration: {{registration_fields(dr)}},
         opportunity: head(COLLECT { MATCH (dr)-[:CONVERTED_TO]->(o:Opportunity)
                                     RETURN o {.*, {{...opportunity_times(o)}}, registrationId: dr.id, partnerId: p.id} }),
         account: {{deal_account(dr)}}}] AS page
