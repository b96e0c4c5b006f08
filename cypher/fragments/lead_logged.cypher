// needs: none
// internal: _x
// Lead {var} as its change records see it: its properties with the partner holding it, the person it is assigned
// to and the deal registration it converted to (graph/shared/changes.py; `partner` is enterprise-only there).
{var} {.*, partner: head(COLLECT { MATCH ({var})-[:ROUTED_TO]->(_x:Partner) RETURN _x.id }),
       assignee: head(COLLECT { MATCH ({var})-[:ASSIGNED_TO]->(_x:Person) RETURN _x.id }),
       registration: head(COLLECT { MATCH ({var})-[:CONVERTED_TO]->(_x:DealRegistration) RETURN _x.id })}
