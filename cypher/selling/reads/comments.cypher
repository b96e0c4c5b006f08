// Comments on visible registrations, oldest first; work notes (INTERNAL) only for enterprise staff.
UNWIND $ids AS registrationId
MATCH (c:Comment)-[:ON]->(dr:DealRegistration {id: registrationId})
WHERE {{deal_visible(dr)}} AND {{comment_visible(c)}}
MATCH (c)-[:BY]->(author:Person)
WITH registrationId, c, author ORDER BY c.at, coalesce(c.seq, 0), c.id
RETURN registrationId, collect(c {.id, .body, .visibility, .at, authorId: author.id}) AS comments
