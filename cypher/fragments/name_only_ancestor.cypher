// needs: $scope
// internal: _own
// Is partner {var} an ancestor of the viewer's own organization (seen by name only)?
EXISTS { MATCH ({var})-[:PARENT_OF*1..]->(_own:Partner) WHERE _own.id IN $scope.nameOf }
