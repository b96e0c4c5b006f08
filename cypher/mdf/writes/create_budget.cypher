// Create MDF budget $row for its program (checked already).
MATCH (prog:Program {id: $row.programId})
CREATE (prog)-[:HAS_BUDGET]->(b:MdfBudget {id: $row.id, name: $row.name, fiscalPeriod: $row.fiscalPeriod,
  startDate: date($row.startDate), endDate: date($row.endDate), currency: $row.currency, amount: $row.amount,
  claimDays: $row.claimDays, createdAt: $now, updatedAt: $now, version: 0})
RETURN b.id AS id, [{type: 'MdfBudget', id: b.id, before: null, after: {{fund_logged(b)}}}] AS changes
