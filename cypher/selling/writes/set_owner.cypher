// Name the owner of a registration locked earlier in this transaction (checked already: staff of its
// partner), replacing any previous owner.
MATCH (dr:DealRegistration {id: $id})-[:REGISTERED_BY]->(p:Partner), (owner:Person {id: $ownerId})
WITH dr, p, owner, head(COLLECT { MATCH (dr)-[:OWNED_BY]->(was:Person) RETURN was.id }) AS was
CALL (dr) {
  MATCH (dr)-[previous:OWNED_BY]->(:Person)
  DELETE previous
}
CREATE (dr)-[:OWNED_BY]->(owner)
SET dr.updatedAt = $now, dr.lineageChangedAt = $now
RETURN dr.id AS id,
       [{type: 'DealRegistration', id: dr.id, before: {owner: was}, after: {owner: owner.id}, partnerId: p.id,
         lineageId: dr.id}] AS changes
