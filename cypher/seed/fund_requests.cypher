// Fund requests (seed/mdf.py) in their allocation's currency, as submitRequest, decideFundRequest and
// cancelFundRequest leave them.
UNWIND $rows AS row
MATCH (a:FundAllocation {id: row.allocationId}), (by:Person {id: row.submittedBy})
CREATE (r:FundRequest {id: row.id, name: row.name, activityType: row.activityType, description: row.description,
  startDate: date(row.startDate), endDate: date(row.endDate), requestedAmount: row.requestedAmount,
  approvedAmount: row.approvedAmount, currency: a.currency, status: row.status,
  submittedAt: datetime(row.submittedAt), updatedAt: datetime(row.updatedAt), decidedAt: datetime(row.decidedAt),
  decidedBy: row.decidedBy, decisionReason: row.decisionReason, cancelledAt: datetime(row.cancelledAt),
  cancelReason: row.cancelReason, version: 0})
CREATE (r)-[:DRAWS_ON]->(a), (r)-[:SUBMITTED_BY]->(by)
