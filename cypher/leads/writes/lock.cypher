// Lock a visible lead for this transaction (a version bump) and read its facts: status, the partner holding it,
// whether its deadline to accept has passed at $now, what a conversion copies.
MATCH (l:Lead {id: $id}) WHERE {{lead_visible(l)}}
{{...write_lock(l)}}
SET l.version = coalesce(l.version, 0) + 1
RETURN l.status AS status, l.acceptHours AS acceptHours, coalesce(l.acceptBy <= $now, false) AS overdue,
       head(COLLECT { MATCH (l)-[:ROUTED_TO]->(p:Partner) RETURN p.id }) AS partnerId,
       head(COLLECT { MATCH (l)-[:INTERESTED_IN]->(prod:Product) RETURN prod.id }) AS productId,
       l.company AS company, l.country AS country, l.name AS name, l.estimatedAmount AS estimatedAmount,
       l.currency AS currency
