// The ChangeSummary of each {type, id} (what pruning kept of its records), when the viewer may see the
// entity it is anchored to, by the rule of its records (a summary has a record's scope properties).
UNWIND $entities AS entity
MATCH (summary:ChangeSummary {entityType: entity.type, entityId: entity.id})
WHERE {{change_visible(summary)}}
RETURN entity.type + '/' + entity.id AS parentId,
       summary {.changes, .firstSeq, .lastSeq, .firstAt, .lastAt, .createdAt, .createdById, .createdByPersona,
                .deletedAt, .lastState} AS summary
