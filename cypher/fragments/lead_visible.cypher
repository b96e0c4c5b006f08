// needs: $scope
// internal: _leadHolder
// Is lead {var} visible? Enterprise admins and executives see every lead (routed or not); everyone else only a
// lead routed now to a partner in their scope (ROUTED_TO: the partner holding it; a lead re-routed away is gone
// from the partner that had it): relationship managers of its partner's subtree, the admins and managers of that
// partner and its ancestors, and the associate it is assigned to (lead_record_visible). Partner agents see none.
{{lead_record_visible({var})}}
AND ($scope.all OR EXISTS { MATCH ({var})-[:ROUTED_TO]->(_leadHolder:Partner) WHERE {{partner_visible(_leadHolder)}} })
