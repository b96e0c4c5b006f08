// needs: $scope
// internal: _fundHolder
// Is fund allocation {var} visible? When the partner it was allocated to is in scope (partner_visible): the
// partner's staff (associates too: they request funds from it), the admins and managers of its ancestors (a
// distributor sees what it passed down), its relationship managers, enterprise admins and executives. Partner
// agents see no MDF.
$scope.persona <> 'partner-agent'
AND EXISTS { MATCH ({var})-[:ALLOCATED_TO]->(_fundHolder:Partner) WHERE {{partner_visible(_fundHolder)}} }
