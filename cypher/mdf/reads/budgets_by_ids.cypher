// MDF budgets by id, each only when visible (budget_visible).
UNWIND $ids AS id
MATCH (b:MdfBudget {id: id}) WHERE {{budget_visible(b)}}
RETURN {{budget_record(b)}} AS budget
