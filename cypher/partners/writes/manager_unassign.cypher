MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (:Person {id: $personId})-[managed:MANAGES]->(p)
DELETE managed
RETURN p {.*, {{...partner_times(p)}}} AS partner
