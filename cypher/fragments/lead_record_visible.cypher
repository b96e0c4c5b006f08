// needs: $scope
// internal: _leadAssignee
// The persona's part of lead_visible, for lead {var} routed to a partner already known to be in scope: a partner
// agent sees no leads; a partner associate sees the leads assigned to them.
$scope.persona <> 'partner-agent'
AND (NOT $scope.ownOnly OR EXISTS { MATCH ({var})-[:ASSIGNED_TO]->(_leadAssignee:Person) WHERE _leadAssignee.id = $scope.person })
