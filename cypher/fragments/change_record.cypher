// needs: $scope
// The map of change record {var} that graph.changes.records.ChangeRecord reads: the enterprise-only fields
// only for enterprise staff.
{var} {.seq, .at, .actorId, .actorPersona, .entityType, .entityId, .operation, .fromState, .toState, .state,
       .relationship, .otherType, .otherId, .fields, .partnerId, .lineageId, .scopeId,
       enterpriseFields: CASE WHEN $scope.enterprise THEN {var}.enterpriseFields END}
