// Facts a new fund request against allocation $allocationId is checked against: the allocation (visible), its
// partner, currency and what is still available from it, and whether the key is taken.
OPTIONAL MATCH (a:FundAllocation {id: $allocationId}) WHERE {{fund_allocation_visible(a)}}
RETURN a IS NOT NULL AS allocationFound, a.currency AS currency,
       head(COLLECT { MATCH (a)-[:ALLOCATED_TO]->(p:Partner) RETURN p.id }) AS partnerId,
       a.amount - {{allocation_passed_down(a)}} - {{allocation_committed(a)}} AS available,
       EXISTS { MATCH (:FundRequest {id: $id}) } AS keyTaken
