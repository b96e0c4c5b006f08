// needs: $scope
// internal: _servingPartner
// Is end-customer account {var} visible: served by a partner inside the viewer's scope?
$scope.all OR EXISTS { MATCH (_servingPartner:Partner)-[:SERVES]->({var}) WHERE {{partner_visible(_servingPartner)}} }
