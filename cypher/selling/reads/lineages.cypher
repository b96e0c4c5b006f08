// Analytics: one page of visible deal registrations whose lineage changed at or after $changedSince,
// optionally within a partner's subtree, of a program, of a status; by lineageChangedAt then id (the
// cursor holds the time as ISO text, full precision). The range on lineageChangedAt is a seek of its
// index, read in index order, so a page costs its own rows, not a sort of every registration.
WITH CASE WHEN $after IS NULL THEN coalesce($changedSince, datetime('0001-01-01T00:00:00Z'))
          ELSE datetime($after.value) END AS since
MATCH (dr:DealRegistration)
WHERE dr.lineageChangedAt >= since
  AND ($after IS NULL OR dr.lineageChangedAt > since OR dr.id > $after.id)
  AND ($status IS NULL OR dr.status = $status)
  AND {{deal_visible(dr)}}
  AND ($programId IS NULL OR EXISTS { MATCH (dr)-[:IN]->(:Program {id: $programId}) })
  AND ($subtreeId IS NULL OR EXISTS {
        MATCH (:Partner {id: $subtreeId})-[:PARENT_OF*0..]->(:Partner)<-[:REGISTERED_BY]-(dr) })
WITH dr ORDER BY dr.lineageChangedAt, dr.id
LIMIT $limit
OPTIONAL MATCH (dr)-[:CONVERTED_TO]->(o:Opportunity)
WITH dr, o, head(COLLECT { MATCH (dr)-[:REGISTERED_BY]->(x:Partner) RETURN x.id }) AS partnerId
// The rest of each lineage comes along (visible exactly when the registration is), in the shapes of
// opportunities_of_registrations, quotes_of_opportunities and orders_of_quotes: the resolver primes those
// loaders with it, so a page of lineages is one round trip however much of it the query asks for.
RETURN {{registration_fields(dr)}} AS registration,
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
