// On submit: attach as conflicts the active registrations of other partners for the same account that
// share a product (or where either has no line items): SUBMITTED, UNDER_REVIEW, or APPROVED and still
// protected at $now.
MATCH (dr:DealRegistration {id: $id})-[:REGISTERED_BY]->(p:Partner), (dr)-[:FOR]->(a:Account)
MATCH (other:DealRegistration)-[:FOR]->(a)
WHERE other <> dr AND NOT EXISTS { (other)-[:REGISTERED_BY]->(p) }
  AND ({{deal_in_review(other)}} OR (other.status = 'APPROVED' AND other.protectedUntil > $now))
  AND (NOT EXISTS { (dr)-[:HAS_LINE]->() } OR NOT EXISTS { (other)-[:HAS_LINE]->() }
       OR EXISTS { (dr)-[:HAS_LINE]->(:LineItem)-[:OF]->(:Product)<-[:OF]-(:LineItem)<-[:HAS_LINE]-(other) })
MERGE (dr)-[c:CONFLICTS_WITH]->(other)
ON CREATE SET c.detectedAt = $now,
              c.reason = CASE WHEN other.status = 'APPROVED' THEN 'the account is protected for another partner until '
                                   + toString(other.protectedUntil)
                              ELSE 'another partner registered a deal for the same account and product' END
SET other.lineageChangedAt = $now
RETURN count(other) AS conflicts
