// Change routing rule $id: the properties in $set (checked already). Nothing read back when it does not exist.
MATCH (r:LeadRoutingRule {id: $id})
{{...write_lock(r)}}
WITH r, properties(r) AS before
SET r += $set, r.updatedAt = $now, r.version = r.version + 1
RETURN r.id AS id, [{type: 'LeadRoutingRule', id: r.id, before: before, after: properties(r)}] AS changes
