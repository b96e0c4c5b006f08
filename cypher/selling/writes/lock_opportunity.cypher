// Lock a visible opportunity (and its registration's lineage) and read its facts.
MATCH (dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity {id: $id})
WHERE {{deal_visible(dr)}}
{{...write_lock(o)}}
SET o.version = coalesce(o.version, 0) + 1
RETURN o.stage AS stage, o.currency AS currency, o.name AS name, dr.id AS registrationId,
       head(COLLECT { MATCH (o)-[:QUOTED_AS]->(q:Quote) RETURN q.id ORDER BY q.version DESC }) AS latestQuoteId,
       coalesce(head(COLLECT { MATCH (o)-[:QUOTED_AS]->(q:Quote) RETURN q.version ORDER BY q.version DESC }), 0)
         AS latestVersion,
       EXISTS { MATCH (o)-[:QUOTED_AS]->(:Quote {status: 'ACCEPTED'}) } AS accepted
