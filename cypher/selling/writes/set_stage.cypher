// Move an opportunity locked earlier in this transaction to $stage (checked already).
MATCH (p:Partner)<-[:REGISTERED_BY]-(dr:DealRegistration)-[:CONVERTED_TO]->(o:Opportunity {id: $id})
SET o.stage = $stage, o.updatedAt = $now,
    o.closedAt = CASE WHEN $stage IN ['CLOSED_WON', 'CLOSED_LOST'] THEN $now ELSE o.closedAt END,
    dr.lineageChangedAt = $now
RETURN {{opportunity_record(o)}} AS opportunity
