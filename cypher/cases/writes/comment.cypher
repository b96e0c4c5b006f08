// Add a comment to a case locked earlier in this transaction. A partner-visible comment by enterprise
// staff is the case's first response when it has none yet. It reports the case (which diffs to nothing
// unless this is the first response: `commentCount` is left out) and the comment created.
MATCH (c:Case {id: $id}), (author:Person {id: $authorId})
WITH c, author, c {.*, commentCount: null} AS before,
     head(COLLECT { MATCH (c)-[:FOR_PARTNER]->(p:Partner) RETURN p.id }) AS partnerId
SET c.commentCount = coalesce(c.commentCount, 0) + 1, c.updatedAt = $now,
    c.firstResponseAt = CASE WHEN $enterprise AND $visibility = 'PARTNER' THEN coalesce(c.firstResponseAt, $now)
                             ELSE c.firstResponseAt END
CREATE (cm:CaseComment {id: $commentId, body: $body, visibility: $visibility, at: $now, seq: c.commentCount})
CREATE (cm)-[:ON]->(c), (cm)-[:BY]->(author)
RETURN cm {.id, .body, .visibility, .at, .seq, authorId: author.id} AS comment,
       [{type: 'Case', id: c.id, before: before, after: c {.*, commentCount: null}, partnerId: partnerId},
        {type: 'CaseComment', id: cm.id, before: null, after: cm {.*, case: c.id, author: author.id},
         partnerId: partnerId, scopeId: c.id}] AS changes
