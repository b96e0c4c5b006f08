// Add a comment (PARTNER) or work note (INTERNAL) to a registration locked earlier in this transaction.
MATCH (dr:DealRegistration {id: $id})-[:REGISTERED_BY]->(p:Partner), (by:Person {id: $personId})
// seq orders comments written in the same second (the registration is locked, so counting is safe).
WITH dr, p, by, COUNT { (:Comment)-[:ON]->(dr) } + 1 AS seq
CREATE (c:Comment {id: $commentId, body: $body, visibility: $visibility, at: $now, seq: seq})-[:ON]->(dr)
CREATE (c)-[:BY]->(by)
SET dr.updatedAt = $now, dr.lineageChangedAt = $now
RETURN c {.id, .body, .visibility, .at, authorId: by.id} AS comment,
       [{type: 'DealComment', id: c.id, before: null, after: properties(c), partnerId: p.id, lineageId: dr.id}] AS changes
