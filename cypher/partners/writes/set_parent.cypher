// Move a partner (with its whole subtree) under $parentId, or make it a root when $parentId is null.
// The partner reports its `parent` before and after (its subtree moves along, each keeping its own parent).
MATCH (child:Partner {id: $childId})
WITH child, head(COLLECT { MATCH (was:Partner)-[:PARENT_OF]->(child) RETURN was.id }) AS was
OPTIONAL MATCH (:Partner)-[old:PARENT_OF]->(child)
DELETE old
WITH child, was
OPTIONAL MATCH (parent:Partner {id: $parentId})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | CREATE (parent)-[:PARENT_OF]->(child))
RETURN {{partner_record(child)}} AS partner,
       [{type: 'Partner', id: child.id, before: {parent: was},
         after: {parent: head(COLLECT { MATCH (current:Partner)-[:PARENT_OF]->(child) RETURN current.id })},
         partnerId: child.id}] AS changes
