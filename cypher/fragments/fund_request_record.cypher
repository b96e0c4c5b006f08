// needs: none
// internal: _x
// Fund request {var} as a record map for graph.mdf.records.FundRequestRecord, temporals as ISO text: its allocation,
// the partner that holds it, who submitted it, and the last day a claim may be submitted (the activity's end date
// plus its budget's claim days).
{var} {.*, startDate: toString({var}.startDate), endDate: toString({var}.endDate),
       submittedAt: toString({var}.submittedAt), updatedAt: toString({var}.updatedAt),
       decidedAt: toString({var}.decidedAt), cancelledAt: toString({var}.cancelledAt),
       allocationId: head(COLLECT { MATCH ({var})-[:DRAWS_ON]->(_x:FundAllocation) RETURN _x.id }),
       partnerId: head(COLLECT { MATCH ({var})-[:DRAWS_ON]->(:FundAllocation)-[:ALLOCATED_TO]->(_x:Partner) RETURN _x.id }),
       submittedById: head(COLLECT { MATCH ({var})-[:SUBMITTED_BY]->(_x:Person) RETURN _x.id }),
       claimBy: toString({{claim_by({var})}})}
