// needs: $scope
// internal: _webhookRoot
// May the viewer read webhook {var}? One registered for a partner subtree: enterprise staff and partner admins
// who see the subtree's root partner; one registered for everything (no subtree): enterprise staff only.
CASE WHEN {var}.subtreeId IS NULL THEN $scope.enterprise
  ELSE ($scope.enterprise OR $scope.persona = 'partner-admin')
    AND EXISTS { MATCH (_webhookRoot:Partner {id: {var}.subtreeId}) WHERE {{partner_visible(_webhookRoot)}} }
END
