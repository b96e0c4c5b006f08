// The claims of each visible fund request of $ids, oldest first.
UNWIND $ids AS id
MATCH (r:FundRequest {id: id}) WHERE {{fund_request_visible(r)}}
RETURN id AS requestId,
       COLLECT { MATCH (r)<-[:CLAIMS]-(c:FundClaim) WITH c ORDER BY c.submittedAt, c.id
                 RETURN {{fund_claim_record(c)}} } AS claims
