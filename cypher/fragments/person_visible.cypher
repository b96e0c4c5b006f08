// needs: $scope
// internal: _staffOf
// Is person {var} visible to the viewer: the viewer themselves ($scope.person), enterprise staff, or staff of a
// partner inside the viewer's scope?
{var}.id = $scope.person
OR EXISTS { ({var})-[:EMPLOYED_BY]->(:InternalOrg) }
OR EXISTS { MATCH ({var})-[:MEMBER_OF]->(_staffOf:Partner) WHERE {{partner_visible(_staffOf)}} }
