// Set (null: clear) the enterprise's preferred language on its one settings node (made by migration 0014, or
// here on a database older than it).
MERGE (e:Enterprise {id: 'enterprise'})
{{...write_lock(e)}}
SET e.version = coalesce(e.version, 0) + 1
WITH e, properties(e) AS before
SET e.preferredLanguage = $language, e.updatedAt = $now
RETURN e {.id, .preferredLanguage} AS enterprise,
       [{type: 'Enterprise', id: e.id, before: before, after: properties(e)}] AS changes
