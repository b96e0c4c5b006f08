// Move an opportunity locked earlier in this transaction to $stage (checked already).
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity {id: $id})
WITH p, dr, o, properties(o) AS before
SET o.stage = $stage, o.updatedAt = $now,
    o.closedAt = CASE WHEN $stage IN ['CLOSED_WON', 'CLOSED_LOST'] THEN $now ELSE o.closedAt END,
    dr.lineageChangedAt = $now
RETURN {{opportunity_record(o)}} AS opportunity,
       [{type: 'Opportunity', id: o.id, before: before, after: properties(o), partnerId: p.id, lineageId: dr.id}] AS changes
