// needs: none
// internal: _x
// Fund claim {var} as a record map for graph.mdf.records.FundClaimRecord, temporals as ISO text, with its proofs of
// performance (metadata only: the files stay outside the graph) in the order they were given.
{var} {.*, submittedAt: toString({var}.submittedAt), updatedAt: toString({var}.updatedAt),
       decidedAt: toString({var}.decidedAt), paidAt: toString({var}.paidAt),
       requestId: head(COLLECT { MATCH ({var})-[:CLAIMS]->(_x:FundRequest) RETURN _x.id }),
       submittedById: head(COLLECT { MATCH ({var})-[:SUBMITTED_BY]->(_x:Person) RETURN _x.id }),
       proofs: COLLECT { MATCH ({var})-[:PROVEN_BY]->(_x:ProofOfPerformance) WITH _x ORDER BY _x.position
                         RETURN _x {.name, .contentType, .size, .checksum, .storageRef} }}
