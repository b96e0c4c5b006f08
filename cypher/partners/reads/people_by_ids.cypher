// People are visible to the viewer when they are the viewer, enterprise staff, or staff of a visible partner.
UNWIND $ids AS personId
MATCH (person:Person {id: personId})
WHERE person.id = $viewerId
   OR EXISTS { (person)-[:EMPLOYED_BY]->(:InternalOrg) }
   OR EXISTS { MATCH (person)-[:MEMBER_OF]->(p:Partner) WHERE {{partner_visible(p)}} }
RETURN person {.id, .name, .email} AS person
