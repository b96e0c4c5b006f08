// One page of each entity's audit trail, newest first: the visible records of {type, id} matching the
// filter (actor, operations, time range), before the cursor's seq. A partner's trail holds the records of the
// partner application it was approved from too (docs/APPLICATIONS.md).
UNWIND $entities AS entity
CALL (entity) {
  CALL (entity) {
    MATCH (c:Change {entityType: entity.type, entityId: entity.id})
    RETURN c
    UNION
    MATCH (app:PartnerApplication)-[:BECAME]->(:Partner {id: entity.id})
    WHERE entity.type = 'Partner'
    MATCH (c:Change {entityType: 'PartnerApplication', entityId: app.id})
    RETURN c
  }
  WITH c
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
