// Each partner's ancestors from the root down, each whole when in scope or by name only when it is
// an ancestor of the viewer's own organization; ancestors outside both are left out.
UNWIND $ids AS partnerId
MATCH path = (ancestor:Partner)-[:PARENT_OF*1..]->(:Partner {id: partnerId})
WITH partnerId, ancestor, length(path) AS distance,
     CASE
       WHEN {{partner_visible(ancestor)}} THEN 'FULL'
       WHEN {{name_only_ancestor(ancestor)}} THEN 'NAME'
     END AS access
WHERE access IS NOT NULL
ORDER BY distance DESC
RETURN partnerId,
       collect({access: access, partner: CASE access WHEN 'FULL' THEN {{partner_record(ancestor)}} ELSE ancestor {.name} END}) AS ancestors
