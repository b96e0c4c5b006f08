UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
CREATE (p)-[:SERVES {since: datetime()}]->(a:Account {id: row.id, name: row.name, country: row.country,
                                                      industry: row.industry, createdAt: datetime()})
RETURN {{account_record(a)}} AS account
