// One page of the partners the viewer may see, ordered by name then id (keyset cursor $after).
CALL () {
  MATCH (p:Partner) WHERE $scope.all RETURN p
  UNION
  MATCH (root:Partner)-[:PARENT_OF*0..]->(p:Partner) WHERE root.id IN $scope.roots RETURN p
  UNION
  MATCH (p:Partner) WHERE p.id IN $scope.orgs RETURN p
}
WITH p
WHERE {{after_cursor(p)}} AND {{partner_filter(p)}}
RETURN p {.*} AS partner
ORDER BY p.name, p.id
LIMIT $limit
