UNWIND $rows AS row
MATCH (rm:Person {id: row.managerId}), (p:Partner {id: row.partnerId})
CREATE (rm)-[:MANAGES]->(p)
