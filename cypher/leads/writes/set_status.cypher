// Move lead $id (locked, the move checked already): ACCEPTED closes its pending offer as accepted; DISQUALIFIED
// records the reason. Reported with the partner holding it.
MATCH (l:Lead {id: $id})
WITH l, {{lead_logged(l)}} AS before
CALL (l) {
  MATCH (l)-[:OFFERED]->(o:LeadOffer {outcome: 'PENDING'})
  WHERE $status = 'ACCEPTED'
  SET o.outcome = 'ACCEPTED', o.closedAt = $now
}
SET l.status = $status, l.updatedAt = $now,
    l.acceptedAt = CASE WHEN $status = 'ACCEPTED' THEN $now ELSE l.acceptedAt END,
    l.acceptBy = CASE WHEN $status = 'ACCEPTED' THEN null ELSE l.acceptBy END,
    l.disqualifyReason = CASE WHEN $status = 'DISQUALIFIED' THEN $reason ELSE l.disqualifyReason END,
    l.closedAt = CASE WHEN $status IN ['CONVERTED', 'DISQUALIFIED'] THEN $now ELSE l.closedAt END
WITH l, before, {{lead_logged(l)}} AS after
RETURN l.id AS id,
       [{type: 'Lead', id: l.id, before: before, after: after, partnerId: after.partner}] AS changes
