// needs: $scope
// Is comment {var} readable: partner-visible comments by anyone who sees the deal; work notes
// (INTERNAL) only by enterprise staff.
{var}.visibility = 'PARTNER' OR $scope.enterprise
