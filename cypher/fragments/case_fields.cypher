// Case {var} as a record map for graph.records.CaseRecord (its SLA figures come from case_sla); times as
// ISO text (see registration_fields).
{var} {.id, .number, .subject, .description, .category, .priority, .status, .responseMinutes,
       .resolutionMinutes, openedAt: toString({var}.openedAt), firstResponseAt: toString({var}.firstResponseAt),
       resolvedAt: toString({var}.resolvedAt), closedAt: toString({var}.closedAt), updatedAt: toString({var}.updatedAt),
       partnerId: head(COLLECT { MATCH ({var})-[:FOR_PARTNER]->(x:Partner) RETURN x.id }),
       accountId: head(COLLECT { MATCH ({var})-[:FOR_ACCOUNT]->(x:Account) RETURN x.id }),
       openedById: head(COLLECT { MATCH ({var})-[:OPENED_BY]->(x:Person) RETURN x.id }),
       ownerId: head(COLLECT { MATCH ({var})-[:OWNED_BY]->(x:Person) RETURN x.id }),
       assigneeId: head(COLLECT { MATCH ({var})-[:ASSIGNED_TO]->(x:Person) RETURN x.id }),
       queue: head(COLLECT { MATCH ({var})-[:IN_QUEUE]->(x:Queue) RETURN x {.id, .name} }),
       about: head(COLLECT { MATCH ({var})-[:ABOUT]->(x) RETURN {id: x.id, label: head(labels(x))} }),
       slaPolicyId: head(COLLECT { MATCH ({var})-[:UNDER_SLA]->(x:SlaPolicy) RETURN x.id })}
