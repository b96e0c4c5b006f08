// needs: $scope
// Is MDF budget {var} visible? Budgets are the enterprise's plan: its admins, executives and relationship managers
// read them (every budget); partners see only what was allocated to them, partner agents no MDF at all.
$scope.persona IN ['enterprise-admin', 'enterprise-executive', 'relationship-manager']
