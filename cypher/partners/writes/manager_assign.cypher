MATCH (p:Partner {id: $partnerId}), (rm:Person {id: $personId})
MERGE (rm)-[:MANAGES]->(p)
RETURN p {.*, {{...partner_times(p)}}} AS partner
