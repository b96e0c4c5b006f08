// One page of the change feed for a viewer who sees every partner: the log in seq order after $after,
// seeking on the seq constraint's index, each record checked by its visibility rule.
MATCH (c:Change)
WHERE c.seq > $after AND ($types IS NULL OR c.entityType IN $types) AND {{change_in_subtree(c)}}
  AND {{change_visible(c)}}
WITH c ORDER BY c.seq
LIMIT $limit
RETURN {{change_record(c)}} AS change
