// Submit fund request $row against its allocation (checked already), by person $personId.
MATCH (a:FundAllocation {id: $row.allocationId}), (by:Person {id: $personId})
CREATE (r:FundRequest {id: $row.id, name: $row.name, activityType: $row.activityType,
  description: $row.description, startDate: date($row.startDate), endDate: date($row.endDate),
  requestedAmount: $row.amount, currency: $row.currency, status: 'SUBMITTED', submittedAt: $now, updatedAt: $now,
  version: 0})
CREATE (r)-[:DRAWS_ON]->(a), (r)-[:SUBMITTED_BY]->(by)
RETURN r.id AS id,
       [{type: 'FundRequest', id: r.id, before: null, after: {{fund_logged(r)}}, scopeId: r.id,
         partnerId: head(COLLECT { MATCH (a)-[:ALLOCATED_TO]->(p:Partner) RETURN p.id })}] AS changes
