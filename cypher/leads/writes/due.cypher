// The ROUTED leads whose acceptance deadline has passed at $now, oldest deadline first, at most $limit.
MATCH (l:Lead {status: 'ROUTED'}) WHERE l.acceptBy <= $now
RETURN l.id AS id ORDER BY l.acceptBy, l.id LIMIT $limit
