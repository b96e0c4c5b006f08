// Bulk export of the change log (gateway/exports): the next keyset batch of the change records the viewer may
// read (change_visible), by seq after $after up to $through (ChangeSequence.last as the export began), at most
// $limit, as one list of flat rows of the export's change layout (gateway/exports/columns.py) in one record
// (see selling/reads/lineage_export). `at` travels as epoch microseconds (see lineage_export_row);
// enterpriseFields only for enterprise staff.
MATCH (c:Change)
WHERE c.seq > $after AND c.seq <= $through AND {{change_visible(c)}}
WITH c ORDER BY c.seq LIMIT $limit
WITH {seq: c.seq, at: c.at.epochSeconds * 1000000 + c.at.microsecond, actorId: c.actorId,
      actorPersona: c.actorPersona, entityType: c.entityType, entityId: c.entityId, operation: c.operation,
      fromState: c.fromState, toState: c.toState, relationship: c.relationship, otherType: c.otherType,
      otherId: c.otherId, fields: c.fields, enterpriseFields: CASE WHEN $scope.enterprise THEN c.enterpriseFields END,
      partnerId: c.partnerId, lineageId: c.lineageId} AS row
ORDER BY row.seq
RETURN collect(row) AS rows
