// needs: none
// internal: _x
// Fund allocation {var} as a record map for graph.mdf.records.FundAllocationRecord, temporals as ISO text: what it
// passed down and what is committed against it, the partner it went to, what it was drawn from (a budget, or the
// allocation above it) and its budget.
{var} {.*, createdAt: toString({var}.createdAt), updatedAt: toString({var}.updatedAt),
       passedDown: {{allocation_passed_down({var})}}, committed: {{allocation_committed({var})}},
       partnerId: head(COLLECT { MATCH ({var})-[:ALLOCATED_TO]->(_x:Partner) RETURN _x.id }),
       parentId: head(COLLECT { MATCH ({var})-[:DRAWN_FROM]->(_x:FundAllocation) RETURN _x.id }),
       budgetId: head(COLLECT { MATCH ({var})-[:DRAWN_FROM*1..]->(_x:MdfBudget) RETURN _x.id })}
