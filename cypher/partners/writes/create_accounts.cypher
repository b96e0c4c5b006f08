// Create accounts, each served by its partner; each reports itself created (with its serving partner).
UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
CREATE (p)-[:SERVES {since: datetime()}]->(a:Account {id: row.id, name: row.name, country: row.country,
                                                      industry: row.industry, createdAt: datetime()})
RETURN {{account_record(a)}} AS account,
       [{type: 'Account', id: a.id, before: null, after: a {.*, partners: [p.id]}, partnerId: p.id}] AS changes
