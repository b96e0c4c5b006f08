// Convert an APPROVED registration locked earlier in this transaction into a PROSPECTING opportunity
// and close it as CONVERTED.
MATCH (dr:DealRegistration {id: $id})-[:REGISTERED_BY]->(p:Partner)
CREATE (dr)-[:CONVERTED_TO]->(o:Opportunity {id: $opportunityId, name: dr.name, stage: 'PROSPECTING',
                                             amount: dr.estimatedAmount, currency: dr.currency,
                                             createdAt: $now, updatedAt: $now, version: 0})
SET dr.status = 'CLOSED', dr.closureCode = 'CONVERTED', dr.closedAt = $now, dr.updatedAt = $now,
    dr.lineageChangedAt = $now
RETURN {{opportunity_record(o)}} AS opportunity
