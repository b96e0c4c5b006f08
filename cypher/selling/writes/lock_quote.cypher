// Lock a visible quote (and its opportunity: one accepted quote per opportunity) and read its facts.
MATCH (dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity)-[:QUOTED_AS]->(q:Quote {id: $id})
WHERE {{deal_visible(dr)}}
{{...write_lock(q)}}
{{...write_lock(o)}}
SET q.lock = coalesce(q.lock, 0) + 1, o.version = coalesce(o.version, 0) + 1
RETURN q.status AS status, o.stage AS stage,
       EXISTS { MATCH (o)-[:QUOTED_AS]->(:Quote {status: 'ACCEPTED'}) } AS accepted
