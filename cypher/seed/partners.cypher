// One batch of generated partners of one level, under parents created by an earlier batch.
UNWIND $rows AS row
CREATE (p:Partner {id: row.id, name: row.name, type: row.type, status: row.status, country: row.country,
                   currency: row.currency, createdAt: datetime(row.createdAt)})
WITH p, row WHERE row.parentId IS NOT NULL
MATCH (parent:Partner {id: row.parentId})
CREATE (parent)-[:PARENT_OF]->(p)
