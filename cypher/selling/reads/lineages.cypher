// Analytics: one page of the deal lineages of `dealLineages` (lineage_window), by lineageChangedAt then id.
MATCH (dr:DealRegistration)
WHERE {{lineage_window(dr)}}
WITH dr ORDER BY dr.lineageChangedAt, dr.id
LIMIT $limit
OPTIONAL MATCH (dr)-[:CONVERTED_TO]->(o:Opportunity)
WITH dr, o, head(COLLECT { MATCH (dr)-[:REGISTERED_BY]->(x:Partner) RETURN x.id }) AS partnerId
// The rest of each lineage comes along (visible exactly when the registration is), in the shapes of
// opportunities_of_registrations, quotes_of_opportunities and orders_of_quotes: the resolver primes those
// loaders with it, so a page of lineages is one round trip however much of it the query asks for.
RETURN {{registration_record(dr)}} AS registration,
       {name: toString(dr.lineageChangedAt), id: dr.id} AS sortKey,
       CASE WHEN o IS NOT NULL THEN o {.*, {{...opportunity_times(o)}}, registrationId: dr.id, partnerId: partnerId} END AS opportunity,
       COLLECT { MATCH (o)-[:QUOTED_AS]->(q:Quote)
                 OPTIONAL MATCH (q)-[:REVISES]->(previous:Quote)
                 WITH q, previous ORDER BY q.version DESC, q.id
                 RETURN q {.*, {{...quote_times(q)}}, opportunityId: o.id, registrationId: dr.id, partnerId: partnerId,
                           revisesId: previous.id,
                           order: head(COLLECT { MATCH (q)-[:ORDERED_AS]->(ord:Order)
                                                 RETURN ord {.*, {{...order_times(ord)}}, quoteId: q.id,
                                                             registrationId: dr.id, partnerId: partnerId} })} } AS quotes
ORDER BY dr.lineageChangedAt, dr.id
