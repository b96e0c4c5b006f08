// Every lead routing rule, by priority (enterprise staff only: partners never see the rules).
MATCH (r:LeadRoutingRule) WHERE $scope.enterprise
RETURN r {.*, createdAt: toString(r.createdAt), updatedAt: toString(r.updatedAt)} AS rule
ORDER BY r.priority, r.id
