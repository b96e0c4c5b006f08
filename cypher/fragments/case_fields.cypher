// needs: none
// internal: _x
// Case {var} as a record map for graph.records.CaseRecord (its SLA figures come from case_sla); times as
// ISO text (see registration_record).
{var} {.id, .number, .subject, .description, .category, .priority, .status, .responseMinutes,
       .resolutionMinutes, openedAt: toString({var}.openedAt), firstResponseAt: toString({var}.firstResponseAt),
       resolvedAt: toString({var}.resolvedAt), closedAt: toString({var}.closedAt), updatedAt: toString({var}.updatedAt),
       partnerId: head(COLLECT { MATCH ({var})-[:FOR_PARTNER]->(_x:Partner) RETURN _x.id }),
       accountId: head(COLLECT { MATCH ({var})-[:FOR_ACCOUNT]->(_x:Account) RETURN _x.id }),
       openedById: head(COLLECT { MATCH ({var})-[:OPENED_BY]->(_x:Person) RETURN _x.id }),
       ownerId: head(COLLECT { MATCH ({var})-[:OWNED_BY]->(_x:Person) RETURN _x.id }),
       assigneeId: head(COLLECT { MATCH ({var})-[:ASSIGNED_TO]->(_x:Person) RETURN _x.id }),
       queue: head(COLLECT { MATCH ({var})-[:IN_QUEUE]->(_x:Queue) RETURN _x {.id, .name} }),
       about: head(COLLECT { MATCH ({var})-[:ABOUT]->(_x) RETURN {id: _x.id, label: head(labels(_x))} }),
       slaPolicyId: head(COLLECT { MATCH ({var})-[:UNDER_SLA]->(_x:SlaPolicy) RETURN _x.id })}
