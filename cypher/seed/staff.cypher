UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
CREATE (:Person {id: row.id, name: row.name, email: row.email, createdAt: datetime(row.createdAt)})
       -[:MEMBER_OF {role: row.role, since: datetime(row.createdAt)}]->(p)
