// The parent of each child: whole when in scope, by name only when it is an ancestor of the
// viewer's own organization (partner admin and manager), otherwise nothing.
UNWIND $childIds AS childId
MATCH (parent:Partner)-[:PARENT_OF]->(:Partner {id: childId})
WITH childId, parent,
     CASE
       WHEN {{partner_visible(parent)}} THEN 'FULL'
       WHEN {{name_only_ancestor(parent)}} THEN 'NAME'
     END AS access
WHERE access IS NOT NULL
RETURN childId, access, CASE access WHEN 'FULL' THEN {{partner_record(parent)}} ELSE parent {.name} END AS partner
