// Deal registrations with their whole lineage, as the selling domain writes them: lines, decision,
// protection, closure; a converted one's opportunity, quote versions (REVISES) and the order of the
// accepted quote. The account is one the partner serves (picked by row.accountPick), else the fallback
// account, which the partner then serves.
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId}), (prog:Program {id: row.programId}), (by:Person {id: row.submittedBy})
WITH row, p, prog, by, COLLECT { MATCH (p)-[:SERVES]->(a:Account) RETURN a ORDER BY a.id } AS served
CALL (row, p, served) {
  OPTIONAL MATCH (f:Account {id: row.fallbackAccountId}) WHERE size(served) = 0
  FOREACH (_ IN CASE WHEN f IS NULL THEN [] ELSE [1] END |
    MERGE (p)-[s:SERVES]->(f) ON CREATE SET s.since = datetime(row.createdAt))
  RETURN f AS fallback
}
WITH row, p, prog, by, CASE WHEN size(served) > 0 THEN served[row.accountPick % size(served)] ELSE fallback END AS a
CREATE (dr:DealRegistration {id: row.id, name: row.name, status: row.status, estimatedAmount: row.estimatedAmount,
                             currency: row.currency, expectedCloseDate: date(row.expectedCloseDate),
                             createdAt: datetime(row.createdAt), updatedAt: datetime(row.updatedAt),
                             submittedAt: datetime(row.submittedAt), reviewDeadline: datetime(row.reviewDeadline),
                             decidedAt: datetime(row.decidedAt), decidedBy: row.decidedBy,
                             decisionReason: row.decisionReason, protectedUntil: datetime(row.protectedUntil),
                             closureCode: row.closureCode, closedAt: datetime(row.closedAt),
                             lineageChangedAt: datetime(row.lineageChangedAt), version: 0})
CREATE (dr)-[:REGISTERED_BY]->(p), (dr)-[:FOR]->(a), (dr)-[:IN]->(prog), (dr)-[:SUBMITTED_BY]->(by)
WITH row, dr
CALL (row, dr) {
  UNWIND row.lines AS line
  MATCH (prod:Product {id: line.productId})
  CREATE (dr)-[:HAS_LINE]->(:LineItem {id: line.id, quantity: line.quantity})-[:OF]->(prod)
}
CALL (row, dr) {
  MATCH (owner:Person {id: row.ownerId})
  CREATE (dr)-[:OWNED_BY]->(owner)
}
CALL (row, dr) {
  WITH row.opportunity AS opp, dr WHERE opp IS NOT NULL
  CREATE (dr)-[:CONVERTED_TO]->(o:Opportunity {id: opp.id, name: opp.name, stage: opp.stage, amount: opp.amount,
                                               currency: opp.currency, createdAt: datetime(opp.createdAt),
                                               updatedAt: datetime(opp.updatedAt), closedAt: datetime(opp.closedAt),
                                               version: 0})
  WITH o, opp
  UNWIND opp.quotes AS qr
  CREATE (o)-[:QUOTED_AS]->(q:Quote {id: qr.id, name: o.name + ' v' + toString(qr.version), version: qr.version,
                                     status: qr.status, currency: o.currency, discountPercent: qr.discountPercent,
                                     subtotal: qr.subtotal, total: qr.total, createdAt: datetime(qr.createdAt),
                                     updatedAt: datetime(qr.updatedAt)})
  WITH o, q, qr
  CALL (q, qr) {
    UNWIND qr.lines AS line
    MATCH (prod:Product {id: line.productId})
    CREATE (q)-[:HAS_LINE]->(:LineItem {id: line.id, quantity: line.quantity, unitPrice: line.unitPrice})-[:OF]->(prod)
  }
  CALL (q, qr) {
    WITH q, qr.order AS ord WHERE ord IS NOT NULL
    CREATE (q)-[:ORDERED_AS]->(:Order {id: ord.id, name: q.name, status: ord.status, total: q.total, currency: q.currency,
                                       placedAt: datetime(ord.placedAt), updatedAt: datetime(ord.updatedAt)})
  }
  WITH o, q ORDER BY q.version
  WITH o, collect(q) AS versions
  UNWIND range(1, size(versions) - 1) AS i
  WITH versions[i] AS newer, versions[i - 1] AS older
  CREATE (newer)-[:REVISES]->(older)
}
