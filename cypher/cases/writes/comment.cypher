// Add a comment to a case locked earlier in this transaction. A partner-visible comment by enterprise
// staff is the case's first response when it has none yet.
MATCH (c:Case {id: $id}), (author:Person {id: $authorId})
SET c.commentCount = coalesce(c.commentCount, 0) + 1, c.updatedAt = $now,
    c.firstResponseAt = CASE WHEN $enterprise AND $visibility = 'PARTNER' THEN coalesce(c.firstResponseAt, $now)
                             ELSE c.firstResponseAt END
CREATE (cm:CaseComment {id: $commentId, body: $body, visibility: $visibility, at: $now, seq: c.commentCount})
CREATE (cm)-[:ON]->(c), (cm)-[:BY]->(author)
RETURN cm {.id, .body, .visibility, .at, .seq, authorId: author.id} AS comment
