MATCH (p:Partner {id: $partnerId})
OPTIONAL MATCH (:Person {id: $personId})-[managed:MANAGES]->(p)
DELETE managed
RETURN {{partner_record(p)}} AS partner
