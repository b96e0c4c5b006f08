// Conflicts as a submit detects them (cypher/queries/deal_setup/detect_conflicts.cypher), at the moment
// each registration was submitted: other partners' registrations for the same account submitted before it
// and still active (SUBMITTED, UNDER_REVIEW, or APPROVED and protected then) that share a product.
UNWIND $rows AS row
MATCH (dr:DealRegistration {id: row.id})-[:REGISTERED_BY]->(p:Partner), (dr)-[:FOR]->(a:Account)
WITH dr, p, a, datetime(row.at) AS at
MATCH (other:DealRegistration)-[:FOR]->(a)
WHERE other <> dr AND NOT EXISTS { (other)-[:REGISTERED_BY]->(p) } AND other.submittedAt < at
  AND (other.status IN ['SUBMITTED', 'UNDER_REVIEW'] OR (other.status = 'APPROVED' AND other.protectedUntil > at))
  AND (NOT EXISTS { (dr)-[:HAS_LINE]->() } OR NOT EXISTS { (other)-[:HAS_LINE]->() }
       OR EXISTS { (dr)-[:HAS_LINE]->(:LineItem)-[:OF]->(:Product)<-[:OF]-(:LineItem)<-[:HAS_LINE]-(other) })
MERGE (dr)-[c:CONFLICTS_WITH]->(other)
ON CREATE SET c.detectedAt = at,
              c.reason = CASE WHEN other.status = 'APPROVED' THEN 'the account is protected for another partner until '
                                   + toString(other.protectedUntil)
                              ELSE 'another partner registered a deal for the same account and product' END
SET other.lineageChangedAt = CASE WHEN other.lineageChangedAt < at THEN at ELSE other.lineageChangedAt END
