// Register new people as staff of their partners; each reports itself created, with `memberOf` (the
// partner) and `partnerRole`.
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
CREATE (person:Person {id: row.id, name: row.name, email: row.email, createdAt: datetime()})
       -[:MEMBER_OF {role: row.role, since: datetime()}]->(p)
RETURN person {.id, .name, .email, partnerRole: row.role} AS person,
       [{type: 'Person', id: person.id, before: null, after: person {.*, memberOf: p.id, partnerRole: row.role},
         partnerId: p.id}] AS changes
