// The enterprise: internal organizations and their staff (admins, executives, relationship managers, agents).
UNWIND $orgs AS org
MERGE (:InternalOrg {id: org.id, name: org.name})
WITH count(*) AS orgs
UNWIND $people AS row
MATCH (unit:InternalOrg {id: row.orgId})
CREATE (:Person {id: row.id, name: row.name, email: row.email})-[:EMPLOYED_BY {role: row.role}]->(unit)
