// What is drawn from MDF budget $id (locked already, so no other allocation from it is under way).
MATCH (b:MdfBudget {id: $id})
RETURN {{budget_allocated(b)}} AS drawn
