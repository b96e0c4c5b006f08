// needs: none
// internal: _x
// Deal registration {var} as a record map for graph.records.DealRegistrationRecord: every query that returns
// registrations uses this one shape, so a registration read with its opportunity can prime the loader.
// Temporal properties come as ISO text, overriding `.*` (later keys win): hydrating a driver DateTime
// costs ~50 µs in Python, parsing the text in graph.records under 1 µs, and a page of lineages carries
// thousands of them.
{var} {.*, createdAt: toString({var}.createdAt), updatedAt: toString({var}.updatedAt),
       submittedAt: toString({var}.submittedAt), reviewDeadline: toString({var}.reviewDeadline),
       decidedAt: toString({var}.decidedAt), protectedUntil: toString({var}.protectedUntil),
       closedAt: toString({var}.closedAt), lineageChangedAt: toString({var}.lineageChangedAt),
       expectedCloseDate: toString({var}.expectedCloseDate),
       partnerId: head(COLLECT { MATCH ({var})-[:REGISTERED_BY]->(_x:Partner) RETURN _x.id }),
       accountId: head(COLLECT { MATCH ({var})-[:FOR]->(_x:Account) RETURN _x.id }),
       programId: head(COLLECT { MATCH ({var})-[:IN]->(_x:Program) RETURN _x.id }),
       submittedById: head(COLLECT { MATCH ({var})-[:SUBMITTED_BY]->(_x:Person) RETURN _x.id }),
       ownerId: head(COLLECT { MATCH ({var})-[:OWNED_BY]->(_x:Person) RETURN _x.id }),
       leadId: head(COLLECT { MATCH ({var})<-[:CONVERTED_TO]-(_x:Lead) RETURN _x.id }),
       fundRequestId: head(COLLECT { MATCH ({var})-[:INFLUENCED_BY]->(_x:FundRequest) RETURN _x.id })}
