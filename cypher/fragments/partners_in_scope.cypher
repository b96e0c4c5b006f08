// needs: $scope
// internal: _scopeRoot
// Binds {var} to each partner the viewer may see (partner_visible, as a listing): every partner, the subtrees of
// $scope.roots, the partners of $scope.orgs. Inserted bare: `{{...partners_in_scope(p)}}` is a whole clause.
CALL () {
  MATCH ({var}:Partner) WHERE $scope.all RETURN {var}
  UNION
  MATCH (_scopeRoot:Partner)-[:PARENT_OF*0..]->({var}:Partner) WHERE _scopeRoot.id IN $scope.roots RETURN {var}
  UNION
  MATCH ({var}:Partner) WHERE {var}.id IN $scope.orgs RETURN {var}
}
