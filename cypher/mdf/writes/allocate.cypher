// Allocate $row.amount to partner $row.partnerId from $row.sourceId (an MDF budget or a fund allocation, locked and
// checked already), in the source's currency, by person $personId.
CALL () {
  MATCH (source:MdfBudget {id: $row.sourceId}) RETURN source
  UNION
  MATCH (source:FundAllocation {id: $row.sourceId}) RETURN source
}
MATCH (p:Partner {id: $row.partnerId}), (by:Person {id: $personId})
CREATE (a:FundAllocation {id: $row.id, amount: $row.amount, currency: source.currency, createdAt: $now,
                          updatedAt: $now, version: 0})
CREATE (a)-[:DRAWN_FROM]->(source), (a)-[:ALLOCATED_TO]->(p), (a)-[:CREATED_BY]->(by)
RETURN a.id AS id,
       [{type: 'FundAllocation', id: a.id, before: null, after: {{fund_logged(a)}}, partnerId: p.id}] AS changes
