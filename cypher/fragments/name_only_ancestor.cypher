// Is partner {var} an ancestor of the viewer's own organization (seen by name only)?
EXISTS { MATCH ({var})-[:PARENT_OF*1..]->(own:Partner) WHERE own.id IN $scope.nameOf }
