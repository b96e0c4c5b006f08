// The visible partners serving each account.
UNWIND $ids AS accountId
MATCH (p:Partner)-[:SERVES]->(:Account {id: accountId})
WHERE {{partner_visible(p)}}
WITH accountId, p ORDER BY p.name, p.id
RETURN accountId, collect({{partner_record(p)}}) AS partners
