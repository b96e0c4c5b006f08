// needs: $scope
// internal: _dealPerson
// The persona's part of deal_visible, for deal registration {var} of a partner already known to be in
// scope: a partner associate sees only what they submitted or own; a partner agent sees no selling records.
$scope.persona <> 'partner-agent'
AND (NOT $scope.ownOnly OR EXISTS { MATCH ({var})-[:SUBMITTED_BY|OWNED_BY]->(_dealPerson:Person) WHERE _dealPerson.id = $scope.person })
