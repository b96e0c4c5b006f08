// needs: $scope
// internal: _deletedDealPartner
// Is change record {var} of a deal registration that no longer exists (its tombstone, and the records of its
// lineage) visible? Through the partner it was registered by, as long as the viewer sees that partner; never
// to a partner agent, who reads no selling records.
$scope.persona <> 'partner-agent'
AND EXISTS { MATCH (_deletedDealPartner:Partner {id: {var}.partnerId}) WHERE {{partner_visible(_deletedDealPartner)}} }
