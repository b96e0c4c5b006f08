// needs: $scope
// internal: _scopeRoot
// Is partner {var} inside the viewer's scope? $scope comes from auth.viewer.Viewer.scope.
$scope.all
OR {var}.id IN $scope.orgs
OR EXISTS { MATCH (_scopeRoot:Partner)-[:PARENT_OF*0..]->({var}) WHERE _scopeRoot.id IN $scope.roots }
