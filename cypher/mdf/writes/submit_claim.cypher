// Submit fund claim $row against fund request $row.requestId (locked and checked already), with its proofs of
// performance in the order given, by person $personId.
MATCH (r:FundRequest {id: $row.requestId}), (by:Person {id: $personId})
CREATE (c:FundClaim {id: $row.id, amount: $row.amount, currency: r.currency, status: 'SUBMITTED', submittedAt: $now,
                     updatedAt: $now, version: 0})
CREATE (c)-[:CLAIMS]->(r), (c)-[:SUBMITTED_BY]->(by)
WITH r, c
CALL (c) {
  UNWIND range(0, size($row.proofs) - 1) AS position
  WITH c, position, $row.proofs[position] AS proof
  CREATE (c)-[:PROVEN_BY]->(:ProofOfPerformance {id: c.id + '-' + position, position: position, name: proof.name,
    contentType: proof.contentType, size: proof.size, checksum: proof.checksum, storageRef: proof.storageRef})
}
RETURN c.id AS id,
       [{type: 'FundClaim', id: c.id, before: null, after: {{fund_logged(c)}}, scopeId: r.id,
         partnerId: head(COLLECT { MATCH (r)-[:DRAWS_ON]->(:FundAllocation)-[:ALLOCATED_TO]->(p:Partner) RETURN p.id })}]
       AS changes
