// Take a relationship manager off a partner; the partner reports its `relationshipManagers` (their ids)
// before and after.
MATCH (p:Partner {id: $partnerId})
WITH p, COLLECT { MATCH (x:Person)-[:MANAGES]->(p) RETURN x.id ORDER BY x.id } AS was
OPTIONAL MATCH (:Person {id: $personId})-[managed:MANAGES]->(p)
DELETE managed
WITH DISTINCT p, was
RETURN {{partner_record(p)}} AS partner,
       [{type: 'Partner', id: p.id, before: {relationshipManagers: was},
         after: {relationshipManagers: COLLECT { MATCH (x:Person)-[:MANAGES]->(p) RETURN x.id ORDER BY x.id }},
         partnerId: p.id}] AS changes
