// Name the owner of a registration locked earlier in this transaction (checked already: staff of its
// partner), replacing any previous owner.
MATCH (dr:DealRegistration {id: $id}), (owner:Person {id: $ownerId})
CALL (dr) {
  MATCH (dr)-[previous:OWNED_BY]->(:Person)
  DELETE previous
}
CREATE (dr)-[:OWNED_BY]->(owner)
SET dr.updatedAt = $now, dr.lineageChangedAt = $now
RETURN dr.id AS id
