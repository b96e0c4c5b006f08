// Before opening a case: is the partner in the opener's scope, the account visible and served by the
// partner (or a partner below it), the ABOUT target there, the owner staff of the partner, the key
// taken; and the SLA policy the case falls under: the fastest one set for $priority by a segment of
// the partner's partnerships that are not TERMINATED, else the default one for $priority.
OPTIONAL MATCH (p:Partner {id: $partnerId}) WHERE {{partner_visible(p)}}
OPTIONAL MATCH (a:Account {id: $accountId}) WHERE {{account_visible(a)}}
RETURN p IS NOT NULL AS partnerFound,
       a IS NOT NULL AS accountFound,
       EXISTS { MATCH (p)-[:PARENT_OF*0..]->(:Partner)-[:SERVES]->(a) } AS accountServed,
       (EXISTS { MATCH (x:Product {id: $aboutId}) WHERE $aboutLabel = 'Product' }
                     OR EXISTS { MATCH (x:Order {id: $aboutId}) WHERE $aboutLabel = 'Order' }
                     OR EXISTS { MATCH (x:DealRegistration {id: $aboutId}) WHERE $aboutLabel = 'DealRegistration' }) AS aboutFound,
       EXISTS { MATCH (owner:Person {id: $ownerId})-[:MEMBER_OF]->(p) } AS ownerFound,
       EXISTS { MATCH (:Case {id: $id}) } AS keyTaken,
       coalesce(
         head(COLLECT { MATCH (p)-[:HAS]->(ps:Partnership)-[:AT]->(s:Segment)-[:HAS_SLA]->(pol:SlaPolicy)
                        WHERE ps.status <> 'TERMINATED' AND pol.priority = $priority
                        RETURN pol.id ORDER BY pol.resolutionMinutes, pol.responseMinutes, s.rank, pol.id }),
         head(COLLECT { MATCH (pol:SlaPolicy {isDefault: true, priority: $priority}) RETURN pol.id ORDER BY pol.id })
       ) AS policyId
