// One page of the change feed for a viewer scoped to some partners: the records of the partners in scope
// (seeking on (partnerId, seq)) and the program-side and partner application ones (on (scope, seq)), each checked by its
// visibility rule, in seq order after $after; then the log's ends, read after the page (as feed_all.cypher).
// `present`: how many records with a seq in ($after, $through] the index shows, counted before the page is read.
// A live follower skips to $through past the records it may not see only when all of them were there: a commit's
// records may show a moment after the sequence's `last` does.
CALL () {
  RETURN COUNT { MATCH (x:Change) WHERE x.seq > $after AND x.seq <= $through } AS present
}
CALL () {
  CALL () {
    {{...partners_in_scope(p)}}
    MATCH (c:Change)
    WHERE c.partnerId = p.id AND c.seq > $after
    RETURN c
    UNION
    MATCH (c:Change)
    WHERE c.scope = 'program' AND c.seq > $after
    RETURN c
    UNION
    MATCH (c:Change)
    WHERE c.scope = 'application' AND c.seq > $after
    RETURN c
  }
  WITH c
  WHERE ($filter.types IS NULL OR c.entityType IN $filter.types) AND {{change_in_subtree(c)}}
    AND {{change_visible(c)}}
  WITH c ORDER BY c.seq
  LIMIT $limit
  RETURN collect({{change_record(c)}}) AS page
}
OPTIONAL MATCH (s:ChangeSequence {name: 'changes'})
RETURN page, present, coalesce(s.last, 0) AS last, coalesce(s.prunedThrough, 0) AS prunedThrough
