// Fund requests by id, each only when visible (fund_request_visible).
UNWIND $ids AS id
MATCH (r:FundRequest {id: id}) WHERE {{fund_request_visible(r)}}
RETURN {{fund_request_record(r)}} AS request
