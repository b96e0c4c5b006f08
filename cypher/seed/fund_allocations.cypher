// Fund allocations (seed/mdf.py) as allocate writes them, drawn from a budget or from the allocation above, in the
// currency of what they are drawn from. A row's source is an earlier row's (of this batch or an earlier one): the
// subquery runs row by row, so it sees what the rows before it created.
UNWIND $rows AS row
CALL (row) {
  OPTIONAL MATCH (b:MdfBudget {id: row.sourceId})
  OPTIONAL MATCH (up:FundAllocation {id: row.sourceId})
  WITH row, coalesce(b, up) AS source
  MATCH (p:Partner {id: row.partnerId}), (by:Person {id: row.createdBy})
  CREATE (a:FundAllocation {id: row.id, amount: row.amount, currency: source.currency, createdAt: datetime(row.at),
                            updatedAt: datetime(row.at), version: 0})
  CREATE (a)-[:DRAWN_FROM]->(source), (a)-[:ALLOCATED_TO]->(p), (a)-[:CREATED_BY]->(by)
}
