// Lock fund claim $id, when its fund request is visible, for this transaction (a version bump) and read its facts.
MATCH (c:FundClaim {id: $id})-[:CLAIMS]->(r:FundRequest) WHERE {{fund_request_visible(r)}}
{{...write_lock(c)}}
SET c.version = coalesce(c.version, 0) + 1
RETURN c.status AS status, r.id AS requestId,
       head(COLLECT { MATCH (r)-[:DRAWS_ON]->(:FundAllocation)-[:ALLOCATED_TO]->(p:Partner) RETURN p.id }) AS partnerId
