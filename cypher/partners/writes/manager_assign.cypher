// Assign a relationship manager (checked already) to a partner; the partner reports its `relationshipManagers`
// (their ids) before and after.
MATCH (p:Partner {id: $partnerId}), (rm:Person {id: $personId})
WITH p, rm, COLLECT { MATCH (x:Person)-[:MANAGES]->(p) RETURN x.id ORDER BY x.id } AS was
MERGE (rm)-[:MANAGES]->(p)
RETURN {{partner_record(p)}} AS partner,
       [{type: 'Partner', id: p.id, before: {relationshipManagers: was},
         after: {relationshipManagers: COLLECT { MATCH (x:Person)-[:MANAGES]->(p) RETURN x.id ORDER BY x.id }},
         partnerId: p.id}] AS changes
