// Lead routing rules by id (enterprise staff only).
UNWIND $ids AS id
MATCH (r:LeadRoutingRule {id: id}) WHERE $scope.enterprise
RETURN r {.*, createdAt: toString(r.createdAt), updatedAt: toString(r.updatedAt)} AS rule
