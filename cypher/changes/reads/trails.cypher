// One page of each entity's audit trail, newest first: the visible records of {type, id} matching the
// filter (actor, operations, time range), before the cursor's seq.
UNWIND $entities AS entity
CALL (entity) {
  MATCH (c:Change {entityType: entity.type, entityId: entity.id})
  WHERE ($after IS NULL OR c.seq < $after.value)
    AND ($filter.actorId IS NULL OR c.actorId = $filter.actorId)
    AND ($filter.operations IS NULL OR c.operation IN $filter.operations)
    AND ($filter.since IS NULL OR c.at >= $filter.since)
    AND ($filter.until IS NULL OR c.at < $filter.until)
    AND {{change_visible(c)}}
  WITH c ORDER BY c.seq DESC
  LIMIT $limit
  RETURN collect({{change_record(c)}}) AS page
}
RETURN entity.type + '/' + entity.id AS parentId, page
