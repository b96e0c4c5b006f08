// Lock visible MDF budget $id for this transaction (write_lock: every allocation from it takes this lock first,
// so the sum of its allocations is read after any other allocation committed) and read its facts.
MATCH (b:MdfBudget {id: $id}) WHERE {{budget_visible(b)}}
{{...write_lock(b)}}
SET b.version = coalesce(b.version, 0) + 1
RETURN b.amount AS amount, b.currency AS currency,
       head(COLLECT { MATCH (b)<-[:HAS_BUDGET]-(prog:Program) RETURN prog.id }) AS programId
