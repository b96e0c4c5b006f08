// Is deal registration {var} (and so every opportunity, quote and order of its lineage) visible?
// Its registering partner must be in scope; a partner associate sees only what they submitted or own;
// a partner agent sees no selling records.
$scope.persona <> 'partner-agent'
AND EXISTS { MATCH ({var})-[:REGISTERED_BY]->(dealPartner:Partner) WHERE {{partner_visible(dealPartner)}} }
AND (NOT $scope.ownOnly OR EXISTS { MATCH ({var})-[:SUBMITTED_BY|OWNED_BY]->(dealPerson:Person) WHERE dealPerson.id = $scope.person })
