// The end-customer account lead $id converts for: the account with the lead's company name (case-insensitive)
// and country if there is one, else a new one ($accountId); served by the partner holding the lead either way.
MATCH (l:Lead {id: $id})-[:ROUTED_TO]->(p:Partner)
OPTIONAL MATCH (found:Account {country: l.country}) WHERE toLower(found.name) = toLower(l.company)
WITH l, p, found ORDER BY found.id LIMIT 1
WITH l, p, found,
     CASE WHEN found IS NULL THEN null
          ELSE found {.*, partners: COLLECT { MATCH (s:Partner)-[:SERVES]->(found) RETURN s.id ORDER BY s.id }} END
       AS before
MERGE (a:Account {id: coalesce(found.id, $accountId)})
  ON CREATE SET a.name = l.company, a.country = l.country, a.createdAt = $now
MERGE (p)-[served:SERVES]->(a)
  ON CREATE SET served.since = $now
RETURN a.id AS accountId,
       [{type: 'Account', id: a.id, before: before, partnerId: p.id,
         after: a {.*, partners: COLLECT { MATCH (s:Partner)-[:SERVES]->(a) RETURN s.id ORDER BY s.id }}}] AS changes
