// Lead $id (ACCEPTED, locked) converted: linked to the deal registration created for it, and CONVERTED.
MATCH (l:Lead {id: $id}), (dr:DealRegistration {id: $registrationId})
WITH l, dr, {{lead_logged(l)}} AS before
CREATE (l)-[:CONVERTED_TO]->(dr)
SET l.status = 'CONVERTED', l.closedAt = $now, l.updatedAt = $now
WITH l, before, {{lead_logged(l)}} AS after
RETURN l.id AS id,
       [{type: 'Lead', id: l.id, before: before, after: after, partnerId: after.partner}] AS changes
