// Create NEW leads (checked already), each with the product it is about and who entered it.
UNWIND $rows AS row
MATCH (by:Person {id: $personId})
CREATE (l:Lead {id: row.id, name: row.name, company: row.company, contactName: row.contactName,
                contactEmail: row.contactEmail, country: row.country, estimatedAmount: row.estimatedAmount,
                currency: row.currency, source: row.source, status: 'NEW', createdAt: $now, updatedAt: $now,
                version: 0})
CREATE (l)-[:CREATED_BY]->(by)
WITH row, l
CALL (row, l) {
  MATCH (prod:Product {id: row.productId})
  CREATE (l)-[:INTERESTED_IN]->(prod)
}
RETURN l.id AS id,
       [{type: 'Lead', id: l.id, before: null, after: l {.*, product: row.productId}}] AS changes
