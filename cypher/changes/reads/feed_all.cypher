// One page of the change feed for a viewer who sees every partner: the log in seq order after $after,
// seeking on the seq constraint's index, each record checked by its visibility rule; then the log's ends (as
// horizon.cypher reads them), read after the page, so a prune that committed while the page was read shows.
// $filter is one map ({types, subtree}) rather than two parameters: Neo4j plans a statement again when a
// parameter's type or a list's size changes, and planning this one takes seconds; a map's content does not count.
// `present`: how many records with a seq in ($after, $through] the index shows, counted before the page is read.
// A live follower skips to $through past the records it may not see only when all of them were there: a commit's
// records may show a moment after the sequence's `last` does.
CALL () {
  RETURN COUNT { MATCH (x:Change) WHERE x.seq > $after AND x.seq <= $through } AS present
}
CALL () {
  MATCH (c:Change)
  WHERE c.seq > $after AND ($filter.types IS NULL OR c.entityType IN $filter.types) AND {{change_in_subtree(c)}}
    AND {{change_visible(c)}}
  WITH c ORDER BY c.seq
  LIMIT $limit
  RETURN collect({{change_record(c)}}) AS page
}
OPTIONAL MATCH (s:ChangeSequence {name: 'changes'})
RETURN page, present, coalesce(s.last, 0) AS last, coalesce(s.prunedThrough, 0) AS prunedThrough
