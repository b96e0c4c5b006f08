// A page of the visible MDF budgets by name: only those of program $programId (all when null).
MATCH (b:MdfBudget)
WHERE {{budget_visible(b)}} AND {{after_cursor(b)}}
  AND ($programId IS NULL OR EXISTS { MATCH (b)<-[:HAS_BUDGET]-(:Program {id: $programId}) })
WITH b ORDER BY b.name, b.id LIMIT $limit
RETURN {{budget_record(b)}} AS item
