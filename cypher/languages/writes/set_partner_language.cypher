// Set (null: clear) the preferred language of partner $id, visible to the viewer and, for a partner admin, their
// own organization ($ownOrg); no row when it is neither.
MATCH (p:Partner {id: $id})
WHERE {{partner_visible(p)}} AND ($ownOrg IS NULL OR p.id = $ownOrg)
{{...write_lock(p)}}
SET p.version = coalesce(p.version, 0) + 1
WITH p, properties(p) AS before
SET p.preferredLanguage = $language, p.updatedAt = $now
RETURN {{partner_record(p)}} AS partner,
       [{type: 'Partner', id: p.id, before: before, after: properties(p), partnerId: p.id}] AS changes
