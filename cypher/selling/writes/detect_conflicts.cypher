// On submit: attach as conflicts the active registrations of other partners for the same account that
// share a product (or where either has no line items): SUBMITTED, UNDER_REVIEW, or APPROVED and still
// protected at $now. Both ends report their `conflicts` (the ids of the registrations they conflict with).
MATCH (dr:DealRegistration {id: $id})-[:REGISTERED_BY]->(p:Partner), (dr)-[:FOR]->(a:Account)
WITH dr, p, a, COLLECT { MATCH (dr)-[:CONFLICTS_WITH]-(x:DealRegistration) RETURN x.id ORDER BY x.id } AS was
CALL (dr, p, a) {
  MATCH (other:DealRegistration)-[:FOR]->(a)
  WHERE other <> dr AND NOT EXISTS { (other)-[:REGISTERED_BY]->(p) }
    AND ({{deal_in_review(other)}} OR (other.status = 'APPROVED' AND other.protectedUntil > $now))
    AND (NOT EXISTS { (dr)-[:HAS_LINE]->() } OR NOT EXISTS { (other)-[:HAS_LINE]->() }
         OR EXISTS { (dr)-[:HAS_LINE]->(:LineItem)-[:OF]->(:Product)<-[:OF]-(:LineItem)<-[:HAS_LINE]-(other) })
  MATCH (other)-[:REGISTERED_BY]->(otherPartner:Partner)
  WITH dr, other, otherPartner,
       COLLECT { MATCH (other)-[:CONFLICTS_WITH]-(x:DealRegistration) RETURN x.id ORDER BY x.id } AS otherWas
  MERGE (dr)-[c:CONFLICTS_WITH]->(other)
  ON CREATE SET c.detectedAt = $now,
                c.reason = CASE WHEN other.status = 'APPROVED' THEN 'the account is protected for another partner until '
                                     + toString(other.protectedUntil)
                                ELSE 'another partner registered a deal for the same account and product' END
  SET other.lineageChangedAt = $now
  RETURN collect({type: 'DealRegistration', id: other.id, before: {conflicts: otherWas},
                  after: {conflicts: COLLECT { MATCH (other)-[:CONFLICTS_WITH]-(x:DealRegistration) RETURN x.id ORDER BY x.id }},
                  partnerId: otherPartner.id, lineageId: other.id}) AS others
}
RETURN size(others) AS conflicts,
       others + [{type: 'DealRegistration', id: dr.id, before: {conflicts: was},
                  after: {conflicts: COLLECT { MATCH (dr)-[:CONFLICTS_WITH]-(x:DealRegistration) RETURN x.id ORDER BY x.id }},
                  partnerId: p.id, lineageId: dr.id}] AS changes
