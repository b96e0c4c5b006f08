// One page of the partners the viewer may see, in the order asked for ($orderBy field, $descending),
// ties broken by id; $after is the keyset position {value, id} of the previous page's last row.
CALL () {
  MATCH (p:Partner) WHERE $scope.all RETURN p
  UNION
  MATCH (root:Partner)-[:PARENT_OF*0..]->(p:Partner) WHERE root.id IN $scope.roots RETURN p
  UNION
  MATCH (p:Partner) WHERE p.id IN $scope.orgs RETURN p
}
WITH p, CASE $orderBy
          WHEN 'COUNTRY' THEN coalesce(p.country, '')
          WHEN 'STATUS' THEN p.status
          WHEN 'CREATED_AT' THEN coalesce(p.createdAt.epochMillis, 0)
          ELSE p.name
        END AS sortValue
WHERE {{partner_filter(p)}}
  AND ($after IS NULL
       OR (NOT $descending AND (sortValue > $after.value OR (sortValue = $after.value AND p.id > $after.id)))
       OR ($descending AND (sortValue < $after.value OR (sortValue = $after.value AND p.id < $after.id))))
RETURN p {.*, {{...partner_times(p)}}} AS partner, sortValue
ORDER BY CASE WHEN $descending THEN null ELSE sortValue END,
         CASE WHEN $descending THEN sortValue END DESC,
         CASE WHEN $descending THEN null ELSE p.id END,
         CASE WHEN $descending THEN p.id END DESC
LIMIT $limit
