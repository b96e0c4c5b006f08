// needs: none
// internal: _x
// MDF entity {var} (a budget, fund allocation, fund request or fund claim) as its change records see it: its
// properties with what it is tied to (graph/shared/changes.py).
{var} {.*, program: head(COLLECT { MATCH ({var})<-[:HAS_BUDGET]-(_x:Program) RETURN _x.id }),
       partner: head(COLLECT { MATCH ({var})-[:ALLOCATED_TO]->(_x:Partner) RETURN _x.id }),
       source: head(COLLECT { MATCH ({var})-[:DRAWN_FROM]->(_x) RETURN _x.id }),
       allocation: head(COLLECT { MATCH ({var})-[:DRAWS_ON]->(_x:FundAllocation) RETURN _x.id }),
       request: head(COLLECT { MATCH ({var})-[:CLAIMS]->(_x:FundRequest) RETURN _x.id })}
