// needs: none
// internal: _x
// Lead {var} as a record map for graph.leads.records.LeadRecord, temporals as ISO text (see registration_record).
{var} {.*, createdAt: toString({var}.createdAt), updatedAt: toString({var}.updatedAt),
       routedAt: toString({var}.routedAt), acceptBy: toString({var}.acceptBy),
       acceptedAt: toString({var}.acceptedAt), closedAt: toString({var}.closedAt),
       productId: head(COLLECT { MATCH ({var})-[:INTERESTED_IN]->(_x:Product) RETURN _x.id }),
       partnerId: head(COLLECT { MATCH ({var})-[:ROUTED_TO]->(_x:Partner) RETURN _x.id }),
       assigneeId: head(COLLECT { MATCH ({var})-[:ASSIGNED_TO]->(_x:Person) RETURN _x.id }),
       registrationId: head(COLLECT { MATCH ({var})-[:CONVERTED_TO]->(_x:DealRegistration) RETURN _x.id })}
