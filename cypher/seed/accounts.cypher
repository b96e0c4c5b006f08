UNWIND $rows AS row
CREATE (a:Account {id: row.id, name: row.name, country: row.country, industry: row.industry,
                   createdAt: datetime(row.createdAt)})
WITH a, row
UNWIND row.partnerIds AS partnerId
MATCH (p:Partner {id: partnerId})
CREATE (p)-[:SERVES {since: datetime(row.createdAt)}]->(a)
