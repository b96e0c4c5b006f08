// Lock a visible deal registration for this transaction (a version bump) and read its facts.
MATCH (dr:DealRegistration {id: $id})-[:REGISTERED_BY]->(p:Partner)
WHERE {{deal_visible(dr)}}
{{...write_lock(dr)}}
SET dr.version = coalesce(dr.version, 0) + 1
RETURN dr.status AS status, dr.currency AS currency, dr.estimatedAmount AS estimatedAmount, dr.name AS name,
       p.id AS partnerId,
       head(COLLECT { MATCH (dr)-[:FOR]->(a:Account) RETURN a.id }) AS accountId,
       COLLECT { MATCH (dr)-[:HAS_LINE]->(:LineItem)-[:OF]->(prod:Product) RETURN prod.id } AS productIds
