// Fund claims (seed/mdf.py) in their request's currency with their proofs of performance in order, as submitClaim
// and moveFundClaim leave them.
UNWIND $rows AS row
MATCH (r:FundRequest {id: row.requestId}), (by:Person {id: row.submittedBy})
CREATE (c:FundClaim {id: row.id, amount: row.amount, currency: r.currency, status: row.status,
  submittedAt: datetime(row.submittedAt), updatedAt: datetime(row.updatedAt), decidedAt: datetime(row.decidedAt),
  decidedBy: row.decidedBy, decisionReason: row.decisionReason, paidAt: datetime(row.paidAt),
  paymentReference: row.paymentReference, version: 0})
CREATE (c)-[:CLAIMS]->(r), (c)-[:SUBMITTED_BY]->(by)
WITH c, row
CALL (c, row) {
  UNWIND row.proofs AS proof
  CREATE (c)-[:PROVEN_BY]->(:ProofOfPerformance {id: c.id + '-' + proof.position, position: proof.position,
    name: proof.name, contentType: proof.contentType, size: proof.size, checksum: proof.checksum,
    storageRef: proof.storageRef})
}
