// Fund claims by id, each only when its fund request is visible (fund_request_visible).
UNWIND $ids AS id
MATCH (c:FundClaim {id: id})-[:CLAIMS]->(r:FundRequest) WHERE {{fund_request_visible(r)}}
RETURN {{fund_claim_record(c)}} AS claim
