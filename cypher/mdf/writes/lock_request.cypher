// Lock visible fund request $id for this transaction (a version bump) and read its facts: status, amounts, its
// allocation and partner, who submitted it, the last day to claim, and what its live claims add up to.
MATCH (r:FundRequest {id: $id}) WHERE {{fund_request_visible(r)}}
{{...write_lock(r)}}
SET r.version = coalesce(r.version, 0) + 1
RETURN r.status AS status, r.requestedAmount AS requestedAmount, r.approvedAmount AS approvedAmount,
       r.currency AS currency, r.endDate AS endDate, {{claim_by(r)}} AS claimBy,
       head(COLLECT { MATCH (r)-[:DRAWS_ON]->(a:FundAllocation) RETURN a.id }) AS allocationId,
       head(COLLECT { MATCH (r)-[:DRAWS_ON]->(:FundAllocation)-[:ALLOCATED_TO]->(p:Partner) RETURN p.id }) AS partnerId,
       head(COLLECT { MATCH (r)-[:SUBMITTED_BY]->(s:Person) RETURN s.id }) AS submittedById,
       reduce(t = 0, x IN COLLECT { MATCH (r)<-[:CLAIMS]-(c:FundClaim) WHERE c.status IN $liveClaims RETURN c.amount }
              | t + x) AS claimed,
       COUNT { MATCH (r)<-[:CLAIMS]-(c:FundClaim) WHERE c.status IN $liveClaims } AS liveClaims
