// Move a partner (with its whole subtree) under $parentId, or make it a root when $parentId is null.
MATCH (child:Partner {id: $childId})
OPTIONAL MATCH (:Partner)-[old:PARENT_OF]->(child)
DELETE old
WITH child
OPTIONAL MATCH (parent:Partner {id: $parentId})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | CREATE (parent)-[:PARENT_OF]->(child))
RETURN {{partner_record(child)}} AS partner
