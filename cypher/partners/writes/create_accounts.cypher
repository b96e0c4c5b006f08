UNWIND $rows AS row
MATCH (p:Partner {id: row.partnerId})
CREATE (p)-[:SERVES {since: datetime()}]->(a:Account {id: row.id, name: row.name, country: row.country,
                                                      industry: row.industry, createdAt: datetime()})
RETURN a {.*, {{...account_times(a)}}} AS account
