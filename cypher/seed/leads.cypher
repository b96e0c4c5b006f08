// Leads as routing, hand-offs and the partner's moves leave them: the lead, its offers in seq order, the partner
// holding it, and for a CONVERTED one a registration of that partner not linked to a lead yet (ACCEPTED instead
// when the partner has none). The routing counter moves past this batch's offers.
MATCH (counter:LeadRouting {id: 'leads'})
SET counter.offers = reduce(m = counter.offers, row IN $rows | CASE WHEN row.lastSeq > m THEN row.lastSeq ELSE m END)
WITH DISTINCT 1 AS one
UNWIND $rows AS row
MATCH (by:Person {id: 'gen-admin'}), (prod:Product {id: row.productId})
CREATE (l:Lead {id: row.id, name: row.name, company: row.company, contactName: row.contactName,
                contactEmail: row.contactEmail, country: row.country, estimatedAmount: row.estimatedAmount,
                currency: row.currency, source: row.source, status: row.status, unroutedReason: row.unroutedReason,
                disqualifyReason: row.disqualifyReason, acceptHours: row.acceptHours,
                createdAt: datetime(row.createdAt), updatedAt: datetime(row.updatedAt),
                routedAt: datetime(row.routedAt), acceptBy: datetime(row.acceptBy),
                acceptedAt: datetime(row.acceptedAt), closedAt: datetime(row.closedAt), version: 0})
CREATE (l)-[:CREATED_BY]->(by), (l)-[:INTERESTED_IN]->(prod)
WITH l, row
CALL (l, row) {
  UNWIND row.offers AS offer
  MATCH (p:Partner {id: offer.partnerId})
  CREATE (l)-[:OFFERED]->(:LeadOffer {id: offer.id, seq: offer.seq, at: datetime(offer.at),
                                      acceptBy: datetime(offer.acceptBy), outcome: offer.outcome,
                                      closedAt: datetime(offer.closedAt), ruleId: offer.ruleId,
                                      reason: offer.reason})-[:TO]->(p)
}
CALL (l, row) {
  MATCH (p:Partner {id: row.holderId})
  CREATE (l)-[:ROUTED_TO]->(p)
}
CALL (l, row) {
  WITH l, row WHERE row.status = 'CONVERTED'
  OPTIONAL CALL (row) {
    MATCH (:Partner {id: row.holderId})<-[:REGISTERED_BY]-(dr:DealRegistration)
    WHERE NOT EXISTS { (dr)<-[:CONVERTED_TO]-(:Lead) }
    RETURN dr ORDER BY dr.id LIMIT 1
  }
  FOREACH (_ IN CASE WHEN dr IS NULL THEN [] ELSE [1] END | CREATE (l)-[:CONVERTED_TO]->(dr))
  FOREACH (_ IN CASE WHEN dr IS NULL THEN [1] ELSE [] END | SET l.status = 'ACCEPTED', l.closedAt = null)
}
