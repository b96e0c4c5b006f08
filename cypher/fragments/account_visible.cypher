// Is end-customer account {var} visible: served by a partner inside the viewer's scope?
$scope.all OR EXISTS { MATCH (servingPartner:Partner)-[:SERVES]->({var}) WHERE {{partner_visible(servingPartner)}} }
