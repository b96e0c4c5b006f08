// needs: $scope
// Is program {var} visible? $scope.enterprise is true for enterprise staff, who see every program;
// partner staff see every program that is not a DRAFT.
$scope.enterprise OR {var}.status <> 'DRAFT'
