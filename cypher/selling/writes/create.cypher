// Create DRAFT deal registrations with their line items, optional owner and optional fund request that generated
// them (checked already).
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId}), (a:Account {id: row.accountId}), (prog:Program {id: row.programId}),
      (by:Person {id: $personId})
CREATE (dr:DealRegistration {id: row.id, name: row.name, status: 'DRAFT', estimatedAmount: row.estimatedAmount,
                             currency: row.currency, expectedCloseDate: row.expectedCloseDate,
                             createdAt: $now, updatedAt: $now, lineageChangedAt: $now, version: 0})
CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(by)
WITH row, dr, p, a, prog
CALL (row, dr) {
  UNWIND row.lines AS line
  MATCH (prod:Product {id: line.productId})
  CREATE (dr)-[:HAS_LINE]->(:LineItem {id: line.id, quantity: line.quantity, unitPrice: line.unitPrice})-[:OF]->(prod)
}
CALL (row, dr) {
  MATCH (owner:Person {id: row.ownerId})
  CREATE (dr)-[:OWNED_BY]->(owner)
}
CALL (row, dr) {
  MATCH (fr:FundRequest {id: row.fundRequestId})
  CREATE (dr)-[:INFLUENCED_BY]->(fr)
}
RETURN dr.id AS id,
       [{type: 'DealRegistration', id: dr.id, before: null, partnerId: p.id, lineageId: dr.id,
         after: dr {.*, partner: p.id, account: a.id, program: prog.id, owner: row.ownerId, fundRequest: row.fundRequestId,
                    lines: [line IN row.lines | {product: line.productId, quantity: line.quantity,
                                                 unitPrice: line.unitPrice}]}}] AS changes
