// Convert an APPROVED registration locked earlier in this transaction into a PROSPECTING opportunity
// and close it as CONVERTED.
MATCH (dr:DealRegistration {id: $id})-[:REGISTERED_BY]->(p:Partner)
WITH dr, p, properties(dr) AS before
CREATE (dr)-[:CONVERTED_TO]->(o:Opportunity {id: $opportunityId, name: dr.name, stage: 'PROSPECTING',
                                             amount: dr.estimatedAmount, currency: dr.currency,
                                             createdAt: $now, updatedAt: $now, version: 0})
SET dr.status = 'CLOSED', dr.closureCode = 'CONVERTED', dr.closedAt = $now, dr.updatedAt = $now,
    dr.lineageChangedAt = $now
RETURN {{opportunity_record(o)}} AS opportunity,
       [{type: 'DealRegistration', id: dr.id, before: before, after: properties(dr), partnerId: p.id, lineageId: dr.id},
        {type: 'Opportunity', id: o.id, before: null, after: properties(o), partnerId: p.id, lineageId: dr.id}] AS changes
