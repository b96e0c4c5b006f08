// The ROUTED leads whose acceptance deadline has passed at $now, oldest deadline first, at most $limit, with the
// partner holding each.
MATCH (l:Lead {status: 'ROUTED'})-[:ROUTED_TO]->(p:Partner) WHERE l.acceptBy <= $now
RETURN l.id AS id, p.id AS partnerId ORDER BY l.acceptBy, l.id LIMIT $limit
