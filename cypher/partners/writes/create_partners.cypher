// Create partners in input order, so a parent created earlier in the batch is there for its children.
// Each reports itself created, with its `parent`.
UNWIND $rows AS row
CREATE (p:Partner {id: row.id, name: row.name, type: row.type, status: row.status, country: row.country,
                   currency: row.currency, createdAt: datetime()})
WITH p, row
OPTIONAL MATCH (parent:Partner {id: row.parentId})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | CREATE (parent)-[:PARENT_OF]->(p))
RETURN {{partner_record(p)}} AS partner,
       [{type: 'Partner', id: p.id, before: null, after: p {.*, parent: parent.id}, partnerId: p.id}] AS changes
