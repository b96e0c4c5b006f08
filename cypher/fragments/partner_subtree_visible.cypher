// needs: $scope
// internal: _scopeRoot
// Is partner {var} visible with its whole subtree: every partner is, or {var} is inside the subtree of one of
// $scope.roots? Every partner below it is then visible too, so a query that reaches children from a partner
// checks this once for the parent instead of partner_visible for every child.
$scope.all
OR EXISTS { MATCH (_scopeRoot:Partner)-[:PARENT_OF*0..]->({var}) WHERE _scopeRoot.id IN $scope.roots }
