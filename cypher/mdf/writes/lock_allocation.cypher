// Lock visible fund allocation $id for this transaction (write_lock: every sub-allocation from it and every
// approval of a request against it takes this lock first) and read its facts.
MATCH (a:FundAllocation {id: $id}) WHERE {{fund_allocation_visible(a)}}
{{...write_lock(a)}}
SET a.version = coalesce(a.version, 0) + 1
RETURN a.amount AS amount, a.currency AS currency,
       head(COLLECT { MATCH (a)-[:ALLOCATED_TO]->(p:Partner) RETURN p.id }) AS partnerId,
       head(COLLECT { MATCH (a)-[:DRAWN_FROM*1..]->(b:MdfBudget)<-[:HAS_BUDGET]-(prog:Program) RETURN prog.id }) AS programId
