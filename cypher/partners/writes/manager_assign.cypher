MATCH (p:Partner {id: $partnerId}), (rm:Person {id: $personId})
MERGE (rm)-[:MANAGES]->(p)
RETURN {{partner_record(p)}} AS partner
