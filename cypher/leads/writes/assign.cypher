// Assign lead $id (locked; the assignee is staff of the partner holding it, checked already) to $assigneeId,
// replacing any previous assignee.
MATCH (l:Lead {id: $id}), (person:Person {id: $assigneeId})
WITH l, person, {{lead_logged(l)}} AS before
CALL (l) {
  MATCH (l)-[old:ASSIGNED_TO]->(:Person)
  DELETE old
}
CREATE (l)-[:ASSIGNED_TO]->(person)
SET l.updatedAt = $now
WITH l, before, {{lead_logged(l)}} AS after
RETURN l.id AS id,
       [{type: 'Lead', id: l.id, before: before, after: after, partnerId: after.partner}] AS changes
