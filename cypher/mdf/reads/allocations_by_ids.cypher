// Fund allocations by id, each only when visible (fund_allocation_visible).
UNWIND $ids AS id
MATCH (a:FundAllocation {id: id}) WHERE {{fund_allocation_visible(a)}}
RETURN {{fund_allocation_record(a)}} AS allocation
