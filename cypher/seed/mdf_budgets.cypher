// MDF budgets (seed/mdf.py), one per program and fiscal half, as createBudget writes them.
UNWIND $rows AS row
MATCH (prog:Program {id: row.programId})
CREATE (prog)-[:HAS_BUDGET]->(:MdfBudget {id: row.id, name: row.name, fiscalPeriod: row.fiscalPeriod,
  startDate: date(row.startDate), endDate: date(row.endDate), currency: row.currency, amount: row.amount,
  claimDays: row.claimDays, createdAt: datetime(row.createdAt), updatedAt: datetime(row.createdAt), version: 0})
