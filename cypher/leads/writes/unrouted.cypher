// No partner is left for lead $id: a NEW lead stays NEW with the reason; a rejected or timed-out one EXPIRES.
MATCH (l:Lead {id: $id})
WITH l, {{lead_logged(l)}} AS before
SET l.status = $status, l.unroutedReason = $reason, l.updatedAt = $now,
    l.closedAt = CASE WHEN $status = 'EXPIRED' THEN $now ELSE l.closedAt END
RETURN l.id AS id,
       [{type: 'Lead', id: l.id, before: before, after: {{lead_logged(l)}}}] AS changes
