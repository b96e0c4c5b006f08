// needs: $scope
// internal: _fundSubmitter, _fundAllocation
// Is fund request {var} (and so each of its claims) visible? As its allocation (fund_allocation_visible), and to a
// partner associate only when they submitted it.
(NOT $scope.ownOnly OR EXISTS { MATCH ({var})-[:SUBMITTED_BY]->(_fundSubmitter:Person) WHERE _fundSubmitter.id = $scope.person })
AND EXISTS { MATCH ({var})-[:DRAWS_ON]->(_fundAllocation:FundAllocation) WHERE {{fund_allocation_visible(_fundAllocation)}} }
