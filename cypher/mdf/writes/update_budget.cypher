// Set the amount and name of MDF budget $id (locked; the amount checked against what is allocated from it).
MATCH (b:MdfBudget {id: $id})
WITH b, {{fund_logged(b)}} AS before
SET b.amount = coalesce($amount, b.amount), b.name = coalesce($name, b.name), b.updatedAt = $now
RETURN b.id AS id, [{type: 'MdfBudget', id: b.id, before: before, after: {{fund_logged(b)}}}] AS changes
